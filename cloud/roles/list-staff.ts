import { AppError } from '../../types';
import { listStaff } from '../../types/roles';
import { defineFunction } from '../core/define-function';
import { narrowScope } from '../core/scope';
import { staffListCommunities } from './roles.permissions';
import { listGrants } from './roles.storage';

export default defineFunction(listStaff, async (input, { services, caller }) => {
  const scope = narrowScope(staffListCommunities(caller.grants), input.scopeId);
  if (!scope) throw new AppError('OUT_OF_SCOPE');
  const rows = await listGrants(services.db, scope);
  return rows.map((r) => ({ ...r, grantedAt: new Date(r.grantedAt) }));
});
