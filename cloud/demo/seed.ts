import { upsertRegions } from '../communities/communities.storage';
import { hashPassword } from '../core/password';
import type { Services } from '../core/services';
import { insertGrant } from '../roles/roles.storage';
import { createConsoleAccount, findByUsername, findOrCreateByOpenid, updateUser } from '../users/users.storage';
import { openidOf } from '../wechat/fake-server';
import { DEMO_ACCOUNTS, DEMO_PERSONAS } from './personas';
import { demoRegions } from './regions';

/**
 * Loads the 上街区 demo data. Safe to run at every start: what exists is kept, what is
 * missing is added.
 */
export async function seedDemo(services: Services): Promise<void> {
  const { db, clock } = services;
  const now = clock.now();
  await upsertRegions(db, demoRegions());
  for (const p of DEMO_PERSONAS) {
    const user = await findOrCreateByOpenid(db, openidOf(p.persona), now, p.nickname);
    if (user.created_at === now.toISOString()) {
      await updateUser(db, user.id, { nickname: p.nickname, home_community_id: p.homeCommunityId }, now);
    }
    for (const g of p.grants) await insertGrant(db, { userId: user.id, ...g, grantedBy: null, now });
  }
  for (const a of DEMO_ACCOUNTS) {
    const existing = await findByUsername(db, a.username);
    const user =
      existing ??
      (await createConsoleAccount(db, {
        username: a.username,
        passwordHash: await hashPassword(a.password),
        nickname: a.nickname,
        homeCommunityId: a.grants[0]?.role === 'communityAdmin' ? a.grants[0].scopeId : null,
        now,
      }));
    for (const g of a.grants) await insertGrant(db, { userId: user.id, ...g, grantedBy: null, now });
  }
}
