import type { Region } from '../../types/communities';
import type { RoleGrant } from '../../types/access';
import { ROLE_LABELS } from '../../types/access';
import { call } from '../cloud/client';

let regions: Promise<Region[]> | null = null;

/**
 * The district's streets and communities. They change a few times a year, so one fetch
 * per launch is enough; a failed fetch is forgotten so the next visit tries again.
 */
export function loadRegions(): Promise<Region[]> {
  if (!regions) {
    regions = call('communities.list', {}).catch((error: unknown) => {
      regions = null;
      throw error;
    });
  }
  return regions;
}

export interface StreetGroup {
  /** 街道 or 镇 name, e.g. 济源路街道. */
  name: string;
  id: string | null;
  communities: Region[];
}

/** Communities under their street, in the host's order, for the community picker. */
export function groupByStreet(all: readonly Region[]): StreetGroup[] {
  const streets = all.filter((r) => r.level === 'street');
  const groups = new Map<string | null, StreetGroup>(streets.map((s) => [s.id, { name: s.name, id: s.id, communities: [] }]));
  for (const region of all) {
    if (region.level !== 'community') continue;
    const key = region.parentId !== null && groups.has(region.parentId) ? region.parentId : null;
    if (!groups.has(key)) {
      // A community whose street is missing still has to be choosable.
      groups.set(key, { name: region.path[region.path.length - 2] ?? '其他', id: null, communities: [] });
    }
    groups.get(key)!.communities.push(region);
  }
  return [...groups.values()].filter((g) => g.communities.length > 0);
}

/**
 * What a user is, in words: 居民, and each staff role with where it is held, e.g.
 * ['居民', '网格员（朝阳社区）']. Places not (yet) known are left out of the label.
 */
export function describeRoles(isResident: boolean, grants: readonly RoleGrant[], all: readonly Region[]): string[] {
  const names = new Map(all.map((r) => [r.id, r.name]));
  const labels: string[] = isResident ? [ROLE_LABELS.resident] : [];
  for (const grant of grants) {
    const place = names.get(grant.scopeId);
    const label = place ? `${ROLE_LABELS[grant.role]}（${place}）` : ROLE_LABELS[grant.role];
    if (!labels.includes(label)) labels.push(label);
  }
  return labels;
}
