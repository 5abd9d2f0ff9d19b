import { compiledQuery } from '../storage/compiled-query';
import type { Db } from '../storage/dialect';
import type { RegionsTable } from '../storage/schema';

export type RegionRow = RegionsTable;

export async function allRegions(db: Db): Promise<RegionRow[]> {
  return db.selectFrom('regions').selectAll().orderBy('sort').orderBy('id').execute();
}

export async function getRegion(db: Db, id: string): Promise<RegionRow | undefined> {
  return db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Inserts regions or renames them: never changes a region's id or level, and no code deletes
 * a region (communities/regions.ts keeps a reader's scopes on that promise).
 */
export async function upsertRegions(db: Db, rows: RegionRow[]): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('regions')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: row.name, kind: row.kind, sort: row.sort }))
      .execute();
  }
}


/** The district at the root of the tree (one per deployment). */
export async function getDistrict(db: Db): Promise<RegionRow | undefined> {
  return db.selectFrom('regions').selectAll().where('level', '=', 'district').executeTakeFirst();
}

const communityAndDistrict = compiledQuery((db, p: { id: string }) =>
  db.selectFrom('regions').select(['id', 'level']).where((eb) => eb.or([eb('id', '=', p.id), eb('level', '=', 'district')])),
);

/** A region and the district, in one statement (a feed's scopes: regions is a small table). */
export async function regionWithDistrict(db: Db, id: string): Promise<{ region: { id: string } | undefined; district: { id: string } | undefined }> {
  const rows = await communityAndDistrict.all(db, { id });
  return { region: rows.find((r) => r.id === id), district: rows.find((r) => r.level === 'district') };
}
