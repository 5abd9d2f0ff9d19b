import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import AV from 'leancloud-storage';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { Slot } from '../types/bookings';
import { ERRORS } from '../types/errors';
import type { PetitionDetail } from '../types/petitions';
import { shanghaiDay } from '../types/time';
import { apiAs, go, SCREENSHOTS, signInAs, startE2E, type E2E, consoleAs } from './harness';

/**
 * The admin console (cloud/console, built with `npm run build:console`) against the host
 * with the demo data, in Chromium at 1280×800: what a 朝阳社区 admin does in a working day,
 * and what the district admin then sees of it.
 */

const PASSWORD = 'Linli2026dev';
const ARTICLE = `停水通知：三号楼周四检修 ${Date.now() % 100000}`;
const CHAOYANG_PETITION = '三号楼楼道堆放杂物';
const KANGLE_PETITION = '康乐小区路灯不亮';
const request = (title: string) => ({
  kind: 'request',
  category: '环境卫生',
  title,
  description: '楼道堆满了纸箱和旧家具，老人上下楼容易绊倒，希望尽快清理。',
  contactPhone: '13900001111',
});

/** apiAs hands back the wire format, where a date is the SDK's {"__type":"Date","iso":…}. */
const wireDate = (v: unknown): Date => new Date(typeof v === 'object' && v !== null && 'iso' in v ? (v as { iso: string }).iso : (v as string));

let e2e: E2E;
let consoleUrl: string;

beforeAll(async () => {
  e2e = await startE2E();
  if (!e2e.linli.servesConsole) throw new Error('The console build is missing in cloud/console/dist: run `npm run build:console` first.');
  consoleUrl = `${e2e.url}/console/`;
});
afterAll(() => e2e?.stop());

/** A 1280×800 browser signed into the console with a demo account, on the dashboard. */
async function signInConsole(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await consoleAs(e2e, username, { width: 1280, height: 800, acceptDownloads: true });
  await pageTitle(page, '数据看板').waitFor();
  return { context, page };
}

/** The title of the page shown (ProLayout's page header). */
function pageTitle(page: Page, title: string): Locator {
  return page.locator('.ant-page-header-heading-title').getByText(title, { exact: true });
}

/** Opens a page from the side menu and waits for its title. */
async function open(page: Page, item: string, title = item): Promise<void> {
  await page.locator('.ant-pro-sider').getByText(item, { exact: true }).click();
  await pageTitle(page, title).waitFor();
}

/** The table row holding this text (the scrolling body, not the fixed action column's copy). */
function row(page: Page | Locator, text: string): Locator {
  return page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: text }).first();
}

/** The form field labelled so (antd puts the label text in its title). */
function field(scope: Page | Locator, label: string): Locator {
  return scope.locator(`.ant-form-item:has(label[title="${label}"])`);
}

/** Chooses an option of the select labelled so. */
async function pick(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await field(scope, label).locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

async function toast(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-message').getByText(text).first().waitFor();
}

/** The viewport as the admin sees it (1280×800), after spinners are gone. */
async function shot(page: Page, name: string): Promise<void> {
  await page.locator('.ant-spin-spinning, .ant-skeleton').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  // Drawers slide in for 0.3 s and notes fade after 3 s; the picture is of the page at rest.
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `console-${name}.png`) });
}

describe('signing in', () => {
  it('refuses a wrong password next to the password field, in Chinese', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(consoleUrl);
    await page.getByPlaceholder('账号').fill('chaoyang-admin');
    await page.getByPlaceholder('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.locator('.ant-form-item:has(#password) .ant-form-item-explain-error').getByText('用户名或密码不正确').waitFor();
    await shot(page, 'login');
    await context.close();
  });
});

describe('the 朝阳社区 admin in the console', () => {
  let page: Page;
  let chaoyangPetition: PetitionDetail;
  let kanglePetition: PetitionDetail;
  let bookingStart: Date;

  beforeAll(async () => {
    const [wang, sun] = await Promise.all([apiAs(e2e, 'resident'), apiAs(e2e, 'resident3')]);
    // 王秀兰 lives in 朝阳社区, 孙桂芳 in 康乐社区: each petition goes to its own community.
    chaoyangPetition = await wang.call<PetitionDetail>('petitions.submit', request(CHAOYANG_PETITION));
    kanglePetition = await sun.call<PetitionDetail>('petitions.submit', { ...request(KANGLE_PETITION), category: '道路设施' });
    // 党员活动室 needs the community's approval: the first bookable slot in the next days.
    for (let d = 1; d <= 14 && !bookingStart; d++) {
      const day = shanghaiDay(new Date(Date.now() + d * 86_400_000));
      const { slots } = await wang.call<{ slots: Slot[] }>('bookings.availability', { resourceId: 'cy-party', date: day });
      const free = slots.find((s) => s.bookable);
      if (free) bookingStart = wireDate(free.start);
    }
    await wang.call('bookings.create', { resourceId: 'cy-party', start: bookingStart, purpose: '第三党支部组织生活会', partySize: 12 });
    await wang.call('honors.nominate', { nomineeName: '李大爷', category: '好丈夫', reason: '老伴卧床八年，李大爷每天端水喂饭、按摩翻身，从无怨言。' });
    await wang.call('thanks.post', { targetKind: 'unit', targetName: '朝阳社区卫生服务站', text: '义诊时医生耐心给我量血压、讲用药，谢谢你们！' });
    ({ page } = await signInConsole('chaoyang-admin'));
  });
  // A step that failed with a drawer or dialog open would otherwise fail every later step too.
  afterEach(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('signs in to a console of 朝阳社区 only, with the queues counted in the menu', async () => {
    await page.getByText('朝阳社区管理员（朝阳社区）').waitFor();
    const menu = page.locator('.ant-pro-sider');
    // Queue counts from admin.queueCounts: the new petition and the booking awaiting approval.
    await menu.locator('a', { hasText: '诉求' }).locator('.ant-badge-count').getByText('1').waitFor();
    await menu.locator('a', { hasText: '待审核预约' }).locator('.ant-badge-count').getByText('1').waitFor();
    // The district admins' pages are not offered (and the host refuses them anyway).
    expect(await menu.getByText('审计日志').count()).toBe(0);
    expect(await menu.getByText('接口目录').count()).toBe(0);
    await shot(page, 'dashboard');
  });

  it('writes an announcement, schedules it 15 seconds ahead, and residents see it in the H5 preview only once its time has come', async () => {
    await open(page, '资讯');
    await page.getByRole('button', { name: '新建资讯' }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByLabel('标题', { exact: true }).fill(ARTICLE);
    await pick(page, drawer, '类别', '通知公告');
    // A title too short and an empty body are refused next to their fields before any request.
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.getByText('请填写正文').waitFor();
    await drawer.locator('.lc-editor__content .ProseMirror').click();
    await page.keyboard.type('因供水管道检修，三号楼周四 9:00—15:00 停水，请提前储水。');
    await drawer.getByRole('button', { name: '加粗' }).click();
    await page.keyboard.type(' 给您带来不便，敬请谅解。');
    await shot(page, 'article-form');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await toast(page, '已存为草稿');

    const draft = row(page, ARTICLE);
    await draft.getByText('草稿').waitFor();
    await draft.getByText('定时', { exact: true }).click();
    const at = new Date(Date.now() + 15_000);
    const modal = page.locator('.ant-modal').filter({ hasText: '定时发布：' });
    await modal.getByLabel('发布时间').click();
    await modal.getByLabel('发布时间').fill(shanghai(at));
    await page.keyboard.press('Enter');
    await modal.getByRole('button', { name: '定时发布' }).click();
    await toast(page, /^将于 .* 发布$/);
    await row(page, ARTICLE).getByText('定时发布', { exact: true }).first().waitFor();
    await shot(page, 'articles');

    // A resident on the H5 preview: the list has the district's news but not this one yet.
    const { page: phone } = await e2e.phone();
    await signInAs(phone, 'resident');
    await go(phone, '/packages/articles/list/index');
    await phone.locator('.lt-articles__list .lt-article-row').first().waitFor();
    expect(await phone.getByText(ARTICLE).count()).toBe(0);

    // Once its time has come, the same list shows it.
    await phone.waitForTimeout(Math.max(0, at.getTime() - Date.now() + 1000));
    await go(phone, '/pages/home/index');
    await go(phone, '/packages/articles/list/index');
    await phone.getByText(ARTICLE).first().waitFor({ timeout: 20_000 });
    await page.locator('.ant-pro-table').getByRole('button', { name: 'reload' }).click().catch(() => undefined);
    await page.reload();
    await row(page, ARTICLE).getByText('已发布').waitFor();
  });

  it('grants 赵德明 the 代办员 role and assigns him the petition that went to 陈静 on duty', async () => {
    await apiAs(e2e, 'resident2'); // 赵德明 signs in once, so the console can find him
    await open(page, '工作人员与角色');
    await page.getByRole('button', { name: '授予角色' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '授予角色' });
    // Found by name (users.search), as an admin who knows only that would.
    await modal.locator('input#form-roles-grant_userId, [aria-label="查找人员"] input').first().fill('赵德明');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '赵德明' }).first().click();
    await modal.getByRole('button', { name: /授\s*予/ }).click();
    await toast(page, '已授予');
    await row(page, '赵德明').getByText('代办员').waitFor();
    await shot(page, 'staff');

    await open(page, '诉求');
    const petition = row(page, CHAOYANG_PETITION);
    await petition.getByText('陈静').waitFor();
    await shot(page, 'petitions');
    await petition.getByText('分派', { exact: true }).click();
    const assign = page.locator('.ant-modal').filter({ hasText: `分派：${CHAOYANG_PETITION}` });
    await pick(page, assign, '代办员', '赵德明');
    await assign.getByRole('button', { name: /分\s*派/ }).click();
    await toast(page, '已分派');
    await row(page, CHAOYANG_PETITION).getByText('赵德明').waitFor();

    // Its timeline says who assigned it to whom.
    await row(page, CHAOYANG_PETITION).getByText('详情').click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('分派给赵德明').waitFor();
    await shot(page, 'petition-detail');
    await drawer.locator('.ant-drawer-close').click();
  });

  it("cannot see 康乐社区's petitions in the console, nor fetch one through the API", async () => {
    await page.getByRole('tab', { name: '全部' }).click();
    await row(page, CHAOYANG_PETITION).waitFor();
    expect(await page.getByText(KANGLE_PETITION).count()).toBe(0);

    // The same account through the SDK, as any client would call the host.
    AV.init({ appId: e2e.linli.services.config.appId, appKey: e2e.linli.services.config.appKey, serverURL: e2e.url });
    const admin = await AV.User.logIn('chaoyang-admin', PASSWORD);
    const sessionToken = admin.getSessionToken();
    await AV.User.logOut();
    const refusal = await AV.Cloud.run('petitions.get', { id: kanglePetition.id }, { sessionToken }).then(
      () => null,
      (error: { code: number }) => error.code,
    );
    expect(refusal).toBe(ERRORS.NOT_FOUND.code);
    const inbox = (await AV.Cloud.run('petitions.inbox', { status: 'all' }, { sessionToken })) as Array<{ id: string }>;
    expect(inbox.map((p) => p.id)).toContain(chaoyangPetition.id);
    expect(inbox.map((p) => p.id)).not.toContain(kanglePetition.id);
  });

  it('approves the booking of 党员活动室, and the resident finds it approved', async () => {
    await open(page, '待审核预约');
    const booking = row(page, '王秀兰');
    await booking.getByText('党员活动室').waitFor();
    await shot(page, 'bookings');
    await booking.getByText('通过', { exact: true }).click();
    await toast(page, '已通过');
    await row(page, '王秀兰').waitFor({ state: 'detached' });
    const wang = await apiAs(e2e, 'resident');
    const { bookings } = await wang.call<{ bookings: Array<{ resourceName: string; statusText: string }> }>('bookings.mine', { when: 'upcoming' });
    expect(bookings.find((b) => b.resourceName === '党员活动室')?.statusText).toBe('已预约');
  });

  it('exports the petitions report as Excel, with its own community’s rows only', async () => {
    await open(page, '数据看板');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出诉求办理明细' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^诉求办理明细_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = path.join(SCREENSHOTS, '..', 'console-petitions.xlsx');
    await download.saveAs(file);
    await toast(page, /^已导出 .*（1行）$/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    // Each row as {header: value}; ExcelJS leaves empty cells out of its arrays.
    const values = sheet.getSheetValues().filter(Boolean).map((r) => Array.from((r as unknown[]).slice(1), (v) => (v ?? '') as string));
    const [headers, ...records] = values;
    expect(headers).toEqual(['提交时间', '类型', '类别', '标题', '状态', '承办人', '受理时间', '按时受理', '办结时间', '评价']);
    const rows = records.map((r) => Object.fromEntries(headers!.map((h, i) => [h, r[i] ?? ''])));
    // 孙桂芳's 康乐社区 petition is not in 朝阳社区's report.
    expect(rows).toEqual([expect.objectContaining({ 类型: '我要反映', 类别: '环境卫生', 标题: CHAOYANG_PETITION, 状态: '已提交', 承办人: '赵德明', 受理时间: '' })]);
    fs.rmSync(file);
  });

  it('starts a 光荣榜, takes a nomination into it, and puts a thank-you on the wall', async () => {
    await open(page, '光荣榜');
    await page.getByRole('button', { name: '新建榜单' }).click();
    const form = page.locator('.ant-modal').filter({ hasText: '新建榜单' });
    await form.getByLabel('标题', { exact: true }).fill('朝阳社区好人榜');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await toast(page, '已保存');
    await row(page, '朝阳社区好人榜').getByText('未发布').waitFor();
    await shot(page, 'honors');

    await open(page, '推荐');
    const nomination = row(page, '李大爷');
    await nomination.getByText('好丈夫').waitFor();
    await shot(page, 'nominations');
    await nomination.getByText('入选', { exact: true }).click();
    const review = page.locator('.ant-modal').filter({ hasText: '入选：李大爷' });
    await pick(page, review, '加入榜单', '朝阳社区好人榜');
    await review.getByRole('button', { name: /确\s*定/ }).click();
    await toast(page, '已入选');
    await row(page, '李大爷').waitFor({ state: 'detached' });

    // The nominee is now an entry of the list, the reason the first draft of the story.
    await open(page, '光荣榜');
    await row(page, '朝阳社区好人榜').getByText('人物', { exact: true }).click();
    const entries = page.locator('.ant-drawer-open');
    await row(entries, '李大爷').getByText('端水喂饭').waitFor();
    await entries.locator('.ant-drawer-close').click();

    await open(page, '感谢墙');
    const thanks = row(page, '朝阳社区卫生服务站');
    await thanks.getByText('王秀兰').waitFor();
    await shot(page, 'thanks');
    await thanks.getByText('通过', { exact: true }).click();
    await toast(page, '已上墙');
    await row(page, '朝阳社区卫生服务站').waitFor({ state: 'detached' });
  });

  it('shows the other pages of its work at 1280×800', async () => {
    for (const [item, name] of [
      ['活动', 'events'],
      ['功能室与大厅事项', 'resources'],
    ] as const) {
      await open(page, item);
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      await shot(page, name);
    }
    await page.goto(`${consoleUrl}#/password`);
    await pageTitle(page, '修改密码').waitFor();
    await shot(page, 'password');
  });
});

describe('the district admin in the console', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await signInConsole('district-admin'));
  });

  it('sees both communities on the dashboard', async () => {
    const table = page.locator('.ant-pro-table').filter({ hasText: '各社区' });
    await row(table, '朝阳社区').waitFor();
    await row(table, '康乐社区').waitFor();
    // One petition each this month.
    expect(await row(table, '朝阳社区').locator('td').nth(5).innerText()).toBe('1');
    expect(await row(table, '康乐社区').locator('td').nth(5).innerText()).toBe('1');
    await table.scrollIntoViewIfNeeded();
    await shot(page, 'dashboard-district');
  });

  it("finds every one of the 朝阳社区 admin's actions in the audit log", async () => {
    await open(page, '审计日志');
    // The log reads in words: each action by its catalog summary, not its function name.
    const { functions } = (await (await fetch(`${e2e.url}/api/functions`)).json()) as { functions: Array<{ name: string; summary: string }> };
    const words = (name: string) => functions.find((f) => f.name === name)!.summary;
    for (const action of ['articles.create', 'articles.publish', 'roles.grant', 'petitions.assign', 'bookings.approve', 'reports.export']) {
      const entry = row(page, words(action));
      await entry.waitFor();
      await entry.getByText('朝阳社区管理员').waitFor();
      await entry.getByText('成功').waitFor();
    }
    await shot(page, 'audit');

    // An export names what went out (no 已删除的对象): the report and its days.
    await row(page, words('reports.export')).getByText(/^诉求办理明细 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}，\d+行$/).waitFor();
    expect(await row(page, words('reports.export')).getByText('已删除的对象').count()).toBe(0);

    // Filtered to exports, chosen by its words from the catalog's actions: only the one export.
    await page.getByLabel('做了什么', { exact: true }).fill('导出');
    const option = page.locator('.ant-select-item-option').filter({ hasText: words('reports.export') });
    await option.waitFor();
    await shot(page, 'audit-filter');
    await option.click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: words('articles.create') }).waitFor({ state: 'detached' });
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await shot(page, 'audit-exports');
  });

  it('reads the function catalog with schemas and access rules', async () => {
    await open(page, '接口目录');
    await page.getByLabel('函数', { exact: true }).fill('petitions.assign');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const entry = row(page, 'petitions.assign');
    await entry.getByText('社区管理员、区级管理员').waitFor();
    await entry.locator('.ant-table-row-expand-icon').click();
    await page.getByText('POST /1.1/functions/petitions.assign').waitFor();
    await shot(page, 'api');
  });
});

/** A moment as the picker's text, in Shanghai time (the browser's zone). */
function shanghai(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
}
