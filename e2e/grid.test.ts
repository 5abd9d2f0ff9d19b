import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { apiAs, careModeViolations, type E2E, field, go, phoneAs, screenshot, SCREENSHOTS, screenshotWhole, seriousViolations, settled, signInAs, startE2E, tap, consoleAs } from './harness';

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
  if (!e2e.linli.servesConsole) throw new Error('The console build is missing in cloud/console/dist: run `npm run build:console` first.');
}, 120_000);
afterAll(() => e2e?.stop());

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
    const { page } = await phoneAs(e2e, 'grid');
    expect(page.url()).toContain('staff/workbench');
    for (const text of ['走访与上报', '走访登记', '随手拍', '活动签到', '我的传播', '投诉建议']) await page.getByText(text).first().waitFor();
    await page.getByText('朝阳社区第一网格、朝阳社区第二网格').waitFor();
    expect(await page.getByText('排名').count()).toBe(0);
    await screenshotWhole(page, 'grid-workbench');

    const resident = (await e2e.phone()).page;
    await signInAs(resident, 'resident');
    await go(resident, WORKBENCH);
    await resident.getByText('这是社区工作人员的工作台').waitFor();
    expect(await resident.getByText('走访登记').count()).toBe(0);
  });

  it('shares an event and later sees which group it reached and how many signed up from it', async () => {
    const grid = await apiAs(e2e, 'grid');
    const { page } = await phoneAs(e2e, 'grid');
    await go(page, share('demo-event-clinic'));
    await page.getByText('群里看到的卡片').waitFor();
    // The card image is the host's 5:4 PNG.
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img[aria-label="分享卡片预览"], [aria-label="分享卡片预览"] img');
      return Boolean(img && img.naturalWidth === 500 && img.naturalHeight === 400);
    });
    await page.getByText(/成员正在加入，当前 \d+\/150 人/).waitFor();
    await tap(page, '生成海报');
    await page.getByText('长按海报可以保存').waitFor();
    await screenshotWhole(page, 'grid-share');

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
    await screenshotWhole(page, 'grid-reach');
  });

  it('a resident who opens a card whose event has ended or was cancelled reads so on the page (WeChat’s card can only say 已开始)', async () => {
    const grid = await apiAs(e2e, 'grid');
    const admin = await apiAs(e2e, 'admin');
    const start = new Date(Date.now() + 48 * 3600_000);
    const created = await admin.call<{ id: string }>('events.create', {
      title: '消防安全讲座',
      category: '讲座',
      scopeId: 'chaoyang',
      organizer: '朝阳社区党委',
      partners: [],
      venue: '朝阳社区党群服务中心 二楼会议室',
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * 3600_000),
      capacity: 60,
      cancelCutoffMinutes: 120,
    });
    await admin.call('events.publish', { id: created.id });
    await admin.call('events.cancel', { id: created.id, reason: '讲师临时有事，改期另行通知' });

    const { page } = await phoneAs(e2e, 'resident');
    await go(page, `/packages/events/detail/index?id=${created.id}&sharer=${grid.userId}`);
    await page.getByText('活动已取消：讲师临时有事，改期另行通知').waitFor();
    expect(await page.getByText('我要报名').count()).toBe(0);
    await screenshotWhole(page, 'grid-card-cancelled');

    await go(page, `/packages/events/detail/index?id=demo-event-huifeng-clinic&sharer=${grid.userId}`);
    await page.getByText('活动已结束').waitFor();
    expect(await page.getByText('我要报名').count()).toBe(0);
    await screenshotWhole(page, 'grid-card-ended');
  });

  it('logs a visit and turns it into a petition the agent on duty receives', async () => {
    const { page } = await phoneAs(e2e, 'grid');
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
    await screenshotWhole(page, 'grid-visits');

    const agent = await apiAs(e2e, 'agent');
    const inbox = await agent.call<Array<{ title: string; submitterName: string | null }>>('petitions.inbox', { status: 'open' });
    expect(inbox.find((p) => p.title.includes('家里水管老化漏水'))).toBeTruthy();
  });
});

/**
 * Every workbench page and the words that say it has loaded; 我的传播 and 分享卡片 are told
 * which event and which words (before or after this file's shares reached a group).
 */
function workbenchPages(householdId: () => string, reach: { ready: string; event: string }): Array<{ name: string; route: () => string; ready: string }> {
  return [
    { name: 'workbench', route: () => WORKBENCH, ready: '走访与上报' },
    { name: 'reach', route: () => REACH, ready: reach.ready },
    { name: 'share', route: () => share(reach.event), ready: '群里看到的卡片' },
    { name: 'visits', route: () => VISITS, ready: '登记一次走访' },
    { name: 'visit-new', route: () => VISIT_NEW, ready: '名单里没有，填一户' },
    { name: 'household', route: () => household(householdId()), ready: '本次查看已记录' },
    { name: 'report', route: () => REPORT, ready: '具体情况' },
    { name: 'feedback', route: () => FEEDBACK, ready: '提建议' },
  ];
}

let householdId = '';
beforeAll(async () => {
  const grid = await apiAs(e2e, 'grid');
  householdId = (await grid.call<Array<{ id: string }>>('grid.households', { gridId: 'chaoyang-g1' }))[0]!.id;
});

describe('in 长辈模式 at 375 wide, every workbench page', () => {
  const pages = workbenchPages(() => householdId, { ready: '分享一个活动到群里', event: 'demo-event-law' });
  it.each(pages)('$name: body ≥ 22px, nothing under 18px, every target ≥ 60×60', async ({ name, route, ready }) => {
    const { page } = await phoneAs(e2e, 'grid', { careMode: true });
    await go(page, route());
    await page.getByText(ready).first().waitFor();
    await settled(page);
    const result = await careModeViolations(page);
    await screenshotWhole(page, `grid-${name}-care`);
    expect(result.smallText).toEqual([]);
    expect(result.smallTargets).toEqual([]);
    expect(result.bodySize).toBeGreaterThanOrEqual(22);
  });
});

describe('axe-core on every workbench page, as the grid worker, in both modes', () => {
  const pages = workbenchPages(() => householdId, { ready: '3号楼群', event: 'demo-event-clinic' });
  for (const care of [false, true]) {
    describe(care ? 'in 长辈模式' : 'in the standard mode', () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        ({ context, page } = await phoneAs(e2e, 'grid', { careMode: care }));
      });
      afterAll(() => context.close());
      it.each(pages)('$name has no serious or critical violation', async ({ name, route, ready }) => {
        await go(page, route());
        await page.getByText(ready).first().waitFor();
        await settled(page);
        const found = await seriousViolations(page);
        if (found.length > 0) await screenshot(page, `axe-grid-${care ? 'care' : 'std'}-${name}`);
        expect(found).toEqual([]);
      });
    });
  }
});

describe('the console: 网格与住户 and 投诉建议', () => {
  async function openMenu(page: Page, item: string): Promise<void> {
    await page.locator('.ant-pro-sider').getByText(item, { exact: true }).click();
    await page.locator('.ant-page-header-heading-title').getByText(item, { exact: true }).waitFor();
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  }
  /** The viewport as the admin sees it, scrolled to `part` (a full-page capture breaks ProLayout's fixed header and menu). */
  async function consoleShot(page: Page, name: string, part?: string): Promise<void> {
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
    if (part) await page.locator('.ant-card').filter({ hasText: part }).last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SCREENSHOTS, `console-${name}.png`) });
  }
  async function workbook(rows: string[][]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('住户');
    ws.addRow(['网格', '地址', '户主', '电话', '备注']);
    for (const r of rows) ws.addRow(r);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-import-')), '住户名单.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    return file;
  }
  const statistic = (page: Page, title: string) =>
    page.locator('.ant-statistic').filter({ has: page.locator('.ant-statistic-title', { hasText: title }) }).locator('.ant-statistic-content-value');

  it('the community admin sees totals (never per person), the roster, and imports households after a dry run', async () => {
    const { context, page } = await consoleAs(e2e, 'chaoyang-admin');
    await openMenu(page, '网格与住户');
    await page.getByText('朝阳社区合计').waitFor();
    // The demo share reached two labelled groups.
    expect(Number(await statistic(page, '到达的群').innerText())).toBeGreaterThanOrEqual(2);
    expect(Number(await statistic(page, '走访').innerText())).toBeGreaterThanOrEqual(1);
    const roster = page.locator('.ant-card').filter({ hasText: '网格与网格员' });
    const firstGrid = roster.locator('.ant-table-row').filter({ hasText: '第一网格' });
    await firstGrid.waitFor();
    // Names of who serves a grid, and no figure about any of them: the roster's columns and
    // the totals are all there is.
    expect(await roster.locator('.ant-table-thead th').allInnerTexts()).toEqual(['网格', '住户', '网格员']);
    expect(await page.locator('.ant-statistic-title').allInnerTexts()).toEqual(['分享的卡片', '到达的群', '打开人数', '新登录居民', '通过分享报名', '走访', '需跟进', '随手拍']);
    expect(await seriousViolations(page)).toEqual([]);
    await consoleShot(page, 'grid');

    // A file with a mistake: the dry run says which row, and 正式导入 stays off.
    const households = () => firstGrid.locator('td').nth(1).innerText();
    const before = await households();
    await page.locator('input[type=file]').setInputFiles(
      await workbook([
        ['第一网格', '朝阳小区6号楼1单元101室', '马秀兰', '13900006001', '独居'],
        ['第九网格', '朝阳小区6号楼1单元102室', '马建军', '', ''],
      ]),
    );
    await page.getByRole('button', { name: '住户名单.xlsx' }).waitFor();
    await page.getByRole('button', { name: /试导入/ }).click();
    await page.getByText('共 2 行：可新增 1 户，更新 0 户，有问题 1 行').waitFor();
    await page.getByText('网格“第九网格”不在朝阳社区').waitFor();
    expect(await page.getByRole('button', { name: /正式导入/ }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await consoleShot(page, 'grid-import-errors', '导入住户名单');

    // Corrected: the dry run is clean, then the import writes both rows.
    await page.locator('input[type=file]').setInputFiles(
      await workbook([
        ['第一网格', '朝阳小区6号楼1单元101室', '马秀兰', '13900006001', '独居'],
        ['第一网格', '朝阳小区6号楼1单元102室', '马建军', '', ''],
      ]),
    );
    await page.getByRole('button', { name: /试导入/ }).click();
    await page.getByText('共 2 行：可新增 2 户，更新 0 户，有问题 0 行。确认无误后点“正式导入”。').waitFor();
    expect(await households()).toBe(before);
    await page.getByRole('button', { name: /正式导入/ }).click();
    await page.getByText('已导入 2 户（新增 2，更新 0）').waitFor();
    await page.waitForFunction(
      ([b]) => {
        const row = [...document.querySelectorAll('.ant-table-row')].find((r) => r.textContent?.includes('第一网格'));
        return row?.querySelectorAll('td')[1]?.textContent === String(Number(b) + 2);
      },
      [before],
    );
    await consoleShot(page, 'grid-imported', '导入住户名单');
    await context.close();
  });

  it('the district admin reads 投诉建议 sent from the workbench; a community admin has no such menu', async () => {
    const grid = await apiAs(e2e, 'grid');
    await grid.call('grid.feedback', { kind: '建议', body: '希望走访登记能选“上次走访”的住户，少翻几页' });
    const { context, page } = await consoleAs(e2e, 'district-admin');
    await openMenu(page, '投诉建议');
    await page.getByText('希望走访登记能选“上次走访”的住户，少翻几页').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await consoleShot(page, 'feedback');
    // The district admin's 网格与住户: community totals only, chosen by community.
    await openMenu(page, '网格与住户');
    await page.getByText(/社区合计/).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    const community = await consoleAs(e2e, 'chaoyang-admin');
    expect(await community.page.locator('.ant-pro-sider').getByText('投诉建议', { exact: true }).count()).toBe(0);
    await community.context.close();
  });
});
