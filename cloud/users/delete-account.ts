import { deleteAccount } from '../../types/users';
import { defineFunction } from '../core/define-function';
import { eraseUser } from './users.storage';

export default defineFunction(deleteAccount, async (_input, { services, caller }) => {
  await eraseUser(services.db, caller.id, services.clock.now());
  return { deleted: true as const };
});
