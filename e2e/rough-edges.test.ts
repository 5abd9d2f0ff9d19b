import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { shanghaiDay } from '../types/time';
import { apiAs, type E2E, go, phoneAs, screenshot as rawScreenshot, SCREENSHOTS, startE2E, consoleAs } from './harness';

/** After Taro's H5 page slide-in has settled, so the picture is of the page at rest. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(700);
  await rawScreenshot(page, name);
}

/**
 * The rough edges of issue #16, as a resident, an elder in 长辈模式 and an admin at 1440 px
 * meet them; each step leaves a screenshot in test-results/screenshots.
 */
let e2e: E2E;
beforeAll(async () => {
  // With the demo's past, as a first `npm start` shows it.
  e2e = await startE2E({ demoHistory: true });
});
afterAll(() => e2e?.stop());

describe('a resident', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await phoneAs(e2e, 'resident'));
  });
  afterAll(() => context.close());

  it('shows their staff-invite code in 我的, as large characters and a QR code', async () => {
    await page.getByText('工作人员邀请码').first().click();
    await page.getByText('请把这个码给社区管理员').waitFor();
    const label = await page.locator('[aria-label^="邀请码 "]').first().getAttribute('aria-label');
    expect(label).toMatch(/^邀请码( [0-9A-Z]){8}$/);
    await screenshot(page, 'rough-invite-code');
  });

  it('meets a removed event with plain words and the way back, and a back bar in the preview', async () => {
    await go(page, '/packages/events/detail/index?id=no-such-event');
    await page.getByText('这个活动已经找不到了').waitFor();
    expect(await page.getByText('重试').count()).toBe(0);
    await page.locator('.lt-back-bar').first().waitFor();
    await screenshot(page, 'rough-dead-end-event');
    await page.locator('.nut-button').filter({ hasText: '看看我报名的活动' }).first().click();
    await page.waitForFunction(() => window.location.hash.includes('packages/events/mine'));
  });

  it('finds a booking page open on the first day with a free slot when today has none', async () => {
    const admin = await apiAs(e2e, 'admin');
    const today = shanghaiDay(new Date());
    await admin.call('bookings.closeDates', { resourceId: 'cy-chess', close: [{ date: today, reason: '场地维修' }] });
    await go(page, '/packages/bookings/resource/index?id=cy-chess&community=chaoyang');
    await page.getByText(/已为您打开最近还有空位的一天/).waitFor();
    expect(await page.locator('.lt-date-strip__day--current').first().textContent()).not.toContain('今天');
    await screenshot(page, 'rough-booking-first-free-day');
  });
});

describe('a resident filling in a form', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await phoneAs(e2e, 'resident2'));
  });
  afterAll(() => context.close());

  it('is told every missing field at once on an empty submit, and taken to the first', async () => {
    await go(page, '/packages/petitions/submit/index?kind=request');
    await page.locator('.nut-button').filter({ hasText: /^提交$/ }).first().click();
    const summary = page.getByText(/^有\d处需要修改/).first();
    await summary.waitFor();
    const count = Number(/^有(\d)处/.exec((await summary.textContent()) ?? '')![1]);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.lt-form-error').count()).toBeGreaterThanOrEqual(count);
    await screenshot(page, 'rough-form-errors-at-once');
    await summary.scrollIntoViewIfNeeded();
    await screenshot(page, 'rough-form-errors-summary');
  });
});

describe('an elder in 长辈模式', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await phoneAs(e2e, 'resident', { careMode: true }));
  });
  afterAll(() => context.close());

  it('sees the first event on the first screen, the filters behind one 筛选 button', async () => {
    await go(page, '/pages/events/index');
    const button = page.locator('.lt-events__filter-button:visible');
    await button.waitFor();
    expect(await page.locator('.lt-form-choices--chips .lt-form-choice:visible').count()).toBe(0);
    const first = page.locator('.lt-event-card:visible, [class*="lt-event-card"]:visible').first();
    await first.waitFor().catch(() => undefined);
    await screenshot(page, 'rough-care-events-folded');
    await button.click();
    expect(await page.locator('.lt-form-choices--chips .lt-form-choice:visible').count()).toBeGreaterThan(3);
    await screenshot(page, 'rough-care-events-filters-open');
  });

  it('finds a service by searching, in groups', async () => {
    await go(page, '/pages/services/index');
    await page.getByText('找服务').first().waitFor();
    await screenshot(page, 'rough-care-services-groups');
    await page.locator('.lt-svc-search__input input:visible').first().fill('老人');
    await page.getByText('高龄津贴申请').first().waitFor();
    expect(await page.getByText('书画室').count()).toBe(0);
    await screenshot(page, 'rough-care-services-search');
  });
});

describe('an admin at 1440 px', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await consoleAs(e2e, 'chaoyang-admin'));
  });
  afterAll(() => context.close());
  const shot = async (name: string) => {
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SCREENSHOTS, `rough-console-${name}.png`) });
  };

  it('finds a resident by name to make them a grid worker, the phone masked', async () => {
    await page.goto(`${e2e.url}/console/#/staff`);
    await page.getByRole('button', { name: /授予角色/ }).click();
    await page.locator('.ant-modal input#form-roles-grant_userId, .ant-modal [aria-label="查找人员"] input').first().fill('赵德明');
    await page.locator('.ant-select-dropdown:visible').getByText('赵德明').first().waitFor();
    await shot('staff-search');
    expect(fs.existsSync(path.join(SCREENSHOTS, 'rough-console-staff-search.png'))).toBe(true);
  });

  it('offers 撤销活动 and 删除草稿, never a bare 取消, in the events table', async () => {
    await page.goto(`${e2e.url}/console/#/events`);
    await page.locator('.ant-table-row').first().waitFor();
    const actions = await page.locator('.ant-table-cell-fix-right').allTextContents();
    expect(actions.join(' ')).not.toMatch(/(^|[^撤])取消(?!活动)/);
    // Nothing to scroll sideways at 1440 px, so the fixed 操作 column covers no data.
    const [scrollWidth, clientWidth] = await page.locator('.ant-table-content, .ant-table-body').first().evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await shot('events');
  });

  it('opens the dashboard on months of demo history, not an empty page', async () => {
    await page.goto(`${e2e.url}/console/#/dashboard`);
    await page.locator('.ant-pro-statistic-card').first().waitFor();
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
    // 朝阳社区's last 30 days, as the page opens: events held, bookings and petitions.
    const figure = async (title: string) =>
      Number(((await page.locator('.ant-pro-statistic-card').filter({ hasText: title }).first().locator('.ant-statistic-content').textContent()) ?? '').replace(/[^0-9.]/g, '') || 0);
    expect(await figure('举办活动')).toBeGreaterThan(0);
    expect(await figure('收到诉求')).toBeGreaterThan(0);
    expect(await page.getByText('暂无数据').count()).toBe(0);
    await shot('dashboard-history');
  });

  it('reads 已签到 with the time in an event\'s 报名名单', async () => {
    // A past event of the demo history where residents checked in at the door.
    type Listed = { id: string; title: string; requiresSignup: boolean };
    const admin = await apiAs(e2e, 'admin');
    const { items } = await admin.call<{ items: Listed[] }>('events.adminList', { state: 'closed', pageSize: 100 });
    let target: Listed | undefined;
    for (const event of items.filter((e) => e.requiresSignup)) {
      const { registrants } = await admin.call<{ registrants: Array<{ checkedInAt: string | null }> }>('events.registrants', { eventId: event.id });
      if (registrants.some((r) => r.checkedInAt)) {
        target = event;
        break;
      }
    }
    expect(target).toBeDefined();
    await page.goto(`${e2e.url}/console/#/events`);
    const row = page.locator('.ant-table-row').filter({ hasText: target!.title }).first();
    for (let turn = 0; turn < 10 && !(await row.isVisible()); turn++) {
      await page.locator('.ant-table-row').first().waitFor();
      if (await row.isVisible()) break;
      await page.locator('.ant-pagination-next:not(.ant-pagination-disabled)').first().click();
      await page.waitForTimeout(500);
    }
    await row.getByText('报名名单').click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText(/^已签到（.+）$/).first().waitFor();
    await shot('registrants-checked-in');
    await drawer.locator('.ant-drawer-close').click();
  });

  it('uploads an article cover like a photo: preview, 换一张, 移除封面图', async () => {
    await page.goto(`${e2e.url}/console/#/articles`);
    await page.getByRole('button', { name: '新建资讯' }).click();
    const drawer = page.locator('.ant-drawer-open');
    const coverItem = drawer.locator('.ant-form-item').filter({ hasText: '封面图' }).first();
    const photo = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#b3261e' } }).jpeg().toBuffer();
    await coverItem.locator('input[type=file]').setInputFiles({ name: '封面.jpg', mimeType: 'image/jpeg', buffer: photo });
    await coverItem.locator('img[alt="封面图"]').waitFor();
    await coverItem.getByRole('button', { name: '换一张' }).waitFor();
    await coverItem.getByRole('button', { name: /移除封面图/ }).waitFor();
    await coverItem.scrollIntoViewIfNeeded();
    await shot('article-cover');
    await drawer.locator('.ant-drawer-close').click();
  });
});

describe('npm start', () => {
  it('checks the port before building anything, and says how to choose another', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    const started = Date.now();
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: path.join(__dirname, '..'),
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    taken.close();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(run.stderr).toContain(`PORT=${port + 1} npm start`);
    expect(run.stdout).not.toContain('Building');
    // What the terminal showed, as a picture beside the others.
    const context = await e2e.browser.newContext({ viewport: { width: 900, height: 220 } });
    const page = await context.newPage();
    await page.setContent('<pre id="t" style="margin:0;padding:16px;font:15px/1.5 monospace;background:#1e1e1e;color:#e6e6e6;height:100vh"></pre>');
    await page.locator('#t').evaluate((el, text) => (el.textContent = text), `$ PORT=${port} npm start\n${run.stdout}${run.stderr}\n(${Date.now() - started} ms)`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'rough-start-port-busy.png') });
    await context.close();
  });

  it('draws a progress bar with the elapsed time for each build', async () => {
    // The bar start.mjs draws (scripts/build-progress.mjs), fed by a stand-in build that
    // prints the same `[linli-progress]` lines the real builds print with
    // LINLI_BUILD_PROGRESS=1 (config/build-progress.ts), so the test takes a second, not minutes.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-progress-'));
    const emitter = path.join(dir, 'build.mjs');
    fs.writeFileSync(
      emitter,
      `for (const [p, w] of [[0, 'starting'], [18, 'building modules 480/2604'], [47, 'building modules 1290/2604'], [73, 'sealing'], [91, 'emitting']]) {
         console.log('[linli-progress] ' + p + ' ' + w);
         await new Promise((r) => setTimeout(r, 120));
       }`,
    );
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { runWithProgress } from './scripts/build-progress.mjs';
         process.exit((await runWithProgress('H5 preview', process.execPath, [${JSON.stringify(emitter)}], ${JSON.stringify(path.join(dir, 'build.log'))})) ? 0 : 1);`,
      ],
      { cwd: path.join(__dirname, '..'), encoding: 'utf8', timeout: 30_000 },
    );
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ {2}H5 preview +\[-{24}\] +0% {2}0:00 {2}starting$/);
    expect(lines).toContainEqual(expect.stringMatching(/\[#{11}-{13}\] +47% {2}\d:\d\d {2}building modules 1290\/2604$/));
    expect(lines[lines.length - 1]).toMatch(/\[#{24}\] 100% {2}\d:\d\d {2}done$/);
    const context = await e2e.browser.newContext({ viewport: { width: 900, height: 220 } });
    const page = await context.newPage();
    await page.setContent('<pre id="t" style="margin:0;padding:16px;font:15px/1.5 monospace;background:#1e1e1e;color:#e6e6e6;height:100vh"></pre>');
    await page.locator('#t').evaluate((el, text) => (el.textContent = text), `$ npm start\nBuilding H5 preview (a few minutes on a small machine; later starts skip this)\n${run.stdout}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'rough-start-progress.png') });
    await context.close();
  });
});
