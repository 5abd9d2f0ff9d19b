import { DAY } from '../core/clock';
import { newId } from '../core/crypto';
import type { Services } from '../core/services';
import { getEventRow } from '../events/events.storage';
import { newEventRow } from '../events/lib/event-fields';
import { skipPending } from '../notifications/outbox.storage';
import { resolveDue } from '../petitions/lib/deadlines';
import { filePetition } from '../petitions/lib/file-petition';
import { petitionsOfSubmitter, rosterOf, setRoster, transitionPetition } from '../petitions/petitions.storage';
import { insertGrant } from '../roles/roles.storage';
import type { BookingsTable, EventsTable, PetitionsTable } from '../storage/schema';
import { findOrCreateByOpenid, updateUser } from '../users/users.storage';
import { openidOf } from '../wechat/fake-server';
import type { PetitionCategory, PetitionKind } from '../../types/petitions';
import { shanghaiDay, shanghaiTime } from '../../types/time';
import { firstCampaign, insertHistory, resourceIds, type HistoryRows } from './history.storage';

/**
 * About four months of 上街区's past before "now": events held with their sign-ups and
 * check-ins, rooms and 一站式 hall matters booked and done, petitions taken through their
 * steps to the resident's rating. So the console's dashboard, reports and exports show
 * something real on a first start. Everything is placed relative to the moment it is
 * loaded and drawn from a fixed seed, so two starts on the same day build the same past.
 * Loaded once: the first past event marks it as there. All names are invented.
 */
export const HISTORY_DAYS = 120;
const MARKER = 'demo-past-01';
/** About two a day across the district, as the reference's offices report. */
export const HISTORY_PETITIONS = 100;
const PETITIONS = HISTORY_PETITIONS;

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Invented residents of the demo's past: [persona, name, community]. */
const RESIDENTS: Array<[string, string, string]> = [
  ['past-1', '李桂英', 'chaoyang'],
  ['past-2', '张振华', 'chaoyang'],
  ['past-3', '刘淑珍', 'chaoyang'],
  ['past-4', '杨国栋', 'chaoyang'],
  ['past-5', '吴玉兰', 'chaoyang'],
  ['past-6', '何建军', 'chaoyang'],
  ['past-7', '郭凤英', 'kangle'],
  ['past-8', '高志刚', 'kangle'],
  ['past-9', '罗秀梅', 'kangle'],
  ['past-10', '梁春生', 'minan'],
  ['past-11', '宋丽娟', 'minan'],
  ['past-12', '唐德胜', 'sanwanjie'],
  ['past-13', '韩素琴', 'sanwanjie'],
  ['past-14', '冯永强', 'huifeng'],
  ['past-15', '曹玉珍', 'huifeng'],
  ['past-16', '彭长林', 'dongfang'],
  ['past-17', '董凤兰', 'dongfang'],
  ['past-18', '袁保国', 'dapoding'],
  ['past-19', '蒋翠花', 'dapoding'],
  ['past-20', '田文斌', 'chaoyang'],
];

/** Agents of the communities the persona list leaves without one (认准一个人 everywhere). */
const AGENTS: Array<[string, string, string]> = [
  ['past-agent-minan', '邓雅琴', 'minan'],
  ['past-agent-sanwanjie', '许卫东', 'sanwanjie'],
  ['past-agent-huifeng', '傅晓燕', 'huifeng'],
  ['past-agent-dongfang', '沈建平', 'dongfang'],
  ['past-agent-dapoding', '姚春梅', 'dapoding'],
];

/** Past events: [daysAgo, community, category, title, venue, start, end, capacity, organizer]. */
const PAST_EVENTS: Array<[number, string, EventsTable['category'], string, string, string, string, number, string]> = [
  [112, 'chaoyang', '义诊', '“健康进社区”义诊', '朝阳社区党群服务中心一楼大厅', '08:30', '11:30', 60, '朝阳社区居委会'],
  [104, 'kangle', '讲座', '防范电信诈骗讲座', '康乐社区居委会活动室', '15:00', '16:30', 40, '康乐社区居委会'],
  [97, 'minan', '文体活动', '重阳节长者联欢', '民安社区广场', '09:00', '11:00', 80, '民安社区居委会'],
  [90, 'chaoyang', '党课', '老党员讲党课：社区的变化', '朝阳社区党员活动室', '09:30', '11:00', 30, '朝阳社区党支部'],
  [83, 'sanwanjie', '志愿服务', '免费理发进小区', '三湾街社区居委会门前', '08:30', '11:00', 40, '三湾街社区志愿服务队'],
  [76, 'chaoyang', '讲座', '法律明白人讲《民法典》', '朝阳社区科普大学教室', '14:30', '16:00', 50, '朝阳社区居委会'],
  [69, 'huifeng', '义诊', '眼科与血压筛查', '汇丰社区卫生服务站', '08:30', '11:00', 50, '汇丰社区居委会'],
  [62, 'dongfang', '宣传', '垃圾分类入户宣传', '东方社区各楼院', '09:00', '11:30', 30, '东方社区居委会'],
  [55, 'chaoyang', '文体活动', '书画剪纸作品展', '朝阳社区书画室', '09:00', '16:00', 100, '朝阳社区居委会'],
  [47, 'kangle', '志愿服务', '冬季楼道清扫', '康乐社区各楼道', '08:30', '10:30', 30, '康乐社区志愿服务队'],
  [40, 'dapoding', '讲座', '冬季用火用电安全', '大坡顶村村委会', '14:30', '16:00', 60, '大坡顶村村委会'],
  [33, 'chaoyang', '志愿服务', '为长者免费理发', '朝阳社区党群服务中心二楼', '08:30', '11:30', 40, '朝阳社区志愿服务队'],
  [26, 'minan', '义诊', '中医义诊与健康咨询', '民安社区居委会', '08:30', '11:00', 50, '民安社区居委会'],
  [19, 'chaoyang', '讲座', '节水爱水，从我家做起', '朝阳社区科普大学教室', '15:00', '16:30', 40, '朝阳社区居委会'],
  [12, 'sanwanjie', '文体活动', '合唱队迎新排练公开课', '三湾街社区活动室', '09:30', '11:00', 40, '三湾街社区居委会'],
  [9, 'huifeng', '志愿服务', '帮独居老人打扫卫生', '汇丰社区各楼院', '09:00', '11:00', 20, '汇丰社区志愿服务队'],
  [5, 'chaoyang', '义诊', '冬季慢病随访与义诊', '朝阳社区党群服务中心一楼大厅', '08:30', '11:30', 60, '朝阳社区居委会'],
  [3, 'kangle', '讲座', '防范养老诈骗', '康乐社区居委会活动室', '15:00', '16:30', 40, '康乐社区居委会'],
];

/** What residents asked for: [category, kind, title, description]. */
const MATTERS: Array<[PetitionCategory, PetitionKind, string, string]> = [
  ['道路设施', 'request', '楼下路灯不亮', '3号楼东侧的路灯坏了一个多星期，晚上老人出门看不清路。'],
  ['环境卫生', 'request', '垃圾桶满了没人清', '小区北门的垃圾桶两天没有清运，味道很大。'],
  ['养老助老', 'request', '独居老人需要有人探望', '邻居家老人一个人住，最近腿脚不方便，想请社区帮忙联系助老服务。'],
  ['邻里纠纷', 'petition', '楼上漏水协调不成', '楼上卫生间漏水到我家，多次沟通没有结果，请社区帮忙协调。'],
  ['劳动保障/欠薪', 'petition', '装修工钱被拖欠', '给一家装修队干了两个月活，工钱一直拖着不给，请帮忙反映。'],
  ['道路设施', 'request', '人行道地砖松动', '菜市场门口人行道的地砖松了，下雨天踩上去溅水，怕老人摔倒。'],
  ['环境卫生', 'request', '楼道堆放杂物', '2单元楼道里堆了纸箱和旧家具，堵了消防通道。'],
  ['养老助老', 'petition', '高龄津贴怎么申请', '父亲今年满80岁了，想问高龄津贴要带什么材料、到哪里办。'],
  ['其他', 'request', '小区门禁坏了', '西门门禁刷卡没反应，外人随便进出。'],
  ['道路设施', 'request', '井盖缺了一角', '幼儿园门口的井盖破了一角，孩子们每天经过，很危险。'],
  ['邻里纠纷', 'request', '夜里广场舞音响太吵', '晚上九点以后广场上音响还很大，影响休息。'],
  ['环境卫生', 'request', '绿化带里有建筑垃圾', '小区绿化带里倒了一堆建筑垃圾，好几天了。'],
];

const RESOLUTIONS = [
  '已联系物业更换，当天修好，回访居民表示满意。',
  '已协调清运公司加开一班，今后每天上午、傍晚各清运一次。',
  '已安排网格员每周上门两次，并登记了助老餐桌送餐。',
  '已约双方到社区调解室当面协商，达成书面调解协议。',
  '已陪同到区人社局劳动监察大队登记，工钱已追回。',
  '已报市政维修，三天内铺平，并在施工期间设了提示牌。',
];

/**
 * The same moment, or the next waking one when it fell at night (Shanghai time, 07:30 to
 * 21:30): residents sign up, pledge and answer in the day, not at 04:30. Moves only
 * forward, so steps built one after another stay in order.
 */
function awake(d: Date): Date {
  const minutes = Math.floor(((d.getTime() + 8 * HOUR) % DAY) / MINUTE);
  const opens = 7 * 60 + 30;
  const closes = 21 * 60 + 30;
  if (minutes >= opens && minutes < closes) return d;
  const untilMorning = minutes < opens ? opens - minutes : 24 * 60 - minutes + opens;
  // Spread over the morning rather than all at 07:30: the minute past the hour is kept.
  return new Date(d.getTime() + (untilMorning + (minutes % 60) + 30) * MINUTE);
}

/** A made-up but well-formed ID number (GB 11643 check digit) for the demo's formal 信访. */
function demoIdNumber(n: number): string {
  const body = `410106${1940 + (n % 40)}0${1 + (n % 9)}1${n % 10}${String(100 + n).slice(-3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11]!;
}

/** A fixed-seed generator (mulberry32): the same past at every start. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedHistory(services: Services): Promise<void> {
  const { db, clock } = services;
  if (await getEventRow(db, MARKER)) return;
  const now = clock.now();
  const random = seeded(20261130);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const dayOf = (daysAgo: number) => shanghaiDay(new Date(now.getTime() - daysAgo * DAY));
  const iso = (d: Date) => new Date(Math.min(d.getTime(), now.getTime() - MINUTE)).toISOString();

  const people = new Map<string, { id: string; community: string; phone: string }>();
  for (const [i, [persona, name, community]] of [...RESIDENTS, ...AGENTS].entries()) {
    const user = await findOrCreateByOpenid(db, openidOf(persona), now, name);
    const phone = `1390371${String(1000 + i).padStart(4, '0')}`;
    await updateUser(db, user.id, { nickname: name, home_community_id: community, phone_tail: phone.slice(-4) }, now);
    people.set(persona, { id: user.id, community, phone });
  }
  for (const [persona, , community] of AGENTS) await insertGrant(db, { userId: people.get(persona)!.id, role: 'agent', scopeId: community, grantedBy: null, now });
  const staff = async (persona: string) => (await findOrCreateByOpenid(db, openidOf(persona), now, persona)).id;
  const agentOf: Record<string, string> = {
    chaoyang: await staff('agent'),
    kangle: await staff('agent-kangle'),
    ...Object.fromEntries(AGENTS.map(([persona, , community]) => [community, people.get(persona)!.id])),
  };
  const checker = await staff('grid');
  const residents = RESIDENTS.map(([persona]) => people.get(persona)!);

  const rows: HistoryRows = { events: [], registrations: [], bookings: [], holds: [], bookingSteps: [], pledges: [] };

  // Events held, each with its sign-ups and the check-ins at the door.
  for (const [i, [daysAgo, community, category, title, venue, start, end, capacity, organizer]] of PAST_EVENTS.entries()) {
    const day = dayOf(daysAgo);
    const startsAt = shanghaiTime(day, start);
    const created = new Date(startsAt.getTime() - 10 * DAY);
    const signups = residents.filter((r) => r.community === community || random() < 0.3).slice(0, capacity);
    const id = i === 0 ? MARKER : `demo-past-${String(i + 1).padStart(2, '0')}`;
    let checkedIn = 0;
    for (const [n, r] of signups.entries()) {
      const shows = random() < 0.85;
      if (shows) checkedIn++;
      rows.registrations.push({
        id: newId(),
        event_id: id,
        user_id: r.id,
        status: 'confirmed',
        waitlist_no: null,
        checkin_code: `P${String(i).padStart(2, '0')}${String(n).padStart(2, '0')}${newId().slice(0, 6).toUpperCase()}`,
        checked_in_at: shows ? iso(new Date(startsAt.getTime() + (n * 3 - 10) * MINUTE)) : null,
        checked_in_by: shows ? checker : null,
        shared_by: null,
        created_at: iso(awake(new Date(created.getTime() + (1 + n) * 5 * HOUR))),
        updated_at: iso(startsAt),
      });
    }
    // Walk-ins come too: the office counts heads at the door, more than signed up online.
    const attendance = checkedIn + 6 + Math.floor(random() * 30);
    const held = daysAgo > 3;
    rows.events.push({
      ...newEventRow(
        { id, scopeId: community, category, title, description: `${organizer}组织的${title}，欢迎居民参加。`, organizer, partners: [], venue, requiresSignup: true, capacity },
        { startsAt, endsAt: shanghaiTime(day, end), signupOpensAt: created, signupClosesAt: startsAt, cancelCutoffAt: new Date(startsAt.getTime() - 2 * HOUR) },
        {
          state: held ? 'closed' : 'published',
          createdBy: null,
          createdAt: created,
          updatedAt: new Date(iso(new Date(startsAt.getTime() + DAY))),
          attendance: held ? attendance : null,
          residentsServed: held ? attendance - Math.floor(random() * 4) : null,
        },
      ),
      confirmed_count: signups.length,
      volunteer_capacity: 0,
      volunteer_count: 0,
    });
  }

  // Rooms and hall matters, up to three a working day, in office hours.
  const ROOMS = ['cy-painting', 'cy-party', 'cy-choir', 'cy-papercut', 'cy-council', 'kl-activity'];
  const HALL = ['cy-hall-allowance', 'cy-hall-residence', 'cy-hall-pension', 'cy-hall-elderly-card'];
  const known = new Set(await resourceIds(db));
  const rooms = ROOMS.filter((r) => known.has(r));
  const hall = HALL.filter((r) => known.has(r));
  for (let daysAgo = HISTORY_DAYS - 2; daysAgo >= 1; daysAgo -= 1) {
    const day = dayOf(daysAgo);
    const weekday = new Date(`${day}T12:00:00+08:00`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let k = 0; k < 3; k++) {
      if (random() < 0.4) continue;
      const isHall = hall.length > 0 && (rooms.length === 0 || random() < 0.4);
      const resource = isHall ? pick(hall) : pick(rooms);
      // One slot a booking, apart from the day's others: the k-th of the day keeps its own hours.
      const hour = 9 + k * 3 + Math.floor(random() * 2);
      const slotStart = shanghaiTime(day, `${String(hour).padStart(2, '0')}:00`);
      const slotEnd = new Date(slotStart.getTime() + (isHall ? 30 * MINUTE : 2 * HOUR));
      const who = pick(residents.filter((r) => r.community === (resource.startsWith('kl-') ? 'kangle' : 'chaoyang')));
      const roll = random();
      const status: BookingsTable['status'] = roll < 0.08 ? 'cancelled' : roll < 0.14 ? 'no_show' : 'checked_in';
      const created = new Date(slotStart.getTime() - (1 + Math.floor(random() * 4)) * DAY);
      const id = newId();
      rows.bookings.push({
        id,
        resource_id: resource,
        user_id: who.id,
        slot_start: slotStart.toISOString(),
        slot_end: slotEnd.toISOString(),
        status,
        step: isHall ? (status === 'checked_in' ? 'done' : 'booked') : null,
        purpose: isHall ? '' : { 'cy-painting': '书画小组练习', 'cy-party': '党员学习会', 'cy-choir': '合唱队排练', 'cy-papercut': '剪纸兴趣班', 'cy-council': '楼栋议事会' }[resource] ?? '居民小组活动',
        party_size: isHall ? 1 : 6 + Math.floor(random() * 14),
        reject_reason: null,
        missing_materials: '[]',
        created_at: created.toISOString(),
        updated_at: iso(slotEnd),
      });
      if (status !== 'cancelled') rows.holds.push({ resource_id: resource, slot_start: slotStart.toISOString(), seat: 1, booking_id: id });
      if (isHall && status === 'checked_in') {
        ['booked', 'arrived', 'processing', 'done'].forEach((step, seq) =>
          rows.bookingSteps.push({ id: newId(), booking_id: id, seq: seq + 1, step, note: null, by_user_id: step === 'booked' ? who.id : checker, at: iso(step === 'booked' ? created : new Date(slotStart.getTime() + seq * 8 * MINUTE)) }),
        );
      }
    }
  }

  // Pledges to the demo's 倡议 campaign, from the day it came out.
  const campaign = await firstCampaign(db);
  if (campaign?.publish_at) {
    const from = Date.parse(campaign.publish_at);
    for (const [n, r] of residents.entries()) {
      if (random() < 0.6) rows.pledges.push({ article_id: campaign.id, user_id: r.id, created_at: iso(awake(new Date(from + (n + 1) * 37 * MINUTE))) });
    }
  }

  await insertHistory(db, rows);
  await filePastPetitions(services, { residents, agentOf, random, pick, dayOf, iso });
}

/**
 * Petitions through their steps, most closed with a rating, a few still under way. Each is
 * filed by filePetition, as 我要反映 files it, on a clock set to its moment (so it reaches
 * the community's agent on duty then), and moved along by transitionPetition as the
 * agent's and the resident's functions move it. What the steps would have told people back
 * then is not sent today: their messages are skipped.
 */
async function filePastPetitions(
  services: Services,
  h: {
    residents: Array<{ id: string; community: string; phone: string }>;
    agentOf: Record<string, string>;
    random: () => number;
    pick: <T>(list: readonly T[]) => T;
    dayOf: (daysAgo: number) => string;
    iso: (d: Date) => string;
  },
): Promise<void> {
  const { db, clock } = services;
  const now = clock.now();
  const { residents, agentOf, random, pick, dayOf, iso } = h;
  // Filed after the rest of the past, so an interrupted first start finishes them at the next.
  if ((await petitionsOfSubmitter(db, residents[0]!.id, { limit: 1 })).length > 0) return;
  for (const [community, agent] of Object.entries(agentOf)) {
    if ((await rosterOf(db, community)).length === 0) await setRoster(db, community, ['1', '2', '3', '4', '5', '6', '7'].map((weekday) => ({ weekday, agentId: agent })));
  }
  for (let n = 0; n < PETITIONS; n++) {
    const daysAgo = Math.max(1, Math.round(HISTORY_DAYS - n * (HISTORY_DAYS / PETITIONS) - random() * 2));
    const who = pick(residents);
    const [category, kind, title, description] = pick(MATTERS);
    const created = shanghaiTime(dayOf(daysAgo), `${String(8 + Math.floor(random() * 10)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`);
    const agent = agentOf[who.community]!;
    const anonymous = random() < 0.15;
    const id = await filePetition(
      { ...services, clock: { now: () => created } },
      {
        kind,
        category,
        title,
        description,
        photoIds: [],
        location: null,
        contactPhone: who.phone,
        // A formal 信访 needs the filer's ID number; the demo's are made up and valid.
        ...(kind === 'petition' && { idNumber: demoIdNumber(n) }),
        anonymous,
        communityId: who.community,
      },
      { submitterId: who.id, filedBy: null, onBehalfName: null, photoOwner: who.id },
    );
    await skipPending(db, `petition:${id}:`);
    // One in eight is accepted late, so the 响应率 is an honest figure, not 100%.
    const accepted = awake(new Date(created.getTime() + (random() < 0.125 ? 30 : 1 + random() * 5) * HOUR));
    // The last three are still under way: accepted, being handled, waiting for the resident.
    const stages = n === PETITIONS - 1 ? 1 : n === PETITIONS - 2 ? 2 : n === PETITIONS - 3 ? 3 : 4;
    let status = 'submitted';
    const step = async (action: string, to: string, at: Date, note: string | null, by: string, changes: Partial<PetitionsTable> = {}) => {
      await transitionPetition(db, { id, from: status, to, action, note, by, changes, now: new Date(iso(at)), messages: [] });
      status = to;
    };
    if (accepted >= now) continue;
    await step('accept', 'accepted', accepted, null, agent, { accepted_at: iso(accepted), resolve_due_at: resolveDue(accepted, category).toISOString() });
    const visited = awake(new Date(accepted.getTime() + (4 + random() * 20) * HOUR));
    if (visited < now && stages >= 2) await step('note', 'in_progress', visited, '已上门查看，正在联系相关单位。', agent);
    const resolved = awake(new Date(visited.getTime() + (1 + random() * 6) * DAY));
    if (resolved >= now || status !== 'in_progress' || stages < 3) continue;
    const resolution = pick(RESOLUTIONS);
    await step('resolve', 'resolved', resolved, resolution, agent, { resolved_at: iso(resolved), resolution });
    const confirmed = awake(new Date(resolved.getTime() + (2 + random() * 40) * HOUR));
    if (confirmed >= now || stages < 4) continue;
    const rating = random() < 0.85 ? 5 : random() < 0.5 ? 4 : 3;
    const ratingComment = rating >= 4 ? pick(['办得快，谢谢代办员。', '态度好，当天就来看了。', '问题解决了，很满意。']) : '解决了，就是等得有点久。';
    await step('confirm', 'closed', confirmed, `${'★'.repeat(rating)} ${ratingComment}`, who.id, { closed_at: iso(confirmed), rating, rating_comment: ratingComment });
  }
}
