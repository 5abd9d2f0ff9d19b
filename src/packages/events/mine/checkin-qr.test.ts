import QRCode from 'qrcode';
import { asciiToBase64, checkinQr } from './checkin-qr';

/** The SVG inside a data URL, decoded by Node's own base64. */
function svgOf(dataUrl: string): string {
  const prefix = 'data:image/svg+xml;base64,';
  expect(dataUrl.startsWith(prefix)).toBe(true);
  return Buffer.from(dataUrl.slice(prefix.length), 'base64').toString('latin1');
}

/** The dark modules of our SVG ("row,col" in image coordinates), read from its rectangles. */
function darkOfOurs(svg: string): Set<string> {
  const dark = new Set<string>();
  const dark_ = svg.match(/<path fill="#000000" d="([^"]*)"\/>/);
  expect(dark_).not.toBeNull();
  const rects = [...dark_![1]!.matchAll(/M(\d+) (\d+)h(\d+)v1H(\d+)z/g)];
  // Nothing in the path but these rectangles.
  expect(rects.map((m) => m[0]).join('')).toBe(dark_![1]);
  for (const [, x, y, w, back] of rects) {
    expect(back).toBe(x);
    for (let i = 0; i < Number(w); i++) dark.add(`${y},${Number(x) + i}`);
  }
  return dark;
}

/** The dark modules of qrcode's own SVG renderer (one stroked line per run: M x y+.5, m dx 0, h n). */
function darkOfQrcode(svg: string): Set<string> {
  const d = svg.match(/<path stroke="#000000" d="([^"]*)"\/>/)![1]!;
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])([\d.]+)(?: ([\d.]+))?/g)) {
    if (cmd === 'M') [x, y] = [Number(a), Number(b) - 0.5];
    else if (cmd === 'm') x += Number(a);
    else {
      for (let i = 0; i < Number(a); i++) dark.add(`${y},${x + i}`);
      x += Number(a);
    }
  }
  return dark;
}

describe('the check-in QR drawn by 我的活动', () => {
  const codes = ['AB3D7KMN', 'ZZZZ2222', 'HJKMNPQR', '23456789'];

  it.each(codes)('%s: the same modules as qrcode draws for the code, in an SVG of the same frame', async (code) => {
    const ours = svgOf(checkinQr(code));
    const theirs = await QRCode.toString(code, { type: 'svg', margin: 1, width: 360, errorCorrectionLevel: 'M' });
    expect(darkOfOurs(ours)).toEqual(darkOfQrcode(theirs));
    // The same frame: size, view box (modules plus a one-module margin), white behind.
    const frame = (svg: string) => svg.match(/width="\d+" height="\d+" viewBox="[^"]+"/)![0];
    expect(frame(ours)).toBe(frame(theirs));
    expect(ours).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*><path fill="#ffffff" d="M0 0h(\d+)v\1H0z"\/>/);
  });

  it('each code its own image, and the module matrix is the one qrcode.create gives', () => {
    const matrix = QRCode.create('AB3D7KMN', { errorCorrectionLevel: 'M' }).modules;
    const expected = new Set<string>();
    for (let row = 0; row < matrix.size; row++) for (let col = 0; col < matrix.size; col++) if (matrix.get(row, col)) expected.add(`${row + 1},${col + 1}`);
    expect(darkOfOurs(svgOf(checkinQr('AB3D7KMN')))).toEqual(expected);
    expect(checkinQr('AB3D7KMN')).not.toBe(checkinQr('AB3D7KMP'));
  });

  it('needs no TextEncoder or btoa (not every WeChat JS runtime has them)', () => {
    const saved = { TextEncoder: globalThis.TextEncoder, btoa: globalThis.btoa };
    // @ts-expect-error removed for this test, as in a runtime without them
    delete globalThis.TextEncoder;
    // @ts-expect-error as above
    delete globalThis.btoa;
    try {
      expect(svgOf(checkinQr('AB3D7KMN'))).toContain('<svg');
    } finally {
      Object.assign(globalThis, saved);
    }
  });

  it('encodes ASCII to base64 exactly as Node does, every padding', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', '<svg viewBox="0 0 27 27"/>', '~\x7f\x00 z']) {
      expect(asciiToBase64(text)).toBe(Buffer.from(text, 'latin1').toString('base64'));
    }
  });
});
