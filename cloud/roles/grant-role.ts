import { AppError } from '../../types';
import { grantRole } from '../../types/roles';
import { defineFunction } from '../core/define-function';
import { assertMayManage } from './lib/change-role';
import { insertGrant } from './roles.storage';

export default defineFunction(grantRole, async (input, { services, caller }) => {
  const { scopeName, nickname } = await assertMayManage(services, caller, input);
  const now = services.clock.now();
  // The account is checked again as the grant is written: one deleted meanwhile gets no role.
  if (!(await insertGrant(services.db, { ...input, grantedBy: caller.id, now }))) throw new AppError('USER_NOT_FOUND');
  return { ...input, nickname, scopeName, grantedAt: now };
});
