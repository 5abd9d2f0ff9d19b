import type { Page } from 'playwright-core';
import type { NoticeStatus, TemplateName } from '../types/notifications-model';
import { runOutboxOnce } from '../cloud/notifications/worker';
import { openidOf } from '../cloud/wechat/fake/login';
import { apiAs, type E2E, go, openMe, screenshot, seen, settled, signInAs, startE2E, tap } from './harness';

/**
 * The notification plan (docs/notifications.md) walked in the H5 preview: 我的 → 消息提醒,
 * the subscribe sheet at each tap of the plan (the preview's stand-in for WeChat's sheet,
 * switched on in 消息提醒), what the host's ledger and the fake WeChat hold afterwards, a
 * message that then arrives, and what staff see beside a registration, a booking and a
 * petition.
 */

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const run = Date.now().toString(36);
const RESIDENT = `notify-${run}`;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function notices(persona: string): Promise<Record<TemplateName, NoticeStatus>> {
  const list = await (await apiAs(e2e, persona)).call<NoticeStatus[]>('notifications.mine');
  return Object.fromEntries(list.map((n) => [n.template, n])) as Record<TemplateName, NoticeStatus>;
}

/** What the fake WeChat holds for a persona: template id → credits left. */
async function wechatGrants(persona: string): Promise<Record<string, number>> {
  const response = await fetch(`${e2e.linli.fakeWechat!.url}/__fake/subscriptions?openid=${encodeURIComponent(openidOf(persona))}`);
  const grants = (await response.json()) as Record<string, { credits: number }>;
  return Object.fromEntries(Object.entries(grants).map(([id, g]) => [id, g.credits]));
}

const idOf = (name: TemplateName) => e2e.linli.services.config.templates[name].id;

/** The stand-in sheet: checks it names these templates, photographs it, and answers. */
async function answerSheet(page: Page, titles: string[], allow: boolean, shot: string): Promise<void> {
  const sheet = page.locator('.taro-modal__content:visible');
  await sheet.waitFor();
  const text = await sheet.innerText();
  expect(text).toContain(titles.join('、'));
  await screenshot(page, shot);
  await sheet.locator(allow ? '.taro-model__confirm' : '.taro-model__cancel').click();
  await sheet.waitFor({ state: 'hidden' });
}

let page: Page;

describe('我的 → 消息提醒', () => {
  it('shows every notice off for a new resident, and offers the preview’s stand-in sheet', async () => {
    // A resident of 朝阳社区 (its agent on duty, its staff to thank).
    await (await apiAs(e2e, RESIDENT)).call('users.updateProfile', { homeCommunityId: 'chaoyang', nickname: '孙桂芳' });
    page = (await e2e.phone()).page;
    await signInAs(page, RESIDENT);
    const card = page.locator('[aria-label="消息提醒"]').filter({ visible: true });
    await card.waitFor();
    for (const title of ['报名结果', '活动提醒', '活动变更', '预约结果', '预约提醒', '办理进度', '审核结果']) {
      await card.locator('.lt-list__item').filter({ hasText: title }).filter({ hasText: '未开启' }).waitFor();
    }
    const toggle = card.locator('[role=switch]');
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'notifications-me-off');
  });
});

describe('the subscribe sheet at each tap of the plan', () => {
  let eventId: string;
  let eventTitle: string;

  it('event sign-up asks for 报名结果、活动提醒、活动变更; 允许 gives one credit each, and the confirmation then arrives', async () => {
    const admin = await apiAs(e2e, 'admin');
    eventTitle = `半小时后开始的防诈骗讲座${run}`;
    const startsAt = new Date(Date.now() + 30 * MINUTE);
    const created = await admin.call<{ id: string }>('events.create', {
      title: eventTitle,
      category: '讲座',
      scopeId: 'chaoyang',
      organizer: '朝阳社区党委',
      partners: [],
      venue: '朝阳社区党群服务中心',
      description: '讲讲电话诈骗的新花样。',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
      capacity: 30,
    });
    await admin.call('events.publish', { id: created.id });
    eventId = created.id;

    await go(page, `/packages/events/detail/index?id=${encodeURIComponent(eventId)}`);
    await seen(page, eventTitle).waitFor();
    await tap(page, '我要报名');
    await answerSheet(page, ['报名结果', '活动提醒', '活动变更'], true, 'notifications-sheet-event');
    await seen(page, '报名成功！').waitFor();

    const ledger = await notices(RESIDENT);
    expect([ledger.eventResult.credits, ledger.eventReminder.credits, ledger.eventChange.credits]).toEqual([1, 1, 1]);
    // WeChat (the fake) saw the same tap.
    const grants = await wechatGrants(RESIDENT);
    expect([grants[idOf('eventResult')], grants[idOf('eventReminder')], grants[idOf('eventChange')]]).toEqual([1, 1, 1]);

    // The outbox spends the 报名结果 credit on the confirmation, and WeChat takes it.
    await runOutboxOnce(e2e.linli.services);
    const sent = await (await fetch(`${e2e.linli.fakeWechat!.url}/__fake/messages`)).json();
    expect((sent as Array<{ touser: string; template_id: string }>).filter((m) => m.touser === openidOf(RESIDENT))).toEqual([
      expect.objectContaining({ template_id: idOf('eventResult') }),
    ]);
    expect((await notices(RESIDENT)).eventResult).toMatchObject({ credits: 0, on: false });
  });

  it('staff see at the door who cannot be told by WeChat: a neighbour who signed up without the sheet', async () => {
    const neighbour = await apiAs(e2e, `notify-nb-${run}`);
    await neighbour.call('users.updateProfile', { nickname: '周大爷' });
    await neighbour.call('events.register', { eventId });
    const { nickname: neighbourName } = await neighbour.call<{ nickname: string }>('users.me');
    const { nickname: residentName } = await (await apiAs(e2e, RESIDENT)).call<{ nickname: string }>('users.me');

    const staff = (await e2e.phone()).page;
    await signInAs(staff, 'grid');
    await staff.getByText('活动签到').click();
    await staff.waitForFunction(() => window.location.hash.includes('events-checkin'));
    await staff.locator('.lt-staff-event').filter({ hasText: eventTitle }).locator('.nut-button').filter({ hasText: '查看报名名单' }).click();
    const row = (name: string) => staff.locator('.lt-staff-registrant').filter({ hasText: name });
    await row(neighbourName).getByText('居民未订阅提醒，请电话联系').waitFor();
    await row(residentName).waitFor();
    // The resident who said 允许 still holds reminder credits: no phone call needed.
    expect(await row(residentName).getByText('居民未订阅提醒').count()).toBe(0);
    await settled(staff);
    await screenshot(staff, 'notifications-staff-registrants');
  });

  it('a booking asks for 预约结果、预约提醒, and the admin’s review list says the resident can be told', async () => {
    await go(page, '/pages/services/index');
    await page.locator('.lt-svc-row').filter({ hasText: '党员活动室' }).first().click();
    const free = page.locator('.lt-slot-grid__cell:visible').filter({ hasText: '可预约' }).first();
    await free.waitFor();
    await free.click();
    await page.locator('.lt-field input:visible').first().fill('支部学习');
    await page.locator('.nut-button:visible').filter({ hasText: '提交预约，等待审核' }).first().click();
    await answerSheet(page, ['预约结果', '预约提醒'], true, 'notifications-sheet-booking');
    await seen(page, '已提交，等待社区审核').waitFor();

    const ledger = await notices(RESIDENT);
    expect([ledger.bookingResult.credits, ledger.bookingReminder.credits]).toEqual([1, 1]);
    const pending = await (await apiAs(e2e, 'admin')).call<Array<{ purpose: string; notifiable: boolean | null }>>('bookings.pending', {});
    expect(pending.find((b) => b.purpose === '支部学习')?.notifiable).toBe(true);
  });

  it('a petition asks for 办理进度, and its agent sees 可发送微信提醒 on it', async () => {
    const title = `楼道灯坏了${run.slice(-4)}`;
    await go(page, '/packages/petitions/submit/index?kind=request');
    await seen(page, '身边的难事，说给社区听').waitFor();
    await tap(page, '道路设施');
    await page.locator('input[placeholder="例如：安置区北门外没有直通路"]:visible').fill(title);
    await page.locator('textarea[placeholder="至少10个字，把情况写清楚，代办员办起来更快"]:visible').fill('三单元二楼到五楼的灯都不亮，晚上老人上下楼看不见。');
    await page.locator('input[placeholder="11位手机号"]:visible').fill('13912340000');
    await tap(page, /^提交$/);
    await answerSheet(page, ['办理进度'], true, 'notifications-sheet-petition');
    await page.waitForFunction(() => window.location.hash.includes('petitions/detail'));
    await seen(page, title).waitFor();
    expect((await notices(RESIDENT)).progress.credits).toBe(1);

    const agent = (await e2e.phone()).page;
    await signInAs(agent, 'agent');
    await openMe(agent);
    await tap(agent, '诉求待办');
    await agent.getByText(title).filter({ visible: true }).first().click();
    await seen(agent, '可发送微信提醒').waitFor();
    await settled(agent);
    await screenshot(agent, 'notifications-staff-petition');
  });

  it('a nomination asks for 审核结果 (拒绝 leaves it off), and a thank-you asks again (允许 turns it on)', async () => {
    await go(page, '/packages/honors/nominate/index');
    await page.locator('#lt-form-field-nomineeName input').fill('张秀英');
    await page.locator('.lt-form-choice').filter({ hasText: '最美志愿者' }).click();
    await page.locator('textarea:visible').first().fill('每天早上义务打扫楼道，十年如一日。');
    await tap(page, '提交推荐');
    await answerSheet(page, ['审核结果'], false, 'notifications-sheet-nomination');
    await seen(page, '推荐已提交').waitFor();
    expect((await notices(RESIDENT)).reviewResult).toMatchObject({ credits: 0, on: false });

    await go(page, '/packages/honors/thanks/index');
    await tap(page, '写感谢');
    await page.locator('.lt-form-choice:visible').filter({ hasText: '刘建国' }).click();
    await page.locator('textarea:visible').first().fill(`刘师傅帮我们修好了楼道的灯，谢谢！${run}`);
    await tap(page, '提交感谢');
    await answerSheet(page, ['审核结果'], true, 'notifications-sheet-thanks');
    await seen(page, '感谢已提交（待审核）').waitFor();
    expect((await notices(RESIDENT)).reviewResult).toMatchObject({ credits: 1, on: true });
  });

  it('我的 → 消息提醒 now says which are on and how many messages are left', async () => {
    await openMe(page);
    const card = page.locator('[aria-label="消息提醒"]').filter({ visible: true });
    const line = (title: string) => card.locator('.lt-list__item').filter({ hasText: title });
    await line('活动提醒').getByText('已开启，还能收到1条').waitFor();
    await line('报名结果').getByText('未开启').waitFor();
    for (const title of ['活动变更', '预约结果', '预约提醒', '办理进度', '审核结果']) await line(title).getByText('已开启，还能收到1条').waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'notifications-me-on');
  });
});
