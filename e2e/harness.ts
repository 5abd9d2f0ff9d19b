import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { loadConfig } from '../cloud/config';
import { startLinli, type Linli } from '../cloud/start';
import { createTestDatabase, type TestDatabase } from '../cloud/storage/test-database';

/**
 * One browser test's world: the host on a fresh database with the 上街区 demo data and the
 * fake WeChat, serving the H5 build (`npm run build:h5` first), and headless Chromium.
 * Real time, because the page shows real time.
 */
export interface E2E {
  linli: Linli;
  url: string;
  browser: Browser;
  /** A fresh phone: its own storage, 375 wide like the MIIT measurements assume. */
  phone(options?: { careMode?: boolean }): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

export const SCREENSHOTS = path.resolve(__dirname, '..', 'test-results', 'screenshots');

/** `demoHistory`: load the demo's months of past too (as `npm start` does), for the dashboard's pictures. */
export async function startE2E(options: { demoHistory?: boolean } = {}): Promise<E2E> {
  const h5Dir = path.resolve(__dirname, '..', process.env.LINLI_H5_DIR ?? 'dist-h5');
  if (!fs.existsSync(path.join(h5Dir, 'index.html'))) {
    throw new Error(`The H5 build is missing in ${h5Dir}: run \`npm run build:h5\` (npm run test:e2e does it).`);
  }
  const database: TestDatabase = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: database.url,
    LINLI_DEMO_DATA: '1',
    LINLI_DEMO_HISTORY: options.demoHistory ? '1' : '0',
    LINLI_LOGIN_RATE_PER_MINUTE: '100000',
    LINLI_WRITE_RATE_PER_MINUTE: '100000',
    LINLI_OUTBOX_INTERVAL_MS: '0',
    LINLI_UPLOAD_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-uploads-')),
    LINLI_H5_DIR: h5Dir,
    LINLI_CONSOLE_DIR: path.resolve(__dirname, '..', 'cloud', 'console', 'dist'),
  });
  const linli = await startLinli(config);
  const browser = await launchChromium();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    linli,
    url: linli.url,
    browser,
    async phone(options = {}) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      await page.goto(`${linli.url}/`);
      if (options.careMode) await setCareMode(page, true);
      return { context, page };
    },
    async stop() {
      await browser.close();
      await linli.close();
      await database.drop();
    },
  };
}

/**
 * Debian's Chromium, headless, with the background services off: this machine's network is
 * closed, and their connection attempts would only slow every start.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Signs in as a demo persona (`resident`, `grid`, or any `dev:<name>` resident) through the
 * persona page. Residents land on 我的, staff on their 工作台.
 */
export async function signInAs(page: Page, persona: string): Promise<void> {
  const base = new URL(page.url()).origin;
  await page.goto(`${base}/#/packages/account/persona/index?code=${encodeURIComponent(`dev:${persona}`)}`);
  // A hash route changes without a page load: wait on the hash itself.
  await page.waitForFunction(
    () => window.location.hash.includes('pages/me/index') || window.location.hash.includes('staff/workbench/index'),
    undefined,
    { timeout: 20_000 },
  );
  if (page.url().includes('staff/workbench')) await page.getByText('活动与预约').first().waitFor();
  else await page.getByText('退出登录').first().waitFor();
}

/** A fresh phone signed in as this persona (on 我的, or a staff member's 工作台). */
export async function phoneAs(e2e: E2E, persona: string, options: { careMode?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const phone = await e2e.phone(options);
  await signInAs(phone.page, persona);
  return phone;
}

/** The demo console accounts' password (cloud/demo/personas.ts; README lists the accounts). */
export const CONSOLE_PASSWORD = 'Linli2026dev';

/**
 * A desktop browser signed into the console with a demo account, its first page drawn
 * (1440×900 unless told: the width the console is laid out for).
 */
export async function consoleAs(
  e2e: E2E,
  username: string,
  options: { width?: number; height?: number; acceptDownloads?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser.newContext({
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const page = await context.newPage();
  await page.goto(`${e2e.url}/console/`);
  await page.getByPlaceholder('账号').fill(username);
  await page.getByPlaceholder('密码').fill(CONSOLE_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.locator('.ant-page-header-heading-title').first().waitFor();
  return { context, page };
}

/** Opens 我的 (staff land on their 工作台 after signing in; their entries on 我的 stay). */
export async function openMe(page: Page): Promise<void> {
  await go(page, '/pages/me/index');
  await page.getByText('退出登录').first().waitFor();
}

/** 长辈模式 as the resident switches it in 我的 (kept in storage like the real switch). */
export async function setCareMode(page: Page, on: boolean): Promise<void> {
  // Taro's H5 storage keeps {data: value} under the key; the app reads 'on' / 'off'.
  await page.evaluate((value) => {
    window.localStorage.setItem('linli.careMode', JSON.stringify({ data: value ? 'on' : 'off' }));
  }, on);
  await page.reload();
}

export async function go(page: Page, route: string): Promise<void> {
  const base = new URL(page.url()).origin;
  await page.goto(`${base}/#${route}`);
}

/** Clicks the NutUI button holding this text (the outer element takes the click). */
export async function tap(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.nut-button, .lt-action, button, [role=button]').filter({ hasText: text }).first().click();
}

/**
 * Calls a cloud function as a demo persona straight through the host's protocol, for a
 * test's setting-up (an admin creating a small event) rather than for what it checks.
 */
export async function apiAs(e2e: E2E, persona: string) {
  const { appId, appKey } = e2e.linli.services.config;
  const headers = (token?: string) => {
    const ts = String(Date.now());
    return {
      'content-type': 'application/json',
      'x-lc-id': appId,
      'x-lc-sign': `${crypto.createHash('md5').update(ts + appKey).digest('hex')},${ts}`,
      ...(token && { 'x-lc-session': token }),
    };
  };
  const login = await fetch(`${e2e.url}/1.1/users`, {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify({ authData: { lc_weapp: { code: `dev:${persona}` } } }),
  });
  const { sessionToken, objectId } = (await login.json()) as { sessionToken: string; objectId: string };
  return {
    userId: objectId,
    async call<T = unknown>(name: string, params: Record<string, unknown> = {}): Promise<T> {
      const response = await fetch(`${e2e.url}/1.1/functions/${name}`, { method: 'POST', headers: headers(sessionToken), body: JSON.stringify(params) });
      const body = (await response.json()) as { result?: T; code?: number; error?: string };
      if (response.status >= 400) throw new Error(`${name}: ${body.code} ${body.error}`);
      return body.result as T;
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Until the page on top has slid fully in (Taro's H5 router slides a page for about 300 ms,
 * the leaving one still showing beside it): screenshots and measurements wait for this.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    if (document.querySelectorAll('.taro_page_show:not(.taro_page_stationed)').length > 0) return false;
    const shown = [...document.querySelectorAll('.taro_page')].filter((p) => getComputedStyle(p).display !== 'none');
    const top = shown[shown.length - 1];
    return top === undefined || Math.abs(top.getBoundingClientRect().left) < 1;
  });
}

/**
 * The whole page in one picture, once it has settled: the H5 page scrolls inside its own
 * element, so a full-page shot of the document would stop at the fold. The phone grows to
 * the page's height for it, then is set back.
 */
export async function screenshotWhole(page: Page, name: string): Promise<void> {
  await settled(page);
  const height = await page.evaluate(() =>
    Math.max(
      ...[...document.querySelectorAll<HTMLElement>('.taro_page, .lt-page')].filter((el) => getComputedStyle(el).display !== 'none').map((el) => el.scrollHeight),
    ),
  );
  await page.setViewportSize({ width: 375, height: Math.min(Math.max(height, 812), 6000) });
  await screenshot(page, name);
  await page.setViewportSize({ width: 375, height: 812 });
}

/** Text on the page on top: pages under it stay in the document, hidden. */
export function seen(page: Page | Locator, text: string | RegExp, options: { exact?: boolean } = {}): Locator {
  return page.getByText(text, options).filter({ visible: true }).first();
}

/**
 * The text box with this placeholder, on the page in view (Taro's H5 input wraps the real
 * one in an element that carries the placeholder too).
 */
export function field(page: Page, placeholder: string): Locator {
  return page.locator(`input[placeholder="${placeholder}"]:visible, textarea[placeholder="${placeholder}"]:visible`).first();
}

/** axe-core's serious and critical findings on the page at rest, with where they are. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Spinners gone, content in place: axe judges the page as the resident reads it.
  await page.locator('.lt-state--loading, .ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  // Judged at rest: no hover state left over from the last click.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The page, settled, meets the 长辈模式 measurements (text ≥ 18 px, body ≥ 22 px, targets ≥ 60×60); `name` keeps a picture. */
export async function expectNoCareViolations(page: Page, name?: string): Promise<void> {
  await settled(page);
  const result = await careModeViolations(page);
  if (name) await screenshot(page, name);
  expect(result.smallText).toEqual([]);
  expect(result.smallTargets).toEqual([]);
  expect(result.bodySize).toBeGreaterThanOrEqual(22);
}

/**
 * The MIIT elderly-mode measurements, taken in the page: visible text under 18px, body
 * text under 22px, tappable elements under 60×60. Returns what breaks them.
 */
export async function careModeViolations(page: Page): Promise<{ smallText: string[]; smallTargets: string[]; bodySize: number }> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
    };
    const smallText: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (!text || !el || !visible(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 18) smallText.push(`${size}px「${text.slice(0, 20)}」`);
    }
    const smallTargets: string[] = [];
    const tappable = document.querySelectorAll('button, a, input, textarea, [role=button], .nut-button, .lt-action, .lt-tap, taro-button-core, .nut-switch, .nut-checkbox, .nut-radio');
    tappable.forEach((el) => {
      if (!visible(el)) return;
      const r = el.getBoundingClientRect();
      const label = (el.textContent ?? '').trim().slice(0, 20) || `<${el.tagName.toLowerCase()} class="${el.className}">`;
      if (r.width < 60 || r.height < 60) smallTargets.push(`${Math.round(r.width)}×${Math.round(r.height)}「${label}」`);
    });
    const body = document.querySelector('.lt-body') ?? document.querySelector('.lt-page') ?? document.body;
    return { smallText, smallTargets, bodySize: parseFloat(getComputedStyle(body).fontSize) };
  });
}
