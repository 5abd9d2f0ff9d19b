/**
 * Draws the tab bar icons (81x81 PNG, WeChat's recommended size) with nothing but Node:
 * simple outlined shapes, grey and in the theme's primary red for the selected tab.
 * Run `node src/assets/tab-bar/draw-icons.cjs` after changing a shape; the PNGs are kept
 * in the repository so builds need no drawing step.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { Buffer } = require('node:buffer');

const SIZE = 81;
const STROKE = 6;
const COLORS = { off: [0x4d, 0x4d, 0x4d], on: [0xb3, 0x26, 0x1e] };

function segment(ax, ay, bx, by) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
  };
}
const ring = (cx, cy, r) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r);
const polyline = (...points) => {
  const parts = [];
  for (let i = 0; i + 3 < points.length; i += 2) parts.push(segment(points[i], points[i + 1], points[i + 2], points[i + 3]));
  return (x, y) => Math.min(...parts.map((p) => p(x, y)));
};
function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
    const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    return Math.abs(outside + Math.min(Math.max(qx, qy), 0) - r);
  };
}
/** Upper half of a ring: a person's shoulders. */
const arcTop = (cx, cy, r) => (x, y) => (y <= cy ? Math.abs(Math.hypot(x - cx, y - cy) - r) : Math.min(Math.hypot(x - (cx - r), y - cy), Math.hypot(x - (cx + r), y - cy)) + (y - cy));

const ICONS = {
  home: [polyline(10, 40, 40.5, 13, 71, 40), polyline(19, 33, 19, 70, 62, 70, 62, 33), polyline(34, 70, 34, 51, 47, 51, 47, 70)],
  events: [roundedRect(12, 18, 69, 70, 6), segment(12, 33, 69, 33), segment(28, 10, 28, 24), segment(53, 10, 53, 24), polyline(27, 51, 36, 60, 54, 42)],
  services: [roundedRect(11, 11, 37, 37, 5), roundedRect(44, 11, 70, 37, 5), roundedRect(11, 44, 37, 70, 5), roundedRect(44, 44, 70, 70, 5)],
  me: [ring(40.5, 27, 13), arcTop(40.5, 72, 25)],
};

function render(shapes, [r, g, b]) {
  const rows = [];
  const samples = 4;
  for (let y = 0; y < SIZE; y++) {
    const row = [0];
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          if (shapes.some((d) => d(px, py) <= STROKE / 2)) hits++;
        }
      }
      row.push(r, g, b, Math.round((255 * hits) / (samples * samples)));
    }
    rows.push(Buffer.from(row));
  }
  return png(Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, shapes] of Object.entries(ICONS)) {
  fs.writeFileSync(path.join(__dirname, `${name}.png`), render(shapes, COLORS.off));
  fs.writeFileSync(path.join(__dirname, `${name}-on.png`), render(shapes, COLORS.on));
}
