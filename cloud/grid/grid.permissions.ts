import type { RoleGrant } from '../../types';
import type { WorkbenchTool as Tool } from '../../types/grid-model';
import { administers, holdsRoleIn } from '../core/scope';

/**
 * A worker serves a grid while assigned to it AND holding 网格员 in the grid's community at
 * the moment of the request: taking the role away ends the access, whatever is stored.
 */
export function servesGrid(grants: readonly RoleGrant[], grid: { communityId: string }, assigned: boolean): boolean {
  return assigned && mayBeAssigned(grants, grid);
}

/** Only a person holding 网格员 in the grid's community can be assigned to the grid. */
export function mayBeAssigned(grants: readonly RoleGrant[], grid: { communityId: string }): boolean {
  return grants.some((g) => g.role === 'gridWorker' && g.scopeId === grid.communityId);
}

/** Masked household lists: the grid's own workers, and the community's admins. */
export function mayListHouseholds(grants: readonly RoleGrant[], grid: { communityId: string }, assigned: boolean): boolean {
  return servesGrid(grants, grid, assigned) || holdsRoleIn(grants, ['communityAdmin'], grid.communityId);
}

/** The tools of the workbench a person's roles open; residents get none. */
export function workbenchTools(grants: readonly RoleGrant[]): Tool[] {
  if (grants.length === 0) return [];
  const has = (...roles: Array<RoleGrant['role']>) => grants.some((g) => roles.includes(g.role));
  const tools: Tool[] = [];
  if (has('gridWorker')) tools.push('visits');
  tools.push('report', 'checkin', 'bookings', 'fileOnBehalf');
  if (has('agent', 'communityAdmin', 'districtAdmin')) tools.push('inbox');
  tools.push('reach', 'feedback');
  return tools;
}

/**
 * Keep a community's grids — the roster, assignments, the household import, the community's
 * share totals: its admins (and district admins).
 */
export function mayKeepGrids(grants: readonly RoleGrant[], community: { id: string; level: string }): boolean {
  return administers(grants, community);
}
