import { ROLE_LABELS } from '../../types';
import { staffToThank } from '../../types/honors';
import { defineFunction } from '../core/define-function';
import { listGrants } from '../roles/roles.storage';

export default defineFunction(staffToThank, async (input, { services }) => {
  // People residents meet, not the office's console accounts.
  const grants = await listGrants(services.db, [input.communityId], { wechatOnly: true });
  const byUser = new Map<string, { userId: string; name: string; role: string }>();
  for (const g of grants) if (!byUser.has(g.userId)) byUser.set(g.userId, { userId: g.userId, name: g.nickname, role: ROLE_LABELS[g.role] });
  return [...byUser.values()];
});
