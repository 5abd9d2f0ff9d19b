import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { ERRORS } from '../../types';
import type { EventDetail } from '../../types/events';
import { auditEntries } from '../audit/audit.storage';
import { DAY, HOUR, MINUTE } from '../core/clock';
import { interleaved, staffOf } from '../testing/interleave';
import { anonymous, errorCodeOf, signIn, signInConsole, startTestLinli, type Client, type TestLinli } from '../testing/linli';
import type { RecordedUpdate } from '../wechat/fake-group-chat';
import assignGrid from './assign-grid';
import { runLiveCardsOnce } from './live-cards';

let linli: TestLinli;
let admin: Client;
let grid: Client;
let grid2: Client;
beforeAll(async () => {
  linli = await startTestLinli();
  // The fake WeChat stamps its watermarks and expiries on the same clock as the host.
  await linli.fake('/__fake/clock', { now: linli.clock.now().toISOString() });
  admin = await signIn('admin');
  grid = await signIn('grid');
  grid2 = await signIn('grid-two');
  await admin.call('roles.grant', { userId: grid2.userId!, role: 'gridWorker', scopeId: 'chaoyang' });
  await admin.call('grid.assign', { gridId: 'chaoyang-g2', userId: grid.userId!, assigned: true });
  await admin.call('grid.assign', { gridId: 'chaoyang-g3', userId: grid2.userId!, assigned: true });
});
afterAll(() => linli.stop());

const fakeUrl = () => linli.fakeWechat!.url;
async function updates(): Promise<RecordedUpdate[]> {
  return (await (await fetch(`${fakeUrl()}/__fake/updatable-messages`)).json()) as RecordedUpdate[];
}
async function advance(ms: number): Promise<void> {
  linli.clock.advance(ms);
  await linli.fake('/__fake/clock', { now: linli.clock.now().toISOString() });
}
/** What wx.getGroupEnterInfo gives `persona` in group `opengid`, encrypted by the fake with WeChat's algorithm. */
async function groupEnter(persona: string, opengid: string, appid = linli.config.wechatAppId): Promise<{ encryptedData: string; iv: string }> {
  const r = await fetch(`${fakeUrl()}/__fake/group-enter`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona, opengid, appid }),
  });
  return (await r.json()) as { encryptedData: string; iv: string };
}
let nonce = 0;
/** A resident opens a card from a group, as the mini-program does: a fresh wx.login code with the data. */
async function openFromGroup(persona: string, client: Client, opengid: string, card: { targetKind: 'event'; targetId: string; sharer: string }) {
  const data = await groupEnter(persona, opengid);
  return client.call('shares.enterGroup', { ...card, ...data, code: `dev:${persona}#${nonce++}` });
}

async function publishedEvent(capacity: number, inHours = 48): Promise<EventDetail> {
  const start = new Date(linli.clock.now().getTime() + inHours * HOUR);
  const created = await admin.call('events.create', {
    title: '爱心义诊进社区',
    category: '义诊',
    scopeId: 'chaoyang',
    organizer: '朝阳社区党委',
    partners: [],
    venue: '党群服务中心一楼大厅',
    startsAt: start,
    endsAt: new Date(start.getTime() + 3 * HOUR),
    capacity,
    cancelCutoffMinutes: 120,
  });
  return admin.call('events.publish', { id: created.id });
}

describe('live event cards (动态消息)', () => {
  it('sharing an event makes an activity id; sign-ups are sent coalesced, at most once a minute', async () => {
    const event = await publishedEvent(150);
    const card = await grid.call('shares.prepareCard', { targetKind: 'event', targetId: event.id });
    expect(card.live).toMatchObject({ parameters: [{ name: 'member_count', value: '0' }, { name: 'room_limit', value: '150' }] });
    expect(card.path).toBe(`/packages/events/detail/index?id=${event.id}&sharer=${grid.userId}`);
    expect(card.imageUrl).toBe(`/api/share-cards/event/${event.id}.png`);
    // The same sharer sharing again the same day gets the same id.
    expect((await grid.call('shares.prepareCard', { targetKind: 'event', targetId: event.id })).live!.activityId).toBe(card.live!.activityId);

    const before = (await updates()).length;
    const [a, b, c] = await Promise.all(['live-a', 'live-b', 'live-c'].map((p) => signIn(p)));
    await a!.call('events.register', { eventId: event.id });
    await advance(2 * MINUTE);
    expect(await runLiveCardsOnce(linli.services)).toBe(1);
    await b!.call('events.register', { eventId: event.id });
    await c!.call('events.register', { eventId: event.id });
    // Within the minute: nothing more goes out.
    await advance(20 * 1000);
    expect(await runLiveCardsOnce(linli.services)).toBe(0);
    await advance(MINUTE);
    expect(await runLiveCardsOnce(linli.services)).toBe(1);
    expect(await runLiveCardsOnce(linli.services)).toBe(0);
    const sent = (await updates()).slice(before).filter((u) => u.activity_id === card.live!.activityId);
    expect(sent.map((u) => [u.target_state, u.parameters.member_count, u.parameters.room_limit])).toEqual([
      [0, '1', '150'],
      [0, '3', '150'],
    ]);
  });

  it('when the event starts, the card turns to state 1 once, and WeChat refuses anything after', async () => {
    const event = await publishedEvent(10, 3);
    const card = await grid.call('shares.prepareCard', { targetKind: 'event', targetId: event.id });
    await advance(4 * HOUR);
    expect(await runLiveCardsOnce(linli.services)).toBeGreaterThanOrEqual(1);
    const last = (await updates()).filter((u) => u.activity_id === card.live!.activityId);
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ target_state: 1, parameters: { path: `packages/events/detail/index?id=${event.id}&sharer=${grid.userId}`, version_type: 'develop' } });
    // Nothing more for this card, however often the job runs.
    expect(await runLiveCardsOnce(linli.services)).toBe(0);
    // And the fake refuses a change from state 1 the way WeChat does.
    const err = await errorOf(() => linli.services.wechat.setUpdatableMsg({ activityId: card.live!.activityId, targetState: 0, parameters: { member_count: '1', room_limit: '10' } }));
    expect(err).toBe(47502);
  });

  it('an id past its 24 hours is retired and the next share gets a new one', async () => {
    const event = await publishedEvent(20, 72);
    const first = await grid.call('shares.prepareCard', { targetKind: 'event', targetId: event.id });
    await advance(25 * HOUR);
    const [r] = await Promise.all([signIn('late-one')]);
    await r!.call('events.register', { eventId: event.id });
    expect(await errorOf(() => linli.services.wechat.setUpdatableMsg({ activityId: first.live!.activityId, targetState: 0, parameters: { member_count: '1', room_limit: '20' } }))).toBe(47504);
    await runLiveCardsOnce(linli.services);
    const second = await grid.call('shares.prepareCard', { targetKind: 'event', targetId: event.id });
    expect(second.live!.activityId).not.toBe(first.live!.activityId);
    expect(new Date(second.live!.expiresAt).getTime() - linli.clock.now().getTime()).toBe(24 * HOUR);
    // An unknown id is refused too.
    expect(await errorOf(() => linli.services.wechat.setUpdatableMsg({ activityId: 'nope', targetState: 0, parameters: { member_count: '1', room_limit: '2' } }))).toBe(47501);
  });
});

/** The updates the fake WeChat recorded for one card. */
async function updatesOf(activityId: string): Promise<Array<[number, Record<string, string>]>> {
  return (await updates()).filter((u) => u.activity_id === activityId).map((u) => [u.target_state, u.parameters]);
}

describe('live event cards as the event moves on (WeChat has only 0 "成员正在加入" and the final 1 "已开始")', () => {
  it('when the event is cancelled: the card goes to the final state 1, and the page it opens says 已取消 with the reason', async () => {
    const event = await publishedEvent(30);
    const card = await grid.call('shares.prepareCard', { targetKind: 'event', targetId: event.id });
    await admin.call('events.cancel', { id: event.id, reason: '场地临时检修' });
    await advance(2 * MINUTE);
    expect(await runLiveCardsOnce(linli.services)).toBe(1);
    expect(await updatesOf(card.live!.activityId)).toEqual([[1, { path: `packages/events/detail/index?id=${event.id}&sharer=${grid.userId}`, version_type: 'develop' }]]);
    const resident = await signIn('cancelled-card-reader');
    const opened = await resident.call('events.get', { id: event.id, sharer: grid.userId! });
    expect([opened.status, opened.statusText, opened.cancelReason]).toEqual(['cancelled', '已取消', '场地临时检修']);
    expect(await errorCodeOf(resident.call('events.register', { eventId: event.id, sharer: grid.userId! }))).toBe(ERRORS.EVENT_CANCELLED.code);
    // And it is not offered as a live card any more.
    expect((await grid.call('shares.prepareCard', { targetKind: 'event', targetId: event.id })).live).toBeNull();
  });

  it('when the event has already ended by the time the job runs: one final update, and the page says 已结束', async () => {
    const event = await publishedEvent(12, 2);
    const card = await grid.call('shares.prepareCard', { targetKind: 'event', targetId: event.id });
    await (await signIn('ended-a')).call('events.register', { eventId: event.id });
    // The job did not run through the whole event (3 h): the card skips straight to its end.
    await advance(6 * HOUR);
    expect(await runLiveCardsOnce(linli.services)).toBe(1);
    expect(await runLiveCardsOnce(linli.services)).toBe(0);
    expect((await updatesOf(card.live!.activityId)).map(([state]) => state)).toEqual([1]);
    const resident = await signIn('ended-card-reader');
    const opened = await resident.call('events.get', { id: event.id, sharer: grid.userId! });
    expect([opened.status, opened.statusText]).toEqual(['ended', '已结束']);
    expect(await errorCodeOf(resident.call('events.register', { eventId: event.id }))).toBe(ERRORS.EVENT_SIGNUP_CLOSED.code);
  });

  it('a sign-up, then the start within the minute: the count goes first, the final state after the minute', async () => {
    const event = await publishedEvent(8, 1);
    const card = await grid.call('shares.prepareCard', { targetKind: 'event', targetId: event.id });
    await (await signIn('late-joiner')).call('events.register', { eventId: event.id });
    await advance(50 * MINUTE);
    expect(await runLiveCardsOnce(linli.services)).toBe(1);
    await advance(11 * MINUTE);
    // Started 1 min ago, but the last update was 11 min ago: it goes now.
    expect(await runLiveCardsOnce(linli.services)).toBe(1);
    expect((await updatesOf(card.live!.activityId)).map(([state, p]) => [state, p.member_count ?? p.path])).toEqual([
      [0, '1'],
      [1, `packages/events/detail/index?id=${event.id}&sharer=${grid.userId}`],
    ]);
  });

  it('an event already under way is shared as a plain card: no activity id is made', async () => {
    const event = await publishedEvent(8, 1);
    await advance(90 * MINUTE);
    const before = (await updates()).length;
    const card = await grid.call('shares.prepareCard', { targetKind: 'event', targetId: event.id });
    expect(card.live).toBeNull();
    expect(card.title).toBe('爱心义诊进社区｜进行中');
    expect(await runLiveCardsOnce(linli.services)).toBe(0);
    expect((await updates()).length).toBe(before);
  });

  it('the sharer’s open card from before is never moved back: WeChat refuses state 0 after 1', async () => {
    const event = await publishedEvent(8, 1);
    const card = await grid.call('shares.prepareCard', { targetKind: 'event', targetId: event.id });
    await advance(2 * HOUR);
    await runLiveCardsOnce(linli.services);
    expect(await errorOf(() => linli.services.wechat.setUpdatableMsg({ activityId: card.live!.activityId, targetState: 1, parameters: { path: 'x', version_type: 'develop' } }))).toBe(47502);
  });
});

async function errorOf(f: () => Promise<unknown>): Promise<number> {
  try {
    await f();
  } catch (error) {
    return (error as { errcode: number }).errcode;
  }
  throw new Error('expected WeChat to refuse');
}

describe('which group a card reached', () => {
  let event: EventDetail;
  beforeAll(async () => {
    event = await publishedEvent(100);
  });

  it('decrypts the fake’s real group data and attributes opens and sign-ups per (sharer, card, group)', async () => {
    const card = { targetKind: 'event' as const, targetId: event.id, sharer: grid.userId! };
    const [x, y, z] = await Promise.all(['grp-x', 'grp-y', 'grp-z'].map((p) => signIn(p)));
    expect(await openFromGroup('grp-x', x!, 'G-building-3', card)).toEqual({ counted: true });
    // Reopening counts once.
    expect(await openFromGroup('grp-x', x!, 'G-building-3', card)).toEqual({ counted: false });
    await openFromGroup('grp-y', y!, 'G-building-3', card);
    await openFromGroup('grp-z', z!, 'G-estate', card);
    await x!.call('events.register', { eventId: event.id, sharer: grid.userId! });
    await z!.call('events.register', { eventId: event.id, sharer: grid.userId! });

    await grid.call('shares.labelGroup', { opengid: 'G-building-3', label: '3号楼群' });
    const reach = await grid.call('shares.reach');
    const share = reach.shares.find((s) => s.targetId === event.id)!;
    expect(share).toMatchObject({ targetKind: 'event', signups: 2 });
    const byGroup = Object.fromEntries(share.groups.map((g) => [g.opengid, g]));
    expect(byGroup['G-building-3']).toMatchObject({ label: '3号楼群', opens: 2, signups: 1, newResidents: 2 });
    expect(byGroup['G-estate']).toMatchObject({ label: null, opens: 1, signups: 1 });
    expect(reach.days).toHaveLength(14);
    expect(reach.days.reduce((n, d) => n + d.opens, 0)).toBeGreaterThanOrEqual(3);
  });

  it('refuses data encrypted for another user, another app, or with a used code', async () => {
    const card = { targetKind: 'event' as const, targetId: event.id, sharer: grid.userId! };
    const q = await signIn('grp-q');
    // Data made for someone else's session key does not decrypt with mine.
    const others = await groupEnter('grp-x', 'G-building-3');
    expect(await errorCodeOf(q.call('shares.enterGroup', { ...card, ...others, code: `dev:grp-q#${nonce++}` }))).toBe(ERRORS.GRID_GROUP_DATA_INVALID.code);
    // A watermark of another mini-program.
    const foreign = await groupEnter('grp-q', 'G-building-3', 'wx-someone-else');
    expect(await errorCodeOf(q.call('shares.enterGroup', { ...card, ...foreign, code: `dev:grp-q#${nonce++}` }))).toBe(ERRORS.GRID_GROUP_DATA_INVALID.code);
    // A code of another user, with that user's data: not the caller's.
    const xs = await groupEnter('grp-x', 'G-building-3');
    expect(await errorCodeOf(q.call('shares.enterGroup', { ...card, ...xs, code: `dev:grp-x#${nonce++}` }))).toBe(ERRORS.GRID_GROUP_DATA_INVALID.code);
    // A one-time code used twice.
    const mine = await groupEnter('grp-q', 'G-building-3');
    const code = `dev:grp-q#${nonce++}`;
    await q.call('shares.enterGroup', { ...card, ...mine, code });
    expect(await errorCodeOf(q.call('shares.enterGroup', { ...card, ...mine, code }))).toBe(ERRORS.WECHAT_CODE_INVALID.code);
    // Stale data (watermark two hours old).
    const stale = await groupEnter('grp-q', 'G-estate');
    await advance(2 * HOUR);
    expect(await errorCodeOf(q.call('shares.enterGroup', { ...card, ...stale, code: `dev:grp-q#${nonce++}` }))).toBe(ERRORS.GRID_GROUP_DATA_INVALID.code);
  });

  it('a forged or own sharer counts nothing', async () => {
    const self = await openFromGroup('grid', grid, 'G-self', { targetKind: 'event', targetId: event.id, sharer: grid.userId! });
    expect(self).toEqual({ counted: false });
    const r = await signIn('grp-forge');
    expect(await openFromGroup('grp-forge', r, 'G-x', { targetKind: 'event', targetId: event.id, sharer: 'no-such-user' })).toEqual({ counted: false });
  });
});

describe('my reach is mine alone (authz matrix)', () => {
  it('a worker never sees another worker’s shares, groups or labels; admins get community totals only', async () => {
    const event = await publishedEvent(30);
    const r = await signIn('matrix-r');
    await openFromGroup('matrix-r', r, 'G-two-only', { targetKind: 'event', targetId: event.id, sharer: grid2.userId! });
    // grid2's reach has it; grid's never does.
    expect((await grid2.call('shares.reach')).shares.map((s) => s.targetId)).toContain(event.id);
    const mine = await grid.call('shares.reach');
    expect(mine.shares.flatMap((s) => s.groups.map((g) => g.opengid))).not.toContain('G-two-only');
    // No input names a person: a userId is rejected by the schema, not honoured.
    expect(await errorCodeOf(grid.call('shares.reach', { userId: grid2.userId } as never))).toBe(ERRORS.INVALID_INPUT.code);
    // Labelling a group only another worker reached: not found.
    expect(await errorCodeOf(grid.call('shares.labelGroup', { opengid: 'G-two-only', label: '别人的群' }))).toBe(ERRORS.NOT_FOUND.code);
    // Admins: their own reach is their own (empty), totals per community, never per person.
    expect((await admin.call('shares.reach')).shares).toEqual([]);
    const totals = await admin.call('grid.totals', { communityId: 'chaoyang' });
    expect(Object.keys(totals).sort()).toEqual(['communityId', 'communityName', 'followUps', 'groupsReached', 'newResidents', 'opens', 'reports', 'sharedCards', 'signups', 'visits'].sort());
    expect(totals.opens).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(totals)).not.toContain(grid.userId!);
    // Workers and residents cannot read totals; another community's admin cannot read ours.
    expect(await errorCodeOf(grid.call('grid.totals', { communityId: 'chaoyang' }))).toBe(ERRORS.ROLE_REQUIRED.code);
    expect(await errorCodeOf(r.call('grid.totals', { communityId: 'chaoyang' }))).toBe(ERRORS.ROLE_REQUIRED.code);
    const kangle = await signIn('admin-kangle');
    expect(await errorCodeOf(kangle.call('grid.totals', { communityId: 'chaoyang' }))).toBe(ERRORS.OUT_OF_SCOPE.code);
    expect(await errorCodeOf(anonymous.call('shares.reach'))).toBe(ERRORS.SESSION_INVALID.code);
  });
});

describe('community totals', () => {
  it('count each shared card once, whether it was made live, reached a group, or both', async () => {
    const sharedCards = async () => (await admin.call('grid.totals', { communityId: 'chaoyang' })).sharedCards;
    const before = await sharedCards();
    const event = await publishedEvent(40);
    await grid.call('shares.prepareCard', { targetKind: 'event', targetId: event.id });
    expect(await sharedCards()).toBe(before + 1);
    const r = await signIn('totals-r');
    await openFromGroup('totals-r', r, 'G-totals', { targetKind: 'event', targetId: event.id, sharer: grid.userId! });
    expect(await sharedCards()).toBe(before + 1);
    // An article has no live card; reaching a group is what makes it count.
    const data = await groupEnter('totals-r', 'G-totals');
    await r.call('shares.enterGroup', { targetKind: 'article', targetId: 'demo-chaoyang-center', sharer: grid.userId!, ...data, code: `dev:totals-r#${nonce++}` });
    expect(await sharedCards()).toBe(before + 2);
  });
});

describe('visits (走访登记)', () => {
  it('logs a visit to a new household, lists it masked, shows it in full only to the grid’s workers (audited), and turns it into a petition once', async () => {
    const visit = await grid.call('grid.logVisit', {
      newHousehold: { gridId: 'chaoyang-g2', address: '朝阳小区7号楼1单元302室', headName: '李桂香', phone: '13900000011' },
      visitedOn: '2026-03-23',
      raised: '楼道灯坏了一个多月，老人晚上上下楼不方便',
      followUp: true,
    });
    expect(visit).toMatchObject({ address: '朝阳小区7号楼1单元3**室', followUp: true, petitionId: null, byMe: true });
    const list = await grid.call('grid.households', { gridId: 'chaoyang-g2' });
    const row = list.find((h) => h.id === visit.householdId)!;
    expect(row).toMatchObject({ headName: '李*香', address: '朝阳小区7号楼1单元3**室', visits: 1 });

    const full = await grid.call('grid.household', { id: visit.householdId });
    expect(full).toMatchObject({ headName: '李桂香', phone: '13900000011', address: '朝阳小区7号楼1单元302室' });
    // Another grid's worker, and the community admin, do not get the full record.
    expect(await errorCodeOf(grid2.call('grid.household', { id: visit.householdId }))).toBe(ERRORS.GRID_NOT_ASSIGNED.code);
    expect(await errorCodeOf(admin.call('grid.household', { id: visit.householdId }))).toBe(ERRORS.ROLE_REQUIRED.code);
    expect(await errorCodeOf(grid2.call('grid.households', { gridId: 'chaoyang-g2' }))).toBe(ERRORS.GRID_NOT_ASSIGNED.code);
    const audit = await auditEntries(linli.services.db, { targetKind: 'household', targetId: visit.householdId, limit: 10 });
    expect(audit.map((a) => [a.actor_id, a.outcome])).toEqual(expect.arrayContaining([[grid.userId, 'ok'], [grid2.userId, 'denied']]));

    const [one, two] = await Promise.allSettled([
      grid.call('grid.visitToPetition', { visitId: visit.id, category: '道路设施' }),
      grid.call('grid.visitToPetition', { visitId: visit.id, category: '道路设施' }),
    ]);
    const filed = [one, two].filter((p) => p.status === 'fulfilled');
    expect(filed).toHaveLength(1);
    const petition = (filed[0] as PromiseFulfilledResult<Awaited<ReturnType<Client['call']>>>).value as { id: string; filedOnBehalf: boolean; category: string };
    expect(petition).toMatchObject({ filedOnBehalf: true, category: '道路设施' });
    const after = await grid.call('grid.visits', { gridId: 'chaoyang-g2' });
    expect(after.find((v) => v.id === visit.id)).toMatchObject({ petitionId: petition.id, petitionStatus: 'submitted' });
    // The agent on duty sees it in their inbox, with the household head's name.
    const agent = await signIn('agent');
    const inbox = await agent.call('petitions.inbox', { status: 'open' });
    expect(inbox.map((p) => p.id)).toContain(petition.id);
  });

  it('refuses a worker outside the grid, and a worker whose role was taken away', async () => {
    const outsider = await grid2.call('grid.logVisit', {
      newHousehold: { gridId: 'chaoyang-g3', address: '朝阳小区9号楼101室', headName: '周大海' },
      visitedOn: '2026-03-23',
      raised: '想了解高龄津贴怎么申请',
    });
    expect(await errorCodeOf(grid.call('grid.logVisit', { householdId: outsider.householdId, visitedOn: '2026-03-23', raised: '再问问' }))).toBe(ERRORS.GRID_NOT_ASSIGNED.code);
    await admin.call('roles.revoke', { userId: grid2.userId!, role: 'gridWorker', scopeId: 'chaoyang' });
    const gone = await signIn('grid-two');
    expect(await errorCodeOf(gone.call('grid.visits', {}))).toBe(ERRORS.ROLE_REQUIRED.code);
    await admin.call('roles.grant', { userId: grid2.userId!, role: 'gridWorker', scopeId: 'chaoyang' });
    // The same address twice in a grid is one household.
    expect(
      await errorCodeOf(
        grid2.call('grid.logVisit', { newHousehold: { gridId: 'chaoyang-g3', address: '朝阳小区9号楼101室', headName: '周大海' }, visitedOn: '2026-03-24', raised: '复访' }),
      ),
    ).toBe(ERRORS.GRID_HOUSEHOLD_EXISTS.code);
  });
});

describe('随手拍', () => {
  it('routes into petitions as 网格上报 with the worker’s grid, and shows duplicates within 100 m and 7 days first', async () => {
    const place = { address: '朝阳路与工业路交叉口', latitude: 34.8101, longitude: 113.2901 };
    const filed = await grid.call('grid.report', { title: '井盖松动有隐患', description: '路口东侧井盖松动，车辆经过会翘起，夜间危险', place, contactPhone: '13900000012' });
    expect(filed).toMatchObject({ category: '网格上报', communityId: 'chaoyang' });
    // 50 m away, the next day: shown, and refused until the reporter says it is another matter.
    await advance(DAY);
    const near = { address: '朝阳路口', latitude: 34.8105, longitude: 113.2902 };
    const resident = await signIn('resident');
    const dupes = await resident.call('grid.nearbyReports', { place: near });
    expect(dupes).toEqual([expect.objectContaining({ petitionId: filed.id, title: '井盖松动有隐患' })]);
    expect(dupes[0]!.distance).toBeLessThan(100);
    const input = { title: '路口井盖不稳', description: '井盖踩上去会动，孩子放学经过很危险', place: near, contactPhone: '13900000013' };
    expect(await errorCodeOf(resident.call('grid.report', input))).toBe(ERRORS.GRID_REPORT_DUPLICATE.code);
    expect(await resident.call('grid.report', { ...input, notDuplicate: true })).toMatchObject({ category: '网格上报' });
    // 300 m away, or 8 days later: not a duplicate.
    expect(await resident.call('grid.nearbyReports', { place: { address: '别处', latitude: 34.8128, longitude: 113.2901 } })).toEqual([]);
    await advance(8 * DAY);
    expect(await resident.call('grid.nearbyReports', { place: near })).toEqual([]);
  });
});

describe('投诉建议', () => {
  it('reaches the district admins only', async () => {
    await grid.call('grid.feedback', { kind: '建议', body: '希望走访登记能按楼栋筛选住户' });
    const district = await signIn('district');
    expect((await district.call('grid.feedbackList')).map((f) => f.body)).toContain('希望走访登记能按楼栋筛选住户');
    expect(await errorCodeOf(admin.call('grid.feedbackList'))).toBe(ERRORS.ROLE_REQUIRED.code);
  });
});

describe('console: rosters and households import', () => {
  async function workbook(rows: string[][]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('住户');
    ws.addRow(['网格', '地址', '户主', '电话', '备注']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }

  it('a dry run reports row by row and writes nothing; a file with errors is never half-imported', async () => {
    const console = await signInConsole('chaoyang-admin', 'Linli2026dev');
    const bad = await workbook([
      ['第一网格', '朝阳小区1号楼101室', '张三丰', '13900000021', ''],
      ['第九网格', '朝阳小区1号楼102室', '李四', '', ''],
      ['第一网格', '朝阳小区1号楼103室', '王五', '12345', ''],
    ]);
    const report = await console.call('grid.importHouseholds', { communityId: 'chaoyang', file: bad, dryRun: false });
    expect(report).toMatchObject({ created: 1, applied: false, errors: [{ row: 3 }, { row: 4 }] });
    expect(report.errors[0]!.message).toContain('第九网格');
    const before = (await console.call('grid.roster', { communityId: 'chaoyang' })).grids.find((g) => g.id === 'chaoyang-g1')!.households;

    const good = await workbook([
      ['第一网格', '朝阳小区1号楼101室', '张三丰', '13900000021', '独居'],
      ['chaoyang-g1', '朝阳小区1号楼102室', '李四', '', ''],
    ]);
    expect(await console.call('grid.importHouseholds', { communityId: 'chaoyang', file: good, dryRun: true })).toMatchObject({ created: 2, applied: false, errors: [] });
    expect((await console.call('grid.roster', { communityId: 'chaoyang' })).grids.find((g) => g.id === 'chaoyang-g1')!.households).toBe(before);
    expect(await console.call('grid.importHouseholds', { communityId: 'chaoyang', file: good, dryRun: false })).toMatchObject({ created: 2, applied: true });
    // Importing again updates, never doubles.
    expect(await console.call('grid.importHouseholds', { communityId: 'chaoyang', file: good, dryRun: false })).toMatchObject({ created: 0, updated: 2, applied: true });
    expect((await console.call('grid.roster', { communityId: 'chaoyang' })).grids.find((g) => g.id === 'chaoyang-g1')!.households).toBe(before + 2);
    expect(await errorCodeOf(console.call('grid.importHouseholds', { communityId: 'chaoyang', file: Buffer.from('not excel').toString('base64') }))).toBe(ERRORS.GRID_IMPORT_INVALID.code);
    const kangle = await signInConsole('kangle-admin', 'Linli2026dev');
    expect(await errorCodeOf(kangle.call('grid.importHouseholds', { communityId: 'chaoyang', file: good }))).toBe(ERRORS.OUT_OF_SCOPE.code);
  });

  it('assigns only the community’s grid workers, and the roster lists workers per grid without any figures about them', async () => {
    const resident = await signIn('resident');
    expect(await errorCodeOf(admin.call('grid.assign', { gridId: 'chaoyang-g1', userId: resident.userId!, assigned: true }))).toBe(ERRORS.GRID_NOT_A_WORKER.code);
    const roster = await admin.call('grid.assign', { gridId: 'chaoyang-g1', userId: grid2.userId!, assigned: true });
    expect(roster.grids.find((g) => g.id === 'chaoyang-g1')!.workers.map((w) => w.id)).toContain(grid2.userId);
    expect(Object.keys(roster.grids[0]!.workers[0] ?? { id: '', name: '' }).sort()).toEqual(['id', 'name']);
  });
});

describe('when the 网格员 role is taken away', () => {
  it('the worker loses the grid’s households at once, even while still 网格员 of another community', async () => {
    const former = await signIn('grid-former');
    await admin.call('roles.grant', { userId: former.userId!, role: 'gridWorker', scopeId: 'chaoyang' });
    const district = await signIn('district');
    await district.call('roles.grant', { userId: former.userId!, role: 'gridWorker', scopeId: 'kangle' });
    await admin.call('grid.assign', { gridId: 'chaoyang-g1', userId: former.userId!, assigned: true });
    expect(await former.call('grid.households', { gridId: 'chaoyang-g1' })).toBeDefined();
    await admin.call('roles.revoke', { userId: former.userId!, role: 'gridWorker', scopeId: 'chaoyang' });
    expect(await errorCodeOf(former.call('grid.households', { gridId: 'chaoyang-g1' }))).toBe(ERRORS.GRID_NOT_ASSIGNED.code);
  });
});

describe('a check made before a change and a write landing after it', () => {
  it('an assignment checked before the worker lost the 网格员 role is refused and not kept', async () => {
    const leaving = await signIn('grid-leaving');
    await admin.call('roles.grant', { userId: leaving.userId!, role: 'gridWorker', scopeId: 'chaoyang' });
    const services = interleaved(linli.services, () => admin.call('roles.revoke', { userId: leaving.userId!, role: 'gridWorker', scopeId: 'chaoyang' }));
    const assign = assignGrid.handler({ gridId: 'chaoyang-g1', userId: leaving.userId!, assigned: true }, { services, caller: await staffOf(linli.services, admin), ip: '127.0.0.1' });
    expect(await errorCodeOf(assign)).toBe(ERRORS.GRID_NOT_A_WORKER.code);
    expect(services.interleaved()).toBe(true);
    const roster = await admin.call('grid.roster', { communityId: 'chaoyang' });
    expect(roster.grids.find((g) => g.id === 'chaoyang-g1')!.workers.map((w) => w.id)).not.toContain(leaving.userId);
  });
});

describe('the workbench', () => {
  it('opens for staff with their grids and tools, never for residents', async () => {
    const bench = await grid.call('grid.workbench');
    expect(bench.grids.map((g) => g.id)).toContain('chaoyang-g2');
    expect(bench.tools).toEqual(expect.arrayContaining(['visits', 'report', 'checkin', 'reach', 'feedback']));
    expect(bench.tools).not.toContain('inbox');
    const resident = await signIn('resident');
    expect(await errorCodeOf(resident.call('grid.workbench'))).toBe(ERRORS.ROLE_REQUIRED.code);
  });
});

describe('the share card image', () => {
  it('is a 5:4 PNG with the title, time, place and seats, matching the stored reference within tolerance', async () => {
    const { renderShareCard } = await import('./share-card-image');
    const facts = {
      kind: 'event' as const,
      id: 'x',
      badge: '社区活动',
      title: '爱心义诊进社区',
      lines: ['3月25日 周三 09:00–12:00', '党群服务中心一楼大厅'],
      highlight: '剩余 105 个名额',
      page: 'packages/events/detail/index',
      live: null,
    };
    const png = await renderShareCard(facts);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 500, 400]);
    const { compareToReference, updateReference } = await import('./reference-image');
    if (process.env.LINLI_UPDATE_REFERENCE === '1') updateReference(png, 'share-card-event.png');
    expect(await compareToReference(png, 'share-card-event.png')).toBeLessThan(0.01);
    // A card with other text differs well beyond the tolerance: the comparison can fail.
    const other = await renderShareCard({ ...facts, title: '免费理发进小区', highlight: '已满·可候补' });
    expect(await compareToReference(other, 'share-card-event.png')).toBeGreaterThan(0.01);
  });

  it('shows a long place in full on a second line under a one-line title, and cuts it (…) only under a two-line title', async () => {
    const { shareCardSvg } = await import('./share-card-image');
    const facts = {
      kind: 'event' as const,
      id: 'x',
      badge: '社区活动',
      title: '爱心义诊进社区',
      lines: ['12月4日 周五 08:30—11:30', '朝阳社区党群服务中心 一楼大厅'],
      highlight: '剩余 150 个名额',
      page: 'packages/events/detail/index',
      live: null,
    };
    const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    const short = texts(shareCardSvg(facts));
    expect(short).toEqual(expect.arrayContaining(['爱心义诊进社区', '12月4日 周五 08:30—11:30', '剩余 150 个名额']));
    expect(short.join('')).toContain('朝阳社区党群服务中心 一楼大厅');
    expect(short.join('')).not.toContain('…');
    const long = texts(shareCardSvg({ ...facts, title: '“我们的节日·端午”包粽子邻里联欢会' }));
    expect(long.filter((t) => t!.includes('…'))).toEqual(['朝阳社区党群服务中心 一…']);
    expect(long).toContain('剩余 150 个名额');
  });

  it('is served for a published event, refused for an unknown one', async () => {
    const event = await publishedEvent(150);
    const r = await fetch(`${linli.url}/api/share-cards/event/${event.id}.png`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await r.arrayBuffer())).metadata()).width).toBe(500);
    expect((await fetch(`${linli.url}/api/share-cards/event/nope.png`)).status).toBe(404);
    const poster = await grid.call('shares.poster', { targetKind: 'event', targetId: event.id });
    const posterPng = Buffer.from(poster.image.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(await sharp(posterPng).metadata()).toMatchObject({ width: 500, height: 800 });
  });
});
