import { compiledQuery } from './compiled-query';
import type { Db } from './dialect';

/** What a kept reply may depend on; each name is a column of `content_versions` (migration 026). */
export type ContentName = 'feed' | 'events';

const versionOf = {
  feed: compiledQuery((db) => db.selectFrom('content_versions').select((eb) => [eb.fn.sum<number>('feed').as('version'), eb.fn.countAll<number>().as('shards')])),
  events: compiledQuery((db) => db.selectFrom('content_versions').select((eb) => [eb.fn.sum<number>('events').as('version'), eb.fn.countAll<number>().as('shards')])),
};

/**
 * The number of changes so far to the rows behind `name` (the sum of its shards), bumped by
 * triggers in the same transaction as the change; undefined if the rows are missing (then
 * nothing may be kept).
 */
export async function contentVersion(db: Db, name: ContentName): Promise<number | undefined> {
  const row = await versionOf[name].takeFirst(db, {});
  return row && Number(row.shards) > 0 ? Number(row.version) : undefined;
}
