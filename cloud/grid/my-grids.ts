import type { GridRef } from '../../types/grid-model';
import type { SessionUser } from '../core/define-function';
import type { Services } from '../core/services';
import { AppError } from '../../types';
import { servesGrid } from './grid.permissions';
import { assignedGridRows, getGrid, isAssigned, type GridRow } from './grid.storage';

export const toGridRef = (g: GridRow): GridRef => ({ id: g.id, name: g.name, communityId: g.community_id, communityName: g.community_name });

/** The grids the caller serves now (assignment and a current 网格员 grant). */
export async function myGrids(services: Services, caller: SessionUser): Promise<GridRef[]> {
  const rows = await assignedGridRows(services.db, caller.id);
  return rows.map(toGridRef).filter((g) => servesGrid(caller.grants, g, true));
}

/** The grid, if the caller serves it; GRID_NOT_ASSIGNED otherwise. */
export async function gridServedBy(services: Services, caller: SessionUser, gridId: string): Promise<GridRef> {
  const row = await getGrid(services.db, gridId);
  if (!row) throw new AppError('GRID_NOT_FOUND');
  const grid = toGridRef(row);
  if (!servesGrid(caller.grants, grid, await isAssigned(services.db, grid.id, caller.id))) throw new AppError('GRID_NOT_ASSIGNED');
  return grid;
}
