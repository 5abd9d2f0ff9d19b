import type { ContentName } from '../storage/content-versions';
import type { Db } from '../storage/dialect';

/**
 * Makes `change` and then puts `name`'s version back as it was: what no real write can do (the
 * triggers bump with the change), so a test can tell a kept reply from one read afresh.
 */
export async function changeBehindVersion(db: Db, name: ContentName, change: () => Promise<unknown>): Promise<void> {
  const before = await db.selectFrom('content_versions').selectAll().where('name', '=', name).execute();
  await change();
  for (const row of before) {
    await db.updateTable('content_versions').set({ version: row.version }).where('name', '=', name).where('shard', '=', row.shard).execute();
  }
}

/** Takes `name`'s version rows away (nothing may be kept) and gives them back, at a new version, after `read`. */
export async function withoutVersion<T>(db: Db, name: ContentName, read: () => Promise<T>): Promise<T> {
  const before = await db.selectFrom('content_versions').selectAll().where('name', '=', name).execute();
  await db.deleteFrom('content_versions').where('name', '=', name).execute();
  try {
    return await read();
  } finally {
    await db.insertInto('content_versions').values(before.map((row) => ({ ...row, version: Number(row.version) + 1_000_000 }))).execute();
  }
}
