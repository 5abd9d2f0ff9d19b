/**
 * The 光荣榜 poster: one person's name, category, community and the start of their story,
 * with the mini-program code that opens their page. Drawn the same way on weapp (a 2d
 * canvas on the page) and in the H5 preview (a canvas in memory), so the drawing only
 * sees the small part of the 2d context both share.
 */

/** The poster in its own units; the canvas is this times `POSTER_SCALE` pixels. */
export const POSTER_WIDTH = 600;
export const POSTER_HEIGHT = 920;
/** Pixels a unit: 1200×1840, sharp on a phone's screen and in its album. */
export const POSTER_SCALE = 2;

const FONT_FAMILY = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";
// Poster colours are fixed: the saved image is the same whatever theme the resident uses.
const RED = '#b3261e';
const INK = '#1f1f1f';
const MUTED = '#5c5c5c';
const PAPER = '#fffaf3';
const GOLD = '#f6d58e';

/** What a poster needs of 2d canvas context (CanvasRenderingContext2D and WeChat's both have it). */
export interface PosterContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  save(): void;
  restore(): void;
  scale(x: number, y: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  beginPath(): void;
  closePath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void;
  fill(): void;
  stroke(): void;
  clip(): void;
  // The image types differ by platform (HTMLImageElement, WeChat's Image); both draw.
  drawImage(image: never, x: number, y: number, w: number, h: number): void;
}

export interface PosterContent {
  name: string;
  category: string;
  communityName: string;
  listTitle: string;
  excerpt: string;
}

/** Images already loaded: the code is required, the photo is drawn when there is one. */
export interface PosterImages<I> {
  code: I;
  photo: I | null;
}

/** Closing punctuation never starts a line in Chinese typesetting (避头点). */
const NO_LINE_START = new Set(Array.from('，。、；：！？）》」』”’…—,.;:!?)'));

/**
 * Breaks text into lines no wider than `maxWidth`, character by character as Chinese
 * text breaks, keeping closing punctuation off the start of a line. Beyond `maxLines`
 * the last line ends with an ellipsis.
 *
 * @example wrapText('平凡岗位上的好丈夫', 100, (s) => s.length * 20, 2) // ['平凡岗位上', '的好丈夫']
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number, maxLines: number): string[] {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  const lines: string[] = [];
  let line: string[] = [];
  for (const ch of chars) {
    if (line.length > 0 && measure([...line, ch].join('')) > maxWidth) {
      // Carry the last character down with the punctuation rather than start a line with it.
      const carried = NO_LINE_START.has(ch) && line.length > 1 ? line.pop()! : null;
      lines.push(line.join(''));
      line = carried ? [carried] : [];
      if (ch === ' ' && !carried) continue;
    }
    line.push(ch);
  }
  if (line.length > 0) lines.push(line.join(''));
  if (lines.length <= maxLines) return lines;

  const kept = lines.slice(0, maxLines);
  let last = Array.from(kept[maxLines - 1]!.replace(/…$/, ''));
  while (last.length > 0 && measure(`${last.join('')}…`) > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.join('')}…`;
  return kept;
}

const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;

function roundRect(ctx: PosterContext, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/** Where things stand on the poster, in poster units; the tests read it too. */
export const POSTER_LAYOUT = {
  band: { height: 190 },
  avatar: { cx: POSTER_WIDTH / 2, cy: 250, r: 76 },
  name: { y: 378 },
  badge: { y: 422, height: 48 },
  community: { y: 504 },
  excerpt: { top: 540, lineHeight: 40, maxLines: 4, width: 500 },
  code: { x: 48, y: 740, size: 140 },
} as const;

/**
 * Draws the whole poster. The caller sizes the canvas to POSTER_WIDTH × POSTER_HEIGHT
 * times POSTER_SCALE first; this scales once, so everything below is in poster units.
 */
export function drawPoster<I>(ctx: PosterContext, content: PosterContent, images: PosterImages<I>): void {
  const L = POSTER_LAYOUT;
  const W = POSTER_WIDTH;
  ctx.save();
  ctx.scale(POSTER_SCALE, POSTER_SCALE);

  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, W, POSTER_HEIGHT);

  // The red band with the gold headline, as on a printed 光荣榜.
  ctx.fillStyle = RED;
  ctx.fillRect(0, 0, W, L.band.height);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = GOLD;
  ctx.font = font(58, true);
  ctx.fillText('光 荣 榜', W / 2, 68);
  ctx.fillStyle = '#ffffff';
  ctx.font = font(26);
  ctx.fillText(fitLine(ctx, content.listTitle, W - 80), W / 2, 124);

  // The photo, or the family name in a circle where there is none.
  const { cx, cy, r } = L.avatar;
  ctx.beginPath();
  ctx.arc(cx, cy, r + 6, 0, Math.PI * 2);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  if (images.photo) {
    ctx.save();
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.clip();
    ctx.drawImage(images.photo as never, cx - r, cy - r, r * 2, r * 2);
    ctx.restore();
  } else {
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.fillStyle = RED;
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.font = font(72, true);
    ctx.fillText(Array.from(content.name.trim())[0] ?? '好', cx, cy + 2);
  }

  ctx.fillStyle = INK;
  ctx.font = font(50, true);
  ctx.fillText(fitLine(ctx, content.name, W - 80), W / 2, L.name.y);

  // The category as a badge: the reason this person is on the list.
  ctx.font = font(28, true);
  const badgeWidth = Math.min(W - 80, ctx.measureText(content.category).width + 56);
  roundRect(ctx, (W - badgeWidth) / 2, L.badge.y, badgeWidth, L.badge.height, L.badge.height / 2);
  ctx.fillStyle = RED;
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.fillText(fitLine(ctx, content.category, badgeWidth - 32), W / 2, L.badge.y + L.badge.height / 2 + 1);

  ctx.fillStyle = MUTED;
  ctx.font = font(26);
  ctx.fillText(fitLine(ctx, content.communityName, W - 80), W / 2, L.community.y);

  ctx.fillStyle = INK;
  ctx.font = font(27);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  const ex = L.excerpt;
  const lines = wrapText(content.excerpt, ex.width, (s) => ctx.measureText(s).width, ex.maxLines);
  lines.forEach((line, i) => ctx.fillText(line, (W - ex.width) / 2, ex.top + i * ex.lineHeight));

  // A rule, then the code with what to do with it.
  ctx.strokeStyle = GOLD;
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(48, L.code.y - 24);
  ctx.lineTo(W - 48, L.code.y - 24);
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(L.code.x, L.code.y, L.code.size, L.code.size);
  ctx.drawImage(images.code as never, L.code.x, L.code.y, L.code.size, L.code.size);
  const textX = L.code.x + L.code.size + 28;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = INK;
  ctx.font = font(28, true);
  ctx.fillText('长按识别小程序码', textX, L.code.y + 34);
  ctx.fillStyle = MUTED;
  ctx.font = font(24);
  ctx.fillText('看TA的事迹，为TA点赞', textX, L.code.y + 78);
  ctx.fillStyle = RED;
  ctx.font = font(24, true);
  ctx.fillText('邻里通 · 城乡社区', textX, L.code.y + 118);

  ctx.restore();
}

/** One line that fits, shortened with an ellipsis when it would not (a long list title). */
function fitLine(ctx: PosterContext, text: string, maxWidth: number): string {
  return wrapText(text, maxWidth, (s) => ctx.measureText(s).width, 1)[0] ?? '';
}
