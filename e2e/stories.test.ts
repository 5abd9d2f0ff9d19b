import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_ELDER_CODE } from '../cloud/demo/stories';
import { careModeViolations, go, screenshot, SCREENSHOTS, setCareMode, signInAs, startE2E, tap, type E2E, consoleAs } from './harness';

/**
 * The three stories of issue 19 on the H5 preview and in the console: a resident volunteers
 * at the clinic and reads their hours; a stranger finds 赵爷爷 and reaches his son; the admin
 * sets volunteer places and a screen. Every resident page is checked in 长辈模式 too.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

async function expectCareMode(page: Page, name: string): Promise<void> {
  await setCareMode(page, true);
  await page.locator('.lt-page--care').first().waitFor();
  await page.waitForTimeout(300);
  await screenshot(page, `${name}-care`);
  const v = await careModeViolations(page);
  expect(v.smallText).toEqual([]);
  expect(v.bodySize).toBeGreaterThanOrEqual(22);
  await setCareMode(page, false);
}

describe('志愿服务时长', () => {
  it('a resident signs up as a volunteer at the clinic, gets a code, and reads last month’s hours', async () => {
    const { context, page } = await e2e.phone();
    await signInAs(page, 'resident');
    await go(page, '/packages/events/detail/index?id=demo-event-clinic');
    await page.getByText('招募志愿者').waitFor();
    await tap(page, '报名当志愿者');
    await page.getByText('志愿者码（到岗、离岗时给工作人员扫或念出）').waitFor();
    await screenshot(page, 'volunteer-signed-up');

    await go(page, '/packages/volunteers/hours/index');
    await page.getByText('重阳节敬老志愿服务').waitFor();
    // 王秀兰 came half an hour late and left an hour early: 1.5 of the 3 hours count.
    await page.getByText('1小时30分').first().waitFor();
    await screenshot(page, 'volunteer-hours');
    await tap(page, /生成\d{4}年时长证明/);
    await page.locator('img[aria-label$="志愿服务时长证明"], .lt-hours__certificate').first().waitFor();
    await expectCareMode(page, 'volunteer-hours');
    await context.close();
  });
});

describe('防走失码', () => {
  it('a stranger scans 赵爷爷’s card, sees nothing private, alerts the family and gets one number', async () => {
    const { context, page } = await e2e.phone();
    await go(page, `/packages/elder/found/index?c=${DEMO_ELDER_CODE}`);
    await page.getByText('这位老人可能需要帮助').waitFor();
    await page.getByText('赵爷爷').waitFor();
    const before = await page.locator('body').innerText();
    for (const secret of ['13900000011', '13900000012', '赵德明', '赵小梅', '朝阳社区']) expect(before).not.toContain(secret);
    await screenshot(page, 'elder-found');
    await expectCareMode(page, 'elder-found');
    await page.getByText('这位老人可能需要帮助').waitFor();
    await page.getByText('不发位置').click();
    await tap(page, '通知家属和社区');
    await page.getByText('13900000011').waitFor();
    expect(await page.locator('body').innerText()).not.toContain('13900000012');
    await screenshot(page, 'elder-alerted');
    await context.close();
  });

  it('the printed short address leads to the finder’s page', async () => {
    const { context, page } = await e2e.phone();
    await page.goto(`${e2e.url}/f/${DEMO_ELDER_CODE}`);
    await page.getByText('这位老人可能需要帮助').waitFor();
    await context.close();
  });

  it('the family sees the alert among the scans of the card', async () => {
    const { context, page } = await e2e.phone();
    await signInAs(page, 'resident2');
    await go(page, '/packages/elder/mine/index');
    await page.getByText('赵爷爷').first().click();
    await page.getByText('扫码记录').waitFor();
    await page.getByText('有人发出求助提醒').first().waitFor();
    await screenshot(page, 'elder-card-family');
    await expectCareMode(page, 'elder-card-family');
    await context.close();
  });
});

describe('the console', () => {
  it('the 朝阳社区 admin sets volunteer places and finds the demo screen with its address', async () => {
    const { context, page } = await consoleAs(e2e, 'chaoyang-admin');
    await page.locator('.ant-pro-sider').getByText('大屏', { exact: true }).click();
    await page.locator('.ant-table-tbody').getByText('一楼大厅屏').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'console-screens.png') });
    await page.locator('.ant-pro-sider').getByText('志愿服务', { exact: true }).click();
    await page.getByText('志愿者名额').first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'console-volunteers.png') });
    await context.close();
  });
});
