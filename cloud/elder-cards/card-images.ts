import { loadQrCode, loadSharp } from '../core/lazy-modules';
import { escapeXml } from '../volunteers/certificate-image';

const FONT = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/** A bank-card sized card (85.6 × 54 mm at 300 dpi) to print, laminate and keep in a pocket. */
export const CARD_SIZE = { width: 1012, height: 638 } as const;
/** A small square sticker for a walking stick, a phone case or the inside of a jacket. */
export const STICKER_SIZE = { width: 472, height: 560 } as const;

/** The QR code drawn as SVG and rasterised by sharp (the qrcode package's own PNG encoder is far slower). */
async function urlQr(url: string, width: number): Promise<Buffer> {
  const sharp = await loadSharp();
  const svg = await (await loadQrCode()).toString(url, { type: 'svg', width, margin: 1, errorCorrectionLevel: 'Q' });
  return sharp(Buffer.from(svg)).resize(width, width).png().toBuffer();
}

/**
 * The card carries the mini-program code (WeChat opens the helper page directly) and a plain
 * QR code of the web address for any other phone camera, with the address written out.
 */
export async function renderCard(f: { displayName: string; url: string; miniCode: Buffer }): Promise<Buffer> {
  const sharp = await loadSharp();
  const { width, height } = CARD_SIZE;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${FONT}">
  <rect width="100%" height="100%" fill="#ffffff"/>
  <rect x="0" y="0" width="${width}" height="110" fill="#b3261e"/>
  <text x="40" y="75" font-size="52" font-weight="bold" fill="#ffffff">防走失联系卡</text>
  <text x="40" y="190" font-size="44" font-weight="bold" fill="#222">${escapeXml(f.displayName)}</text>
  <text x="40" y="260" font-size="32" fill="#222">如果我需要帮助，</text>
  <text x="40" y="310" font-size="32" fill="#222">请用微信扫码联系我的家人</text>
  <text x="40" y="370" font-size="26" fill="#555">不用登录，扫码即可通知家属和社区</text>
  <text x="40" y="${height - 70}" font-size="24" fill="#555">其他手机扫右侧二维码或访问：</text>
  <text x="40" y="${height - 32}" font-size="22" fill="#555">${escapeXml(f.url)}</text>
  <text x="${width - 40 - 250 - 30 - 250 + 125}" y="420" font-size="22" fill="#555" text-anchor="middle">微信扫一扫</text>
  <text x="${width - 40 - 125}" y="420" font-size="22" fill="#555" text-anchor="middle">手机相机扫</text>
</svg>`;
  const mini = await sharp(f.miniCode).resize(250, 250).png().toBuffer();
  const plain = await urlQr(f.url, 250);
  return sharp(Buffer.from(svg))
    .composite([
      { input: mini, left: width - 40 - 250 - 30 - 250, top: 140 },
      { input: plain, left: width - 40 - 250, top: 140 },
    ])
    .png()
    .toBuffer();
}

export async function renderSticker(f: { url: string }): Promise<Buffer> {
  const sharp = await loadSharp();
  const { width, height } = STICKER_SIZE;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${FONT}">
  <rect width="100%" height="100%" fill="#ffffff" stroke="#b3261e" stroke-width="8"/>
  <text x="${width / 2}" y="70" font-size="44" font-weight="bold" fill="#b3261e" text-anchor="middle">扫码帮我回家</text>
  <text x="${width / 2}" y="${height - 36}" font-size="24" fill="#555" text-anchor="middle">无需登录 · 通知家属和社区</text>
</svg>`;
  const plain = await urlQr(f.url, 380);
  return sharp(Buffer.from(svg))
    .composite([{ input: plain, left: (width - 380) / 2, top: 100 }])
    .png()
    .toBuffer();
}

/** The plain web address on the card: short, so it can be typed from the print if need be. */
export function cardUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/f/${code}`;
}
