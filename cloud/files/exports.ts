import crypto from 'node:crypto';
import { DAY, MINUTE } from '../core/clock';
import { newId } from '../core/crypto';
import type { Services } from '../core/services';
import { deleteFileRows, filesAttachedBefore, insertFile } from './files.storage';
import { signedFileUrl } from './uploads';

export const EXPORT_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** How long an export's link works; the admin downloads at once. */
export const EXPORT_LINK_MS = 10 * MINUTE;
/** How long an export is kept in object storage before the clean-up job removes it. */
export const EXPORT_KEEP_MS = DAY;

/**
 * Keeps an Excel export in object storage (any host can then serve it) and gives a signed
 * link that downloads it under its name.
 */
export async function storeExport(services: Services, ownerId: string, fileName: string, bytes: Buffer): Promise<{ id: string; url: string }> {
  const id = newId();
  const now = services.clock.now();
  const key = `exports/${now.toISOString().slice(0, 7)}/${id}.xlsx`;
  await services.objects.put(key, bytes, EXPORT_MIME);
  await insertFile(services.db, {
    id,
    owner_id: ownerId,
    mime: EXPORT_MIME,
    size: bytes.length,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    path: key,
    attached_kind: 'export',
    attached_id: id,
    created_at: now.toISOString(),
    download_name: fileName,
  });
  return { id, url: signedFileUrl(services, id, EXPORT_LINK_MS) };
}

/** Scheduled job: exports older than a day leave object storage and the files table. */
export async function removeOldExports(services: Services): Promise<number> {
  const old = await filesAttachedBefore(services.db, 'export', new Date(services.clock.now().getTime() - EXPORT_KEEP_MS));
  for (const file of old) await services.objects.delete(file.path);
  await deleteFileRows(services.db, old.map((f) => f.id));
  return old.length;
}
