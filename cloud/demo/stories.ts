import crypto from 'node:crypto';
import { shanghaiDay, shanghaiTime } from '../../types/time';
import { DAY } from '../core/clock';
import type { Services } from '../core/services';
import { getElderCardRow, saveCard } from '../elder-cards/elder-cards.storage';
import { getEventRow, insertEvent } from '../events/events.storage';
import { newEventRow } from '../events/lib/event-fields';
import { getScreenRow, saveScreenRow } from '../screens/screens.storage';
import { findOrCreateByOpenid } from '../users/users.storage';
import { newVolunteerCode } from '../volunteers/volunteer-view';
import { newVolunteerRow, setVolunteerCapacity } from '../volunteers/volunteers.storage';
import { openidOf } from '../wechat/fake-server';

/** Demo screens: their addresses are in README (development only; production makes random keys). */
export const DEMO_SCREENS = [
  { id: 'demo-screen-chaoyang', communityId: 'chaoyang', name: '一楼大厅屏', key: 'demo-chaoyang-hall-screen', orientation: 'landscape', modules: ['notices', 'events', 'rooms', 'hall', 'honors'] },
  { id: 'demo-screen-dongfang', communityId: 'dongfang', name: '宣传栏竖屏', key: 'demo-dongfang-portrait-screen', orientation: 'portrait', modules: ['notices', 'events', 'hall'] },
] as const;

/** The demo 防走失 card's code (README gives its finder page); real codes are 128 random bits. */
export const DEMO_ELDER_CODE = '2026DEMXCARDZHAYEYE0000001';

const PAST_VOLUNTEERING = {
  id: 'demo-event-double-ninth',
  title: '重阳节敬老志愿服务',
  description: '为辖区高龄老人理发、测血压、打扫房间，志愿者两人一组入户。',
  venue: '朝阳社区党群服务中心集合',
  day: -30,
  start: '08:30',
  end: '11:30',
};

/**
 * The three stories' demo data: volunteers with hours (朝阳社区's past 敬老 service and places
 * at the coming clinic), a 防走失 card 赵德明 keeps for his father, and the service centres'
 * screens. Safe to run at every start.
 */
export async function seedStories(services: Services): Promise<void> {
  const { db, clock } = services;
  const now = clock.now();
  const at = now.toISOString();

  for (const s of DEMO_SCREENS) {
    if (await getScreenRow(db, s.id)) continue;
    await saveScreenRow(
      db,
      { id: s.id, community_id: s.communityId, name: s.name, screen_key: s.key, orientation: s.orientation, modules: JSON.stringify(s.modules), rotate_seconds: 15, created_at: at, updated_at: at },
      true,
    );
  }

  if (!(await getEventRow(db, PAST_VOLUNTEERING.id))) {
    const day = shanghaiDay(new Date(now.getTime() + PAST_VOLUNTEERING.day * DAY));
    const startsAt = shanghaiTime(day, PAST_VOLUNTEERING.start);
    const endsAt = shanghaiTime(day, PAST_VOLUNTEERING.end);
    await insertEvent(db, {
      ...newEventRow(
        { ...PAST_VOLUNTEERING, scopeId: 'chaoyang', category: '志愿服务', organizer: '朝阳社区党委', partners: [], requiresSignup: false, capacity: 0 },
        { startsAt, endsAt, signupOpensAt: new Date(startsAt.getTime() - 7 * DAY), signupClosesAt: startsAt, cancelCutoffAt: startsAt },
        { state: 'closed', createdBy: null, createdAt: now, attendance: 26, residentsServed: 18 },
      ),
      volunteer_capacity: 10,
    });
    const grid = await findOrCreateByOpenid(db, openidOf('grid'), now, '刘建国');
    const volunteers: Array<[string, string, number, number]> = [
      ['resident2', '赵德明', 0, 0],
      ['resident', '王秀兰', 30, -60],
    ];
    for (const [persona, nickname, lateMinutes, earlyMinutes] of volunteers) {
      // 王秀兰 came half an hour late and left an hour early: 1.5 hours count, not 3.
      const user = await findOrCreateByOpenid(db, openidOf(persona), now, nickname);
      await db
        .insertInto('event_volunteers')
        .values({
          ...newVolunteerRow({ eventId: PAST_VOLUNTEERING.id, userId: user.id, code: newVolunteerCode(crypto.randomBytes) }, at),
          checked_in_at: new Date(startsAt.getTime() + lateMinutes * 60_000).toISOString(),
          checked_in_by: grid.id,
          checked_out_at: new Date(endsAt.getTime() + earlyMinutes * 60_000).toISOString(),
          checked_out_by: grid.id,
        })
        .execute();
    }
    await db.updateTable('events').set({ volunteer_count: volunteers.length }).where('id', '=', PAST_VOLUNTEERING.id).execute();
    // The coming clinic and clean-up take volunteers too.
    await setVolunteerCapacity(db, 'demo-event-clinic', 6, now);
    await setVolunteerCapacity(db, 'demo-event-cleanup', 10, now);
  }

  // 东方社区's neighbours who have pledged to save water, so the portrait screen shows a real count.
  const campaign = await db.selectFrom('articles').select('id').where('scope_id', '=', 'dongfang').where('pledge_prompt', 'is not', null).executeTakeFirst();
  if (campaign && !(await db.selectFrom('article_pledges').select('user_id').where('article_id', '=', campaign.id).executeTakeFirst())) {
    for (let i = 1; i <= 37; i++) {
      const neighbour = await findOrCreateByOpenid(db, openidOf(`dongfang-neighbour-${i}`), now, `东方社区居民${i}`);
      await db.insertInto('article_pledges').values({ article_id: campaign.id, user_id: neighbour.id, created_at: at }).execute();
    }
  }

  const family = await findOrCreateByOpenid(db, openidOf('resident2'), now, '赵德明');
  if (!(await db.selectFrom('elder_cards').select('id').where('code', '=', DEMO_ELDER_CODE).executeTakeFirst())) {
    const id = 'demo-elder-card';
    if (!(await getElderCardRow(db, id))) {
      await saveCard(
        db,
        {
          id,
          code: DEMO_ELDER_CODE,
          community_id: 'chaoyang',
          display_name: '赵爷爷',
          photo_file_id: null,
          note: '记性不太好，说话慢，请耐心陪他等家人',
          family_user_id: family.id,
          created_by: family.id,
          status: 'active',
          created_at: at,
          updated_at: at,
        },
        [
          { name: '赵德明', relation: '儿子', phone_enc: services.cipher.encrypt('13900000011') },
          { name: '赵小梅', relation: '孙女', phone_enc: services.cipher.encrypt('13900000012') },
        ],
        true,
      );
    }
  }
}
