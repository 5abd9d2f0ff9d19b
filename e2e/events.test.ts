import type { Page } from 'playwright-core';
import { apiAs, type E2E, expectNoCareViolations, go, phoneAs, screenshotWhole, startE2E, tap } from './harness';

const TAB = '/pages/events/index';
const MINE = '/packages/events/mine/index';
const STAFF = '/packages/staff/events-checkin/index';
const detail = (id: string) => `/packages/events/detail/index?id=${encodeURIComponent(id)}`;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 朝阳社区's free clinic from cloud/demo/events.ts: 150 seats, three days from the seed. */
const CLINIC = { id: 'demo-event-clinic', title: '爱心义诊进社区' };

/** Names no other test (or earlier run against the same database) has used. */
const run = Date.now().toString(36);
const fresh = (who: string) => `ev-${who}-${run}`;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

/** An event of 朝阳社区 set up by its admin as the console would, published. */
async function publishedEvent(fields: { title: string; startsAt: Date; hours: number; capacity: number }): Promise<string> {
  const admin = await apiAs(e2e, 'admin');
  const created = await admin.call<{ id: string }>('events.create', {
    title: fields.title,
    category: '讲座',
    scopeId: 'chaoyang',
    organizer: '朝阳社区党委',
    partners: ['区司法局'],
    venue: '朝阳社区党群服务中心 科普大学教室',
    description: '小范围讲座，名额有限。',
    startsAt: fields.startsAt.toISOString(),
    endsAt: new Date(fields.startsAt.getTime() + fields.hours * HOUR).toISOString(),
    capacity: fields.capacity,
  });
  await admin.call('events.publish', { id: created.id });
  return created.id;
}

/** A fresh resident's phone, signed in, on the event's page. */
async function residentOn(route: string, persona: string, careMode = false): Promise<Page> {
  const { page } = await phoneAs(e2e, persona, { careMode });
  await go(page, route);
  return page;
}

/** The resident's own sign-up as the detail page states it (已报名, 候补第1位, 已取消). */
function myStatus(page: Page) {
  return page.locator('.lt-event-mine__status');
}

describe('two seats, three residents', () => {
  it('the seats count down, the third waits at 候补第1位, and is confirmed once the first cancels', async () => {
    const id = await publishedEvent({ title: '两个名额的法律小课堂', startsAt: new Date(Date.now() + 3 * DAY), hours: 2, capacity: 2 });

    const first = await residentOn(detail(id), fresh('a'));
    await first.getByText('两个名额的法律小课堂').waitFor();
    await first.getByText('剩余2个名额（共2个）').waitFor();
    await first.getByText('区司法局').waitFor();
    await tap(first, '我要报名');
    await first.getByText('报名成功！').waitFor();
    await first.getByText('剩余1个名额（共2个）').waitFor();
    expect(await myStatus(first).innerText()).toBe('已报名');
    // Her code is on the page, spelled out for reading aloud.
    expect(await first.locator('.lt-spelled-code__char').count()).toBe(8);
    await screenshotWhole(first, 'events-detail-registered');

    const second = await residentOn(detail(id), fresh('b'));
    await second.getByText('剩余1个名额（共2个）').waitFor();
    await tap(second, '我要报名');
    await second.getByText('报名成功！').waitFor();
    await second.getByText('名额已满（共2个）').waitFor();

    const third = await residentOn(detail(id), fresh('c'));
    await third.locator('.lt-event-badge').filter({ hasText: '已满·可候补' }).waitFor();
    expect(await third.getByText('我要报名').count()).toBe(0);
    await tap(third, '排队候补');
    await third.getByText('您已排在候补第1位').waitFor();
    await myStatus(third).filter({ hasText: '候补第1位' }).waitFor();
    await third.locator('.lt-event-fact').filter({ hasText: '候补' }).getByText('1人在候补').waitFor();
    await screenshotWhole(third, 'events-detail-waitlisted');

    // The first changes her mind; the page asks once more before giving the seat away.
    await first.reload();
    await myStatus(first).filter({ hasText: '已报名' }).waitFor();
    await tap(first, '取消报名');
    await first.getByText('确定要取消报名吗？').waitFor();
    await tap(first, '确定取消报名');
    await first.getByText('已取消报名。').waitFor();
    await myStatus(first).filter({ hasText: '已取消' }).waitFor();

    await third.reload();
    await myStatus(third).filter({ hasText: '已报名' }).waitFor();
    expect(await third.locator('.lt-spelled-code__char').count()).toBe(8);
    await third.getByText('目前没有人候补').waitFor();
  });
});

describe('staff check residents in at the door', () => {
  it('a grid worker opens 活动签到 from 我的, types a code, and sees who it is; the same code again is refused', async () => {
    const title = '一小时内开始的健康讲座';
    const id = await publishedEvent({ title, startsAt: new Date(Date.now() + 30 * MINUTE), hours: 2, capacity: 20 });
    const resident = await apiAs(e2e, fresh('d'));
    const { nickname } = await resident.call<{ nickname: string }>('users.me');
    const registration = await resident.call<{ checkinCode: string }>('events.register', { eventId: id });
    const code = registration.checkinCode;

    // Residents have no way in: not on 我的, and the page itself says it is for staff.
    const neighbour = await residentOn('/pages/me/index', 'resident');
    await neighbour.getByText('我的活动和签到码').waitFor();
    expect(await neighbour.getByText('活动签到').count()).toBe(0);
    await go(neighbour, STAFF);
    await neighbour.getByText('这是社区工作人员用的页面').waitFor();

    const { page } = await phoneAs(e2e, 'grid');
    await page.getByText('活动签到').click();
    await page.waitForFunction(() => window.location.hash.includes('events-checkin'));
    await page.getByText(title).waitFor();

    // Typed the way it is read out: lower case, in two groups.
    const input = page.locator('.lt-staff-checkin__field input');
    await input.fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4).toLowerCase()}`);
    expect(await input.inputValue()).toBe(code);
    await tap(page, /^签到$/);
    await page.getByText('签到成功').waitFor();
    const done = page.locator('.lt-staff-checkin__done');
    expect(await done.innerText()).toContain(nickname);
    expect(await done.innerText()).toContain(title);
    await screenshotWhole(page, 'events-staff-checkin');

    await input.fill(code);
    await tap(page, /^签到$/);
    await page.getByText(/^已于\d+月\d+日 \d\d:\d\d签到，无需重复签到$/).waitFor();

    // Today's list shows her as arrived.
    await page.locator('.lt-staff-event').filter({ hasText: title }).locator('.nut-button').filter({ hasText: '查看报名名单' }).click();
    const row = page.locator('.lt-staff-registrant').filter({ hasText: nickname });
    await row.getByText(/^已签到 \d\d:\d\d$/).waitFor();
    await page.getByText('已报名1人，已签到1人').waitFor();
    await screenshotWhole(page, 'events-staff-registrants');
  });
});

describe('the 活动 tab', () => {
  it('shows a resident without a community the whole district, and past events under 已结束', async () => {
    const page = await residentOn(TAB, fresh('e'));
    await page.getByText('您还没有选择所在社区，下面是全区各社区的活动。').waitFor();
    // 东方社区's 宣传日 takes no sign-up, and says so.
    const waterDay = page.locator('.lt-event-card').filter({ hasText: '节水爱水 你我同行 宣传日' });
    await waterDay.getByText('无需报名').first().waitFor();

    await tap(page, /^已结束$/);
    const clinic = page.locator('.lt-event-card').filter({ hasText: '爱心义诊进社区 便民服务送健康' });
    await clinic.locator('.lt-event-badge').filter({ hasText: '已结束' }).waitFor();
    expect(await page.getByText('节水爱水 你我同行 宣传日').count()).toBe(0);
    await screenshotWhole(page, 'events-tab-past');

    await clinic.click();
    await page.getByText('服务居民').waitFor();
    await page.locator('.lt-event-fact').filter({ hasText: '服务居民' }).getByText('150人').waitFor();
    await page.getByText('活动已结束').waitFor();
  });
});

describe('in 长辈模式 at 375 wide', () => {
  it('the 活动 tab, an event, its inline confirmation and 我的活动 have no text under 18px, body text of 22px, and no target under 60×60', async () => {
    // The standard look first, for comparison.
    const plain = await residentOn(TAB, 'resident');
    await plain.getByText('朝阳社区的活动').waitFor();
    await plain.getByText(CLINIC.title).first().waitFor();
    await screenshotWhole(plain, 'events-tab');
    await go(plain, detail(CLINIC.id));
    await plain.getByText('郑州市第十五人民医院').first().waitFor();
    await screenshotWhole(plain, 'events-detail');

    const page = await residentOn(TAB, 'resident2', true);
    await page.getByText('朝阳社区的活动').waitFor();
    await page.getByText(CLINIC.title).first().waitFor();
    await expectNoCareViolations(page);
    await screenshotWhole(page, 'events-tab-care');

    // The category filter narrows the list to 义诊 (in 长辈模式 behind the one 筛选 button).
    await page.getByText('免费理发 · 暖心助老').waitFor();
    await page.locator('.lt-events__filter-button:visible').click();
    await tap(page, /^义诊$/);
    await page.getByText('免费理发 · 暖心助老').waitFor({ state: 'detached' });
    await page.getByText(CLINIC.title).first().waitFor();

    await page.locator('.lt-event-card').filter({ hasText: CLINIC.title }).first().click();
    await page.getByText('郑州市第十五人民医院').first().waitFor();
    await expectNoCareViolations(page);
    await screenshotWhole(page, 'events-detail-care');

    // 报名 asks once more, in the page.
    await tap(page, '我要报名');
    await page.getByText('确定要报名吗？').waitFor();
    await expectNoCareViolations(page);
    await screenshotWhole(page, 'events-detail-confirm-care');
    await tap(page, '确定报名');
    await myStatus(page).filter({ hasText: '已报名' }).waitFor();
    await expectNoCareViolations(page);

    await tap(page, '打开签到二维码');
    await page.locator('.lt-code-qr__image').waitFor();
    await page.locator('.lt-my-event__checkin .lt-spelled-code__char').first().waitFor();
    await expectNoCareViolations(page);
    // The QR code is as wide as the screen allows, far larger than a thumbnail.
    const qr = await page.locator('.lt-code-qr__image').boundingBox();
    expect(qr?.width ?? 0).toBeGreaterThanOrEqual(250);
    await screenshotWhole(page, 'events-mine-care');

    const plainMine = await residentOn(MINE, 'resident2');
    await plainMine.locator('.lt-code-qr__image').waitFor();
    await screenshotWhole(plainMine, 'events-mine');
  });

  it('the staff check-in page stays large too', async () => {
    const page = await residentOn(STAFF, 'agent', true);
    await page.getByText('为居民签到').waitFor();
    await page.getByText('今天的活动').waitFor();
    await page.locator('.lt-state--loading').waitFor({ state: 'detached' });
    await expectNoCareViolations(page);
    await screenshotWhole(page, 'events-staff-checkin-care');
  });
});
