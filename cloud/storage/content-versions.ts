import { compiledQuery } from './compiled-query';
import type { Db } from './dialect';

/** What a kept reply may depend on; each name is a row of `content_versions` (migration 026). */
export type ContentName = 'feed' | 'events';

const versionRow = compiledQuery((db, p: { name: string }) => db.selectFrom('content_versions').select('version').where('name', '=', p.name));

/**
 * The number of changes so far to the rows behind `name`, bumped by triggers in the same
 * transaction as the change; undefined if the row is missing (then nothing may be kept).
 */
export async function contentVersion(db: Db, name: ContentName): Promise<number | undefined> {
  const row = await versionRow.takeFirst(db, { name });
  return row === undefined ? undefined : Number(row.version);
}
