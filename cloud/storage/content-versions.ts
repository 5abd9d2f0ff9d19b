import type { ExpressionBuilder } from 'kysely';
import { compiledQuery } from './compiled-query';
import type { Db } from './dialect';
import { turnBatches } from './turn-batches';
import type { Database } from './schema';

/** What a kept reply may depend on; each name is a column of `content_versions` (migration 026). */
export type ContentName = 'feed' | 'events';

/** The rows migration 026 made: a bump aimed at a missing row is lost, so fewer keep nothing. */
const SHARDS = 16;

/**
 * The number of changes so far to the rows behind `name` (the sum of its shards), bumped by
 * triggers in the same transaction as the change; undefined unless every shard's row is there
 * (then nothing may be kept: a bump to a missing row would be lost, a sum could repeat).
 */
export async function contentVersion(db: Db, name: ContentName): Promise<number | undefined> {
  return batchedVersion(db, name);
}

const bothVersions = compiledQuery((db) => db.selectNoFrom((eb) => contentVersionColumns(eb)));

/** The versions the requests of one turn need (anonymous kept lists), in ONE statement (cloud/storage/turn-batches.ts). */
const batchedVersion = turnBatches(async (db, names: readonly ContentName[]): Promise<Array<number | undefined>> => {
  const row = await bothVersions.takeFirst(db, {});
  const versions = row && versionsFrom(row);
  return names.map((name) => versions?.[name]);
});

/** Every list's version as one statement read it (undefined: its shards are not all there). */
export type ContentVersions = Record<ContentName, number | undefined>;

/**
 * The versions as three columns of another statement (the session check's, so a signed
 * request that reads a kept list makes one statement, on PostgreSQL one round trip, not two):
 * `versionsFrom` reads them back. Read in the same statement, they are as of the same moment.
 */
export function contentVersionColumns<DB extends Database, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>) {
  const versions = (eb as unknown as ExpressionBuilder<Database, never>).selectFrom('content_versions');
  return [
    versions.select((v) => v.fn.sum<number>('feed').as('v')).as('content_feed'),
    versions.select((v) => v.fn.sum<number>('events').as('v')).as('content_events'),
    versions.select((v) => v.fn.countAll<number>().as('v')).as('content_shards'),
  ] as const;
}

export function versionsFrom(row: { content_feed: unknown; content_events: unknown; content_shards: unknown }): ContentVersions {
  const whole = Number(row.content_shards) === SHARDS;
  return { feed: whole ? Number(row.content_feed) : undefined, events: whole ? Number(row.content_events) : undefined };
}
