import { AppError } from '../../types';
import { logVisit } from '../../types/grid';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { getHousehold, getVisit, insertHousehold, insertVisit } from './grid.storage';
import { gridServedBy } from './my-grids';
import { toVisitView } from './visit-view';

export default defineFunction(logVisit, async (input, { services, caller }) => {
  const now = services.clock.now();
  let householdId: string;
  let gridId: string;
  if (input.householdId) {
    const h = await getHousehold(services.db, input.householdId);
    if (!h) throw new AppError('NOT_FOUND');
    await gridServedBy(services, caller, h.grid_id);
    householdId = h.id;
    gridId = h.grid_id;
  } else {
    const n = input.newHousehold!;
    await gridServedBy(services, caller, n.gridId);
    householdId = newId();
    gridId = n.gridId;
    const created = await insertHousehold(services.db, {
      id: householdId,
      grid_id: n.gridId,
      address: n.address,
      head_name_enc: services.cipher.encrypt(n.headName),
      phone_enc: n.phone ? services.cipher.encrypt(n.phone) : null,
      note: '',
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    if (!created) throw new AppError('GRID_HOUSEHOLD_EXISTS', undefined, [{ path: 'newHousehold.address', message: '这个地址已在名单中' }]);
  }
  const id = newId();
  await insertVisit(services.db, {
    id,
    grid_id: gridId,
    household_id: householdId,
    worker_id: caller.id,
    visited_on: input.visitedOn,
    raised: input.raised,
    follow_up: input.followUp ? 1 : 0,
    petition_id: null,
    created_at: now.toISOString(),
  });
  return toVisitView((await getVisit(services.db, id))!, caller.id);
});
