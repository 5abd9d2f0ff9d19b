import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../cloud/config';
import { DEMO_SCREENS } from '../cloud/demo/stories';
import { startLinli, type Linli } from '../cloud/start';
import { createTestDatabase, type TestDatabase } from '../cloud/storage/test-database';
import { launchChromium, SCREENSHOTS } from './harness';

/**
 * 大屏 in Chromium at both sizes, with the demo data; then the host is stopped and the screen
 * must keep its content and say 网络中断. The page refreshes every second here (?refresh=) and
 * calls content stale after 2.5 s (?stale=), so the test need not wait minutes.
 */
const SCREEN_DIR = path.resolve(__dirname, '..', 'cloud', 'screen', 'dist');

let linli: Linli;
let database: TestDatabase;
let browser: Browser;
beforeAll(async () => {
  if (!fs.existsSync(path.join(SCREEN_DIR, 'index.html'))) throw new Error('The screen page is not built: run `npm run build:console` (it builds the screen too).');
  database = await createTestDatabase();
  linli = await startLinli(
    loadConfig({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: database.url, LINLI_DEMO_DATA: '1', LINLI_OUTBOX_INTERVAL_MS: '0', LINLI_SCREEN_DIR: SCREEN_DIR, LINLI_H5_DIR: '/nonexistent' }),
  );
  browser = await launchChromium();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser.close();
  await linli.close().catch(() => undefined);
  await database.drop();
});

async function openScreen(key: string, size: { width: number; height: number }) {
  const context = await browser.newContext({ viewport: size, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${linli.url}/screen/?refresh=1000&stale=2500#${key}`);
  await page.locator('.panel-title').first().waitFor();
  return { context, page };
}

/** The smallest text on the screen, in CSS px: read from five metres, nothing may be small. */
async function smallestText(page: import('playwright-core').Page): Promise<number> {
  return page.evaluate(() => {
    let min = Infinity;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (own && el.offsetParent !== null) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
    }
    return min;
  });
}

it('a landscape screen shows 朝阳社区 in large type, filling 1920×1080 without scrolling', async () => {
  const { context, page } = await openScreen(DEMO_SCREENS[0].key, { width: 1920, height: 1080 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'screen-landscape.png') });
  await expect(page.locator('.screen-community').textContent()).resolves.toBe('朝阳社区');
  expect(await smallestText(page)).toBeGreaterThanOrEqual(34);
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)).toBe(true);
  // Several pages to turn through: notices, events, rooms, hall, honors.
  expect(await page.locator('.dot').count()).toBeGreaterThanOrEqual(4);
  await context.close();
});

it('a portrait screen shows 东方社区’s campaign with its pledge count', async () => {
  const { context, page } = await openScreen(DEMO_SCREENS[1].key, { width: 1080, height: 1920 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'screen-portrait.png') });
  await expect(page.locator('.screen-community').textContent()).resolves.toBe('东方社区');
  await expect(page.locator('.notice-pledge').first().textContent()).resolves.toMatch(/已有 \d+ 人承诺/);
  expect(await smallestText(page)).toBeGreaterThanOrEqual(34);
  await context.close();
});

it('a wrong address says what to do instead of showing nothing', async () => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${linli.url}/screen/#not-a-screen-key-at-all`);
  await page.getByText('屏幕地址无效或已更换').waitFor();
  await context.close();
});

it('keeps showing its content when the host is gone, and says 网络中断', async () => {
  const { context, page } = await openScreen(DEMO_SCREENS[0].key, { width: 1920, height: 1080 });
  const before = await page.locator('.panel').first().textContent();
  await linli.close();
  await page.locator('.screen-offline').waitFor({ timeout: 15_000 });
  await expect(page.locator('.screen-offline').textContent()).resolves.toContain('网络中断');
  await expect(page.locator('.screen-community').textContent()).resolves.toBe('朝阳社区');
  expect((await page.locator('.panel').first().textContent())?.length).toBeGreaterThan(0);
  expect(before?.length).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'screen-offline.png') });
  await context.close();
});
