import type { CardFacts } from './card-facts';
import { loadSharp } from '../core/lazy-modules';

/** WeChat shows a chat card's image at 5:4; this size stays sharp on a 3x phone. */
export const CARD_WIDTH = 500;
export const CARD_HEIGHT = 400;
const FONT = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";

/** Stored text goes into the SVG as text, never as markup. */
function xml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** Roughly how wide a character sets, in em: CJK and full-width ones 1, others about half. */
function charWidth(c: string): number {
  return /[\u2E80-\uFFEF]/.test(c) ? 1 : 0.56;
}

/** Splits text into at most `max` lines of `width` em, the last one cut with …. */
export function wrap(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (used + charWidth(c) > width) {
      if (lines.length === max - 1) {
        while (used + 1 > width && line) {
          const last = Array.from(line).pop()!;
          line = Array.from(line).slice(0, -1).join('');
          used -= charWidth(last);
        }
        lines.push(`${line}…`);
        return lines;
      }
      lines.push(line);
      line = '';
      used = 0;
    }
    line += c;
    used += charWidth(c);
  }
  if (line) lines.push(line);
  return lines;
}

/** The card as SVG: badge, title in two lines at most, when/where, and the highlight. */
export function shareCardSvg(facts: CardFacts): string {
  const title = wrap(facts.title, 9.8, 2);
  // Above the highlight band there is room for three 32 px lines under a one-line title, two
  // under a two-line one. The spare line goes to the last fact (the place, for an event), so
  // "朝阳社区党群服务中心 一楼大厅" is read in full rather than cut.
  const room = title.length === 1 ? 3 : 2;
  const lines = facts.lines.flatMap((l, i) => wrap(l, 13.5, i === facts.lines.length - 1 ? Math.max(1, room - i) : 1));
  const titleSvg = title.map((t, i) => `<text x="32" y="${112 + i * 52}" font-size="44" font-weight="bold" fill="#1a1a1a">${xml(t)}</text>`).join('');
  const y = 112 + (title.length - 1) * 52 + 56;
  const linesSvg = lines
    .slice(0, room)
    .map((l, i) => `<text x="32" y="${y + i * 44}" font-size="32" fill="#333333">${xml(l)}</text>`)
    .join('');
  const highlight = facts.highlight
    ? `<rect x="0" y="318" width="${CARD_WIDTH}" height="82" fill="#b3261e"/><text x="32" y="372" font-size="38" font-weight="bold" fill="#ffffff">${xml(facts.highlight)}</text>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${FONT}">
<rect width="100%" height="100%" fill="#fff8f0"/>
<rect x="24" y="22" rx="8" width="${Array.from(facts.badge).length * 28 + 24}" height="44" fill="#b3261e"/>
<text x="36" y="54" font-size="28" fill="#ffffff">${xml(facts.badge)}</text>
<text x="${CARD_WIDTH - 24}" y="54" font-size="24" fill="#7a4a00" text-anchor="end">邻里通</text>
${titleSvg}${linesSvg}${highlight}
</svg>`;
}

/** The 5:4 PNG of a share card. */
export async function renderShareCard(facts: CardFacts): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(Buffer.from(shareCardSvg(facts))).png().toBuffer();
}

/**
 * A poster for printing and Moments: the card on top, the mini-program code below with a
 * line that says what to do with it.
 */
export async function renderPoster(facts: CardFacts, code: Buffer): Promise<Buffer> {
  const sharp = await loadSharp();
  const card = await renderShareCard(facts);
  const qr = await sharp(code).resize(280, 280).png().toBuffer();
  const caption = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="80" font-family="${FONT}"><text x="250" y="50" font-size="28" fill="#333333" text-anchor="middle">微信扫一扫，查看详情</text></svg>`,
  );
  return sharp({ create: { width: CARD_WIDTH, height: 800, channels: 4, background: '#ffffff' } })
    .composite([
      { input: card, top: 0, left: 0 },
      { input: qr, top: 420, left: 110 },
      { input: caption, top: 705, left: 0 },
    ])
    .png()
    .toBuffer();
}
