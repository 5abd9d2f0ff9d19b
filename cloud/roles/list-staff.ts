import { AppError } from '../../types';
import { listStaff } from '../../types/roles';
import { defineFunction } from '../core/define-function';
import { communitiesWhere } from '../core/scope';
import { listGrants } from './roles.storage';

export default defineFunction(listStaff, async (input, { services, caller }) => {
  const mine = communitiesWhere(caller.grants, ['communityAdmin']);
  let scope: string[] | 'all' = mine;
  if (input.scopeId) {
    if (mine !== 'all' && !mine.includes(input.scopeId)) throw new AppError('OUT_OF_SCOPE');
    scope = [input.scopeId];
  }
  const rows = await listGrants(services.db, scope);
  return rows.map((r) => ({ ...r, grantedAt: new Date(r.grantedAt) }));
});
