import { compiledQuery } from './compiled-query';
import type { Db } from './dialect';

/** What a kept reply may depend on; each name is a set of rows of `content_versions` (migration 026). */
export type ContentName = 'feed' | 'events';

const versionOf = compiledQuery((db, p: { name: string }) =>
  db
    .selectFrom('content_versions')
    .select((eb) => [eb.fn.sum<number>('version').as('version'), eb.fn.countAll<number>().as('shards')])
    .where('name', '=', p.name),
);

/**
 * The number of changes so far to the rows behind `name` (the sum of its shards), bumped by
 * triggers in the same transaction as the change; undefined if its rows are missing (then
 * nothing may be kept).
 */
export async function contentVersion(db: Db, name: ContentName): Promise<number | undefined> {
  const row = await versionOf.takeFirst(db, { name });
  return row && Number(row.shards) > 0 ? Number(row.version) : undefined;
}
