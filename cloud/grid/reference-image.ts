import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const DIR = path.join(__dirname, 'reference');

/**
 * The share (0…1) of a PNG's pixels that differ visibly (by more than 48 of 255 in a
 * channel) from a stored reference image of the same size; fonts anti-alias slightly
 * differently between machines, so tests compare within a tolerance.
 */
export async function compareToReference(png: Buffer, name: string): Promise<number> {
  const file = path.join(DIR, name);
  const a = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const b = await sharp(fs.readFileSync(file)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (a.info.width !== b.info.width || a.info.height !== b.info.height) return 1;
  const channels = a.info.channels;
  let differing = 0;
  for (let p = 0; p < a.data.length; p += channels) {
    for (let c = 0; c < channels; c++) {
      if (Math.abs(a.data[p + c]! - b.data[p + c]!) > 48) {
        differing++;
        break;
      }
    }
  }
  return differing / (a.info.width * a.info.height);
}

/** Writes a new reference (run the test with LINLI_UPDATE_REFERENCE=1 after a deliberate change of the card). */
export function updateReference(png: Buffer, name: string): void {
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(path.join(DIR, name), png);
}
