import { AppError } from '../../types';
import { assignGrid } from '../../types/grid';
import { writeAudit } from '../audit/audit.storage';
import { defineFunction } from '../core/define-function';
import { grantsOf } from '../roles/roles.storage';
import { mayBeAssigned } from './grid.permissions';
import { getGrid, setAssignment } from './grid.storage';
import { administeredCommunity, rosterOf } from './roster';

export default defineFunction(assignGrid, async (input, { services, caller }) => {
  const grid = await getGrid(services.db, input.gridId);
  if (!grid) throw new AppError('GRID_NOT_FOUND');
  await administeredCommunity(services, caller, grid.community_id);
  if (input.assigned) {
    const grants = await grantsOf(services.db, input.userId);
    if (!mayBeAssigned(grants, { communityId: grid.community_id })) throw new AppError('GRID_NOT_A_WORKER');
  }
  const now = services.clock.now();
  // The write re-checks the role: one taken away since the check above wins.
  if (!(await setAssignment(services.db, { gridId: grid.id, communityId: grid.community_id, userId: input.userId, assigned: input.assigned, by: caller.id, now }))) {
    throw new AppError('GRID_NOT_A_WORKER');
  }
  await writeAudit(services.db, {
    actor_id: caller.id,
    action: input.assigned ? 'grid.assign' : 'grid.unassign',
    target_kind: 'user',
    target_id: input.userId,
    scope_id: grid.community_id,
    outcome: 'ok',
    detail: { gridId: grid.id },
    at: now,
  });
  return rosterOf(services, grid.community_id);
});
