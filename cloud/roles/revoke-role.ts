import { revokeRole } from '../../types/roles';
import { defineFunction } from '../core/define-function';
import { assertMayManage } from './lib/change-role';
import { deleteGrant } from './roles.storage';

export default defineFunction(revokeRole, async (input, { services, caller }) => {
  await assertMayManage(services, caller, input);
  return { revoked: await deleteGrant(services.db, input, { userId: caller.id, now: services.clock.now() }) };
});
