import { AppError } from '../../types';
import { household } from '../../types/grid';
import { writeAudit } from '../audit/audit.storage';
import { defineFunction } from '../core/define-function';
import { servesGrid } from './grid.permissions';
import { getGrid, getHousehold, isAssigned, visitsOfHousehold } from './grid.storage';
import { toGridRef } from './my-grids';
import { toVisitView } from './visit-view';

/** The full record: the grid's own workers only, and every read (or refusal) is audited. */
export default defineFunction(household, async (input, { services, caller }) => {
  const row = await getHousehold(services.db, input.id);
  if (!row) throw new AppError('NOT_FOUND');
  const gridRow = (await getGrid(services.db, row.grid_id))!;
  const grid = toGridRef(gridRow);
  const allowed = servesGrid(caller.grants, grid, await isAssigned(services.db, grid.id, caller.id));
  await writeAudit(services.db, {
    actor_id: caller.id,
    action: 'grid.household.read',
    target_kind: 'household',
    target_id: row.id,
    scope_id: grid.communityId,
    outcome: allowed ? 'ok' : 'denied',
    at: services.clock.now(),
  });
  if (!allowed) throw new AppError('GRID_NOT_ASSIGNED');
  const visits = await visitsOfHousehold(services.db, row.id);
  return {
    id: row.id,
    gridId: grid.id,
    gridName: grid.name,
    address: row.address,
    headName: services.cipher.decrypt(row.head_name_enc),
    phone: row.phone_enc ? services.cipher.decrypt(row.phone_enc) : null,
    note: row.note,
    visits: visits.map((v) => toVisitView(v, caller.id, true)),
  };
});
