import type { ContentName } from '../storage/content-versions';
import type { Db } from '../storage/dialect';

/**
 * Makes `change` and then puts `name`'s version back as it was: what no real write can do (the
 * triggers bump with the change), so a test can tell a kept reply from one read afresh.
 */
export async function changeBehindVersion(db: Db, name: ContentName, change: () => Promise<unknown>): Promise<void> {
  const before = await db.selectFrom('content_versions').selectAll().execute();
  await change();
  for (const row of before) await db.updateTable('content_versions').set({ [name]: row[name] }).where('shard', '=', row.shard).execute();
}

/** Takes the version rows away (nothing may be kept) and gives them back, every version moved on, after `read`. */
export async function withoutVersions<T>(db: Db, read: () => Promise<T>): Promise<T> {
  const before = await db.selectFrom('content_versions').selectAll().execute();
  await db.deleteFrom('content_versions').execute();
  try {
    return await read();
  } finally {
    await db
      .insertInto('content_versions')
      .values(before.map((row) => ({ shard: row.shard, feed: Number(row.feed) + 1_000_000, events: Number(row.events) + 1_000_000 })))
      .execute();
  }
}
