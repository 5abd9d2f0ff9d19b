import { AppError } from '../../types';
import { listHouseholds, maskAddress, maskName } from '../../types/grid';
import { defineFunction } from '../core/define-function';
import { mayListHouseholds } from './grid.permissions';
import { getGrid, householdsOfGrid, isAssigned } from './grid.storage';
import { toGridRef } from './my-grids';

/** Masked: the list is what a worker picks from, not where personal data is read. */
export default defineFunction(listHouseholds, async (input, { services, caller }) => {
  const row = await getGrid(services.db, input.gridId);
  if (!row) throw new AppError('GRID_NOT_FOUND');
  const grid = toGridRef(row);
  if (!mayListHouseholds(caller.grants, grid, await isAssigned(services.db, grid.id, caller.id))) throw new AppError('GRID_NOT_ASSIGNED');
  const rows = await householdsOfGrid(services.db, grid.id);
  return rows
    .filter((h) => !input.query || h.address.includes(input.query))
    .map((h) => ({
      id: h.id,
      gridId: h.grid_id,
      address: maskAddress(h.address),
      headName: maskName(services.cipher.decrypt(h.head_name_enc)),
      visits: h.visits,
      lastVisitOn: h.last_visit_on,
    }));
});
