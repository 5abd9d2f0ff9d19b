import type { Page } from 'playwright-core';
import { apiAs, careModeViolations, go, screenshot, signInAs, startE2E, tap, type E2E } from './harness';

const WORKBENCH = '/packages/staff/workbench/index';
const REACH = '/packages/staff/reach/index';
const VISITS = '/packages/staff/visits/index';
const VISIT_NEW = '/packages/staff/visit-new/index';
const REPORT = '/packages/staff/report/index';
const FEEDBACK = '/packages/staff/feedback/index';
const share = (id: string) => `/packages/staff/share/index?kind=event&id=${id}`;
const household = (id: string) => `/packages/staff/household/index?id=${id}`;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 120_000);
afterAll(() => e2e?.stop());

/** After navigateTo the new page slides in; measure and photograph it once it stands alone. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => [...document.querySelectorAll('.taro_page')].filter((el) => getComputedStyle(el).display !== 'none').length === 1,
  );
}

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  const height = await page.evaluate(() =>
    Math.max(...[...document.querySelectorAll('.taro_page')].filter((el) => getComputedStyle(el).display !== 'none').map((el) => el.scrollHeight)),
  );
  await page.setViewportSize({ width: 375, height: Math.min(Math.max(height, 812), 4000) });
  await screenshot(page, name);
  await page.setViewportSize({ width: 375, height: 812 });
}

/** The text box with this placeholder (Taro's H5 input wraps the real one). */
const field = (page: Page, placeholder: string) =>
  page.locator(`input[placeholder="${placeholder}"]:visible, textarea[placeholder="${placeholder}"]:visible`).first();

let nonce = 0;
/** A resident opens the grid worker's card from a WeChat group, as the mini-program would (fresh code + the fake's encrypted group data). */
async function openFromGroup(persona: string, sharer: string, eventId: string, opengid: string): Promise<void> {
  const resident = await apiAs(e2e, persona);
  const fake = e2e.linli.fakeWechat!.url;
  const data = (await (
    await fetch(`${fake}/__fake/group-enter`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona, opengid, appid: e2e.linli.services.config.wechatAppId }),
    })
  ).json()) as { encryptedData: string; iv: string };
  await resident.call('shares.enterGroup', { targetKind: 'event', targetId: eventId, sharer, code: `dev:${persona}#${nonce++}`, ...data });
  await resident.call('events.register', { eventId, sharer });
}

describe('a grid worker’s day on the workbench', () => {
  it('lands on the workbench after signing in, with the tools grouped; a resident sees no tools', async () => {
    const { page } = await e2e.phone();
    await signInAs(page, 'grid');
    expect(page.url()).toContain('staff/workbench');
    for (const text of ['走访与上报', '走访登记', '随手拍', '活动签到', '我的传播', '投诉建议']) await page.getByText(text).first().waitFor();
    await page.getByText('朝阳社区第一网格、朝阳社区第二网格').waitFor();
    expect(await page.getByText('排名').count()).toBe(0);
    await shot(page, 'grid-workbench');

    const resident = (await e2e.phone()).page;
    await signInAs(resident, 'resident');
    await go(resident, WORKBENCH);
    await resident.getByText('这是社区工作人员的工作台').waitFor();
    expect(await resident.getByText('走访登记').count()).toBe(0);
  });

  it('shares an event and later sees which group it reached and how many signed up from it', async () => {
    const grid = await apiAs(e2e, 'grid');
    const { page } = await e2e.phone();
    await signInAs(page, 'grid');
    await go(page, share('demo-event-clinic'));
    await page.getByText('群里看到的卡片').waitFor();
    // The card image is the host's 5:4 PNG.
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img[aria-label="分享卡片预览"], [aria-label="分享卡片预览"] img');
      return Boolean(img && img.naturalWidth === 500 && img.naturalHeight === 400);
    });
    await page.getByText(/已报名 \d+\/150 人/).waitFor();
    await tap(page, '生成海报');
    await page.getByText('长按海报可以保存').waitFor();
    await shot(page, 'grid-share');

    // Two neighbours open it from a new group chat and sign up.
    await openFromGroup('e2e-neighbour-a', grid.userId, 'demo-event-clinic', 'e2e-gid-5hao');
    await openFromGroup('e2e-neighbour-b', grid.userId, 'demo-event-clinic', 'e2e-gid-5hao');

    await go(page, REACH);
    await page.getByText('爱心义诊进社区').waitFor();
    // The demo's labelled groups, and the new one without a label yet.
    await page.getByText('3号楼群').first().waitFor();
    await page.getByText('未备注的群').first().waitFor();
    await page.getByText('2 人打开 · 2 位新居民登录 · 2 人报名').waitFor();
    await page.locator('.lt-grid-link').filter({ hasText: '起备注' }).first().click();
    await field(page, '例如：3号楼群').fill('5号楼群');
    await tap(page, '保存备注');
    await page.getByText('5号楼群').waitFor();
    expect(await page.getByText('未备注的群').count()).toBe(0);
    await shot(page, 'grid-reach');
  });

  it('logs a visit and turns it into a petition the agent on duty receives', async () => {
    const { page } = await e2e.phone();
    await signInAs(page, 'grid');
    await go(page, VISITS);
    await page.getByText('老人腿脚不便').waitFor();
    await tap(page, '登记一次走访');
    await field(page, '输入楼号查找').fill('3号楼');
    await page.getByText('朝阳小区3号楼1单元1**室').click();
    await page.getByText('换一户').waitFor();
    await field(page, '例如：楼道灯坏了，老人晚上上下楼不方便').fill('家里水管老化漏水，楼下邻居天花板也湿了');
    await page.getByRole('switch', { name: '需要社区跟进' }).click();
    await tap(page, '保存走访');
    await page.waitForFunction(() => window.location.hash.includes('staff/visits/index'));
    await page.getByText('家里水管老化漏水').waitFor();
    const card = page.locator('.lt-card').filter({ hasText: '家里水管老化漏水' });
    await card.locator('.nut-button').filter({ hasText: '转为诉求' }).click();
    // 其他 is chosen unless the worker picks another category.
    await card.getByText('✓ 其他').waitFor();
    await card.locator('.nut-button').filter({ hasText: '确认转为诉求' }).click();
    await page.locator('.lt-card').filter({ hasText: '家里水管老化漏水' }).getByText('已转为诉求').waitFor();
    await shot(page, 'grid-visits');

    const agent = await apiAs(e2e, 'agent');
    const inbox = await agent.call<Array<{ title: string; submitterName: string | null }>>('petitions.inbox', { status: 'open' });
    expect(inbox.find((p) => p.title.includes('家里水管老化漏水'))).toBeTruthy();
  });
});

describe('in 长辈模式 at 375 wide, every workbench page', () => {
  let householdId = '';
  beforeAll(async () => {
    const grid = await apiAs(e2e, 'grid');
    householdId = (await grid.call<Array<{ id: string }>>('grid.households', { gridId: 'chaoyang-g1' }))[0]!.id;
  });

  const pages: Array<{ name: string; route: () => string; ready: string }> = [
    { name: 'workbench', route: () => WORKBENCH, ready: '走访与上报' },
    { name: 'reach', route: () => REACH, ready: '分享一个活动到群里' },
    { name: 'share', route: () => share('demo-event-law'), ready: '群里看到的卡片' },
    { name: 'visits', route: () => VISITS, ready: '登记一次走访' },
    { name: 'visit-new', route: () => VISIT_NEW, ready: '名单里没有，填一户' },
    { name: 'household', route: () => household(householdId), ready: '本次查看已记录' },
    { name: 'report', route: () => REPORT, ready: '具体情况' },
    { name: 'feedback', route: () => FEEDBACK, ready: '提建议' },
  ];
  it.each(pages)('$name: body ≥ 22px, nothing under 18px, every target ≥ 60×60', async ({ name, route, ready }) => {
    const { page } = await e2e.phone({ careMode: true });
    await signInAs(page, 'grid');
    await go(page, route());
    await page.getByText(ready).first().waitFor();
    await settled(page);
    const result = await careModeViolations(page);
    await shot(page, `grid-${name}-care`);
    expect(result.smallText).toEqual([]);
    expect(result.smallTargets).toEqual([]);
    expect(result.bodySize).toBeGreaterThanOrEqual(22);
  });
});
