import type { Region, RegionLevel } from '../../types/communities';
import type { Db } from '../storage/dialect';
import { AppError } from '../../types';
import { allRegions, regionWithDistrict, type RegionRow } from './communities.storage';

/** The region tree with each region's path of names from the district down. */
export async function loadRegions(db: Db): Promise<Region[]> {
  const rows = await allRegions(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pathOf = (row: RegionRow): string[] => {
    const names: string[] = [];
    for (let r: RegionRow | undefined = row; r; r = r.parent_id ? byId.get(r.parent_id) : undefined) names.unshift(r.name);
    return names;
  };
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    level: r.level as RegionLevel,
    name: r.name,
    kind: r.kind,
    path: pathOf(r),
  }));
}

/**
 * What each community reads, by database handle: only answers that can never change are kept.
 * A region is never deleted and its id and level never change (`upsertRegions` updates a
 * name, kind or sort only), so once a community and the district are both found, its scopes
 * are the same on every host for good — nothing another host writes can make a kept answer
 * wrong. An unknown community, or one read before the district exists, is asked again.
 */
const scopesKept = new WeakMap<Db, Map<string, string[]>>();

/**
 * What a resident of a community reads: items of that community and the district-wide
 * ones. Undefined (no filter) when no community is given.
 */
export async function readerScope(db: Db, communityId: string | undefined): Promise<string[] | undefined> {
  if (!communityId) return undefined;
  const kept = scopesKept.get(db)?.get(communityId);
  if (kept) return [...kept];
  const { region: community, district } = await regionWithDistrict(db, communityId);
  if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
  const scopes = [community.id, ...(district && district.id !== community.id ? [district.id] : [])];
  if (district) {
    let byCommunity = scopesKept.get(db);
    if (!byCommunity) scopesKept.set(db, (byCommunity = new Map()));
    byCommunity.set(communityId, scopes);
  }
  return [...scopes];
}
