import { compiledQuery } from './compiled-query';
import type { Db } from './dialect';

/** What a kept reply may depend on; each name is a column of `content_versions` (migration 026). */
export type ContentName = 'feed' | 'events';

/** The rows migration 026 made: a bump aimed at a missing row is lost, so fewer keep nothing. */
const SHARDS = 16;

const versionOf = {
  feed: compiledQuery((db) => db.selectFrom('content_versions').select((eb) => [eb.fn.sum<number>('feed').as('version'), eb.fn.countAll<number>().as('shards')])),
  events: compiledQuery((db) => db.selectFrom('content_versions').select((eb) => [eb.fn.sum<number>('events').as('version'), eb.fn.countAll<number>().as('shards')])),
};

/**
 * The number of changes so far to the rows behind `name` (the sum of its shards), bumped by
 * triggers in the same transaction as the change; undefined unless every shard's row is there
 * (then nothing may be kept: a bump to a missing row would be lost, a sum could repeat).
 */
export async function contentVersion(db: Db, name: ContentName): Promise<number | undefined> {
  const row = await versionOf[name].takeFirst(db, {});
  return row && Number(row.shards) === SHARDS ? Number(row.version) : undefined;
}
