import type { Db } from '../storage/dialect';
import type { FilesTable } from '../storage/schema';

export async function insertFile(db: Db, row: FilesTable): Promise<void> {
  await db.insertInto('files').values(row).execute();
}

export async function getFileRow(db: Db, id: string): Promise<FilesTable | undefined> {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Attaches the owner's unattached uploads to a record, all or none: a file already used
 * elsewhere, or someone else's, makes the count come out short.
 */
export async function attachFiles(db: Db, ids: string[], ownerId: string, kind: string, targetId: string): Promise<boolean> {
  if (ids.length === 0) return true;
  const result = await db
    .updateTable('files')
    .set({ attached_kind: kind, attached_id: targetId })
    .where('id', 'in', ids)
    .where('owner_id', '=', ownerId)
    .where('attached_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === new Set(ids).size;
}

/**
 * Gives back uploads attached for a record whose write was then refused: they are the
 * owner's unattached files again, so the same photo can be sent once more.
 */
export async function releaseFiles(db: Db, ids: string[], kind: string, targetId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('files').set({ attached_kind: null, attached_id: null }).where('id', 'in', ids).where('attached_kind', '=', kind).where('attached_id', '=', targetId).execute();
}

/**
 * Takes a file off the record it was attached to (a replaced cover). It stays stored, as
 * `detached`, reachable by no public rule; the clean-up of old uploads may remove it.
 */
export async function detachFile(db: Db, id: string, kind: string, targetId: string): Promise<void> {
  await db.updateTable('files').set({ attached_kind: 'detached' }).where('id', '=', id).where('attached_kind', '=', kind).where('attached_id', '=', targetId).execute();
}

export async function filesOf(db: Db, kind: string, targetId: string): Promise<FilesTable[]> {
  return db.selectFrom('files').selectAll().where('attached_kind', '=', kind).where('attached_id', '=', targetId).orderBy('created_at').execute();
}

export async function filesAttachedBefore(db: Db, kind: string, before: Date): Promise<FilesTable[]> {
  return db.selectFrom('files').selectAll().where('attached_kind', '=', kind).where('created_at', '<', before.toISOString()).limit(500).execute();
}

export async function deleteFileRows(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.deleteFrom('files').where('id', 'in', ids).execute();
}
