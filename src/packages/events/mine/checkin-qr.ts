import { create } from 'qrcode';

/** Light modules around the symbol (what the host drew before: qrcode's `margin: 1`); the card around it is white too. */
const MARGIN = 1;
/** The image's own size in px; `CodeQr` scales it to the card's width. */
const WIDTH = 360;

/**
 * A check-in code as a QR image the `<Image>` of `CodeQr` shows: an SVG data URL, drawn
 * here from `registration.checkinCode` instead of by the host (issue 18: 50 codes a page
 * made events.mine ~60 KB and cost the host a QR per sign-up). `qrcode`'s `create` gives
 * the modules; each run of dark modules in a row becomes one rectangle. Check-in codes are
 * upper-case letters and digits, which qrcode encodes in its alphanumeric mode: no
 * `TextEncoder` needed (only its byte mode uses one).
 *
 * @example <CodeQr src={checkinQr(registration.checkinCode)} label="签到二维码" />
 */
export function checkinQr(code: string): string {
  const { size, data } = create(code, { errorCorrectionLevel: 'M' }).modules;
  const side = size + 2 * MARGIN;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!data[row * size + col]) continue;
      const start = col;
      while (col + 1 < size && data[row * size + col + 1]) col++;
      path += `M${start + MARGIN} ${row + MARGIN}h${col - start + 1}v1H${start + MARGIN}z`;
    }
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${WIDTH}" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<path fill="#ffffff" d="M0 0h${side}v${side}H0z"/><path fill="#000000" d="${path}"/></svg>`;
  return `data:image/svg+xml;base64,${asciiToBase64(svg)}`;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Base64 of an ASCII string (the SVG above is ASCII only). WeChat's JS runtime has no
 * `btoa`, and `wx.arrayBufferToBase64` (behind `Taro.arrayBufferToBase64`) is no longer
 * maintained since base library 2.4.0; this is the whole of what is needed.
 */
export function asciiToBase64(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : 0;
    const bits = (a << 16) | (b << 8) | c;
    out += BASE64[(bits >> 18) & 63]! + BASE64[(bits >> 12) & 63]!;
    out += i + 1 < text.length ? BASE64[(bits >> 6) & 63]! : '=';
    out += i + 2 < text.length ? BASE64[bits & 63]! : '=';
  }
  return out;
}
