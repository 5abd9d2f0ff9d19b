import crypto from 'node:crypto';
import type { Metadata } from 'sharp';
import { loadSharp } from '../core/lazy-modules';
import pLimit from 'p-limit';
import { AppError } from '../../types';
import { HOUR } from '../core/clock';
import { newId } from '../core/crypto';
import type { Services } from '../core/services';
import { insertFile } from './files.storage';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const FORMATS = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

/**
 * Stores a photo a resident sent. The type is read from the bytes, not the file name; the
 * image is re-encoded, which drops EXIF (GPS position, phone model) and any payload hidden
 * after the image data. Orientation is applied first so the photo still stands upright.
 */
export async function storeUpload(services: Services, ownerId: string, bytes: Buffer): Promise<{ id: string; mime: string; size: number }> {
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError('FILE_TOO_LARGE');
  const { clean, kind } = await reencode(services, bytes);
  const id = newId();
  const now = services.clock.now();
  const relative = `${now.toISOString().slice(0, 7)}/${id}.${kind === 'jpeg' ? 'jpg' : kind}`;
  // The object first: a row never points at bytes that were not stored.
  await services.objects.put(relative, clean, FORMATS[kind]);
  await insertFile(services.db, {
    id,
    owner_id: ownerId,
    mime: FORMATS[kind],
    size: clean.length,
    sha256: crypto.createHash('sha256').update(clean).digest('hex'),
    path: relative,
    attached_kind: null,
    attached_id: null,
    created_at: now.toISOString(),
    download_name: null,
  });
  return { id, mime: FORMATS[kind], size: clean.length };
}

/**
 * Decoding is where a photo costs: a 187 KB PNG can say 8000×8000 and unpack to 256 MB.
 * So the header is read first (cheap, no pixels) and anything above the pixel limit is
 * refused with a coded error; sharp's limitInputPixels holds the same line during the
 * decode itself. And only a few photos are decoded at once per host (the rest queue),
 * so a burst of uploads cannot take the memory and the CPU every other request needs.
 */
async function reencode(services: Services, bytes: Buffer): Promise<{ clean: Buffer; kind: keyof typeof FORMATS }> {
  const sharp = await loadSharp();
  const maxPixels = services.config.imageMaxPixels;
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError('FILE_TYPE_NOT_ALLOWED');
  }
  const format = meta.format;
  if (!format || !(format in FORMATS)) throw new AppError('FILE_TYPE_NOT_ALLOWED');
  if (!meta.width || !meta.height || meta.width * meta.height > maxPixels) throw tooManyPixels(maxPixels);
  const kind = format as keyof typeof FORMATS;
  const clean = await decodeSlots(services)(() =>
    sharp(bytes, { limitInputPixels: maxPixels })
      .rotate()
      .resize({ width: 2560, height: 2560, fit: 'inside', withoutEnlargement: true })
      .toFormat(kind, kind === 'jpeg' ? { quality: 85 } : {})
      .toBuffer(),
  ).catch((error: Error) => {
    // An animated or multi-page image can pass the header check and still exceed the limit.
    if (/pixel limit/i.test(error.message)) throw tooManyPixels(maxPixels);
    throw new AppError('FILE_TYPE_NOT_ALLOWED');
  });
  return { clean, kind };
}

function tooManyPixels(maxPixels: number): AppError {
  return new AppError('IMAGE_TOO_MANY_PIXELS', `照片的像素太多了（不能超过${Math.floor(maxPixels / 10_000)}万像素），请缩小或截图后再上传`);
}

const slots = new WeakMap<Services, pLimit.Limit>();

/** The host's decode queue: at most `imageDecodes` photos decode at once. */
export function decodeSlots(services: Services): pLimit.Limit {
  let limit = slots.get(services);
  if (!limit) slots.set(services, (limit = pLimit(services.config.imageDecodes)));
  return limit;
}

/**
 * A link to a file for someone the domain has already allowed to see it: signed with the
 * data key and valid for an hour, because an <Image> cannot send a session header.
 */
export function signedFileUrl(services: Services, fileId: string, validMs = HOUR): string {
  const expires = services.clock.now().getTime() + validMs;
  return `/api/files/${fileId}?e=${expires}&s=${fileSignature(services, fileId, expires)}`;
}

function fileSignature(services: Services, fileId: string, expires: number): string {
  return crypto.createHmac('sha256', services.config.dataKey).update(`file:${fileId}:${expires}`).digest('base64url').slice(0, 32);
}

export function verifyFileSignature(services: Services, fileId: string, expires: number, signature: string): boolean {
  if (!Number.isFinite(expires) || expires < services.clock.now().getTime()) return false;
  const expected = Buffer.from(fileSignature(services, fileId, expires));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
