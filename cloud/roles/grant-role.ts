import { grantRole } from '../../types/roles';
import { defineFunction } from '../core/define-function';
import { assertMayManage } from './lib/change-role';
import { insertGrant } from './roles.storage';

export default defineFunction(grantRole, async (input, { services, caller }) => {
  const { scopeName, nickname } = await assertMayManage(services, caller, input);
  const now = services.clock.now();
  await insertGrant(services.db, { ...input, grantedBy: caller.id, now });
  return { ...input, nickname, scopeName, grantedAt: now };
});
