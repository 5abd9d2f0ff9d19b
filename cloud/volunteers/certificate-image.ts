import { formatMinutes } from '../../types/volunteers';
import { loadSharp } from '../core/lazy-modules';

/** Text goes into SVG as character data: escaped, so a nickname can never become markup. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

export const CERTIFICATE_SIZE = { width: 750, height: 1060 } as const;

export interface CertificateFacts {
  name: string;
  year: number;
  minutes: number;
  services: number;
  /** The services of that year, newest first; the card shows the first few. */
  lines: Array<{ date: string; title: string; minutes: number }>;
  issuedOn: string;
  /** The mini-program code that opens the resident's hours page, as PNG. */
  code: Buffer;
}

const FONT = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/**
 * 志愿服务时长证明: a portrait card a resident saves to the album and shows to a school or an
 * employer, with the mini-program code so whoever reads it can open the record itself.
 */
export async function renderCertificate(f: CertificateFacts): Promise<Buffer> {
  const sharp = await loadSharp();
  const { width, height } = CERTIFICATE_SIZE;
  const shown = f.lines.slice(0, 6);
  const rows = shown
    .map(
      (l, i) =>
        `<text x="70" y="${560 + i * 44}" font-size="26" fill="#333">${escapeXml(l.date)}  ${escapeXml([...l.title].slice(0, 14).join(''))}</text>` +
        `<text x="680" y="${560 + i * 44}" font-size="26" fill="#333" text-anchor="end">${escapeXml(formatMinutes(l.minutes))}</text>`,
    )
    .join('');
  const more = f.lines.length > shown.length ? `<text x="70" y="${560 + shown.length * 44}" font-size="24" fill="#666">等共 ${f.services} 次服务</text>` : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${FONT}">
  <rect width="100%" height="100%" fill="#fffaf3"/>
  <rect x="24" y="24" width="${width - 48}" height="${height - 48}" fill="none" stroke="#b3261e" stroke-width="6"/>
  <text x="${width / 2}" y="130" font-size="52" font-weight="bold" fill="#b3261e" text-anchor="middle">志愿服务时长证明</text>
  <text x="${width / 2}" y="200" font-size="30" fill="#333" text-anchor="middle">${escapeXml(f.name)} 同志</text>
  <text x="${width / 2}" y="260" font-size="28" fill="#333" text-anchor="middle">${f.year}年在上街区参加社区志愿服务</text>
  <text x="${width / 2}" y="370" font-size="72" font-weight="bold" fill="#b3261e" text-anchor="middle">${escapeXml(formatMinutes(f.minutes))}</text>
  <text x="${width / 2}" y="430" font-size="28" fill="#333" text-anchor="middle">共 ${f.services} 次服务</text>
  <line x1="70" y1="490" x2="${width - 70}" y2="490" stroke="#e0c9a6" stroke-width="2"/>
  ${rows}${more}
  <text x="70" y="${height - 120}" font-size="24" fill="#666">邻里通 · 上街区社区服务</text>
  <text x="70" y="${height - 80}" font-size="24" fill="#666">出具日期 ${escapeXml(f.issuedOn)}</text>
  <text x="${width - 70}" y="${height - 50}" font-size="20" fill="#666" text-anchor="end">扫码查看服务记录</text>
</svg>`;
  const code = await sharp(f.code).resize(160, 160).png().toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: code, left: width - 70 - 160, top: height - 70 - 160 - 20 }])
    .png()
    .toBuffer();
}
