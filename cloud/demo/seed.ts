import { getArticleRow, insertArticle } from '../articles/articles.storage';
import { sanitizeArticleHtml } from '../articles/lib/sanitize';
import { upsertRegions } from '../communities/communities.storage';
import { DAY } from '../core/clock';
import { getEventRow, insertEvent } from '../events/events.storage';
import { newEventRow } from '../events/lib/event-fields';
import { getResourceRow, saveResourceRow, upsertCenter } from '../bookings/bookings.storage';
import { getHonorEntryRow, getHonorListRow, getThanksRow, insertThanks, saveHonorEntryRow, saveHonorListRow } from '../honors/honors.storage';
import { shanghaiDay, shanghaiTime } from '../../types/time';
import { hashPassword } from '../core/password';
import type { Services } from '../core/services';
import { rosterOf, setRoster } from '../petitions/petitions.storage';
import { insertGrant } from '../roles/roles.storage';
import { createConsoleAccount, findByUsername, findOrCreateByOpenid, updateUser } from '../users/users.storage';
import { openidOf } from '../wechat/fake-server';
import { DEMO_ARTICLES } from './articles';
import { DEMO_EVENTS } from './events';
import { seedGridDemo } from './grid';
import { seedHistory } from './history';
import { DEMO_HONOR_ENTRIES, DEMO_HONOR_LIST, DEMO_THANKS } from './honors';
import { DEMO_CENTERS, demoResources } from './service-centers';
import { DEMO_ACCOUNTS, DEMO_PERSONAS } from './personas';
import { demoRegions } from './regions';
import { seedStories } from './stories';

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
      await updateUser(
        db,
        user.id,
        {
          nickname: p.nickname,
          home_community_id: p.homeCommunityId,
          ...(p.phone && { phone_enc: services.cipher.encrypt(p.phone), phone_index: services.cipher.blindIndex(p.phone), phone_tail: p.phone.slice(-4) }),
        },
        now,
      );
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
  for (const a of DEMO_ARTICLES) {
    if (await getArticleRow(db, a.id)) continue;
    // Office hours of the day it came out, as a community office would publish.
    const day = shanghaiDay(new Date(now.getTime() - a.daysAgo * DAY));
    const published = shanghaiTime(day, `${String(9 + (a.id.length % 8)).padStart(2, '0')}:30`);
    const at = new Date(Math.min(published.getTime(), now.getTime())).toISOString();
    await insertArticle(db, {
      id: a.id,
      scope_id: a.scopeId,
      category: a.category,
      title: a.title,
      summary: a.summary,
      cover_url: null,
      body_html: sanitizeArticleHtml(a.bodyHtml),
      reporters: JSON.stringify(a.reporters),
      correspondents: JSON.stringify(a.correspondents),
      pinned: a.pinned ? 1 : 0,
      pledge_prompt: a.pledgePrompt ?? null,
      status: 'published',
      publish_at: at,
      created_by: null,
      created_at: at,
      updated_at: at,
    });
  }
  // 朝阳社区's agent is on duty every day, so the demo's petitions reach one named person.
  for (const [community, persona] of [['chaoyang', 'agent'], ['kangle', 'agent-kangle']] as const) {
    if ((await rosterOf(db, community)).length) continue;
    const agent = await findOrCreateByOpenid(db, openidOf(persona), now, persona);
    await setRoster(db, community, ['1', '2', '3', '4', '5', '6', '7'].map((weekday) => ({ weekday, agentId: agent.id })));
  }
  for (const c of DEMO_CENTERS) await upsertCenter(db, c);
  for (const r of demoResources()) if (!(await getResourceRow(db, r.id))) await saveResourceRow(db, r);
  for (const e of DEMO_EVENTS) {
    if (await getEventRow(db, e.id)) continue;
    const day = shanghaiDay(new Date(now.getTime() + e.day * DAY));
    const startsAt = shanghaiTime(day, e.start);
    const schedule = {
      startsAt,
      endsAt: shanghaiTime(day, e.end),
      signupOpensAt: new Date(Math.min(now.getTime(), startsAt.getTime()) - 7 * DAY),
      signupClosesAt: startsAt,
      cancelCutoffAt: new Date(startsAt.getTime() - 2 * 3_600_000),
    };
    await insertEvent(
      db,
      newEventRow(e, schedule, { state: e.closed ? 'closed' : 'published', createdBy: null, createdAt: now, attendance: e.closed?.attendance, residentsServed: e.closed?.residentsServed }),
    );
  }
  if (!(await getHonorListRow(db, DEMO_HONOR_LIST.id))) {
    const at = now.toISOString();
    const l = DEMO_HONOR_LIST;
    await saveHonorListRow(db, { id: l.id, year: l.year, scope_id: l.scopeId, title: l.title, categories: JSON.stringify(l.categories), published: 1, created_at: at, updated_at: at });
  }
  for (const [i, e] of DEMO_HONOR_ENTRIES.entries()) {
    if (await getHonorEntryRow(db, e.id)) continue;
    const at = now.toISOString();
    await saveHonorEntryRow(db, {
      id: e.id,
      list_id: DEMO_HONOR_LIST.id,
      name: e.name,
      category: e.category,
      community_id: e.communityId,
      photo_file_id: null,
      story_html: sanitizeArticleHtml(e.storyHtml),
      sort: i,
      created_at: at,
      updated_at: at,
    });
  }
  for (const t of DEMO_THANKS) {
    if (await getThanksRow(db, t.id)) continue;
    const author = await findOrCreateByOpenid(db, openidOf(t.authorPersona), now, t.authorPersona);
    const target = 'persona' in t.target ? await findOrCreateByOpenid(db, openidOf(t.target.persona), now, t.target.persona) : null;
    await insertThanks(db, {
      id: t.id,
      author_id: author.id,
      target_kind: t.targetKind,
      target_user_id: target?.id ?? null,
      target_name: target?.nickname ?? ('name' in t.target ? t.target.name : ''),
      community_id: t.communityId,
      text: t.text,
      photo_file_id: null,
      status: 'approved',
      reject_reason: null,
      reviewed_by: null,
      reviewed_at: now.toISOString(),
      created_at: new Date(now.getTime() - DAY).toISOString(),
    });
  }
  await seedStories(services);
  await seedGridDemo(services);
  if (services.config.demoHistory) await seedHistory(services);
}
