import type { Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../cloud/host/reply-headers';
import { apiAs, go, startE2E, type E2E } from './harness';

/**
 * Issue 12, finding 2, in Chromium on the H5 build: what an admin writes (an honor list's
 * title, a room's name) reaches the page as text, never as markup; the pages run under a
 * CSP with no inline script, and both front ends still work under it.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const MARKUP = (flag: string) => `<img src=x onerror=window.${flag}=1>`;

/** Everything Chromium reported against the page's CSP. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

async function titleBar(page: Page, expected: string) {
  const title = page.locator('.taro-navigation-bar-title');
  await page.waitForFunction((text) => document.querySelector('.taro-navigation-bar-title')?.textContent === text, expected, { timeout: 20_000 });
  return {
    text: await title.textContent(),
    images: await title.locator('img').count(),
    documentTitle: await page.title(),
  };
}

describe('admin-written titles in the H5 preview', () => {
  it('an honor list title with markup shows as text in the navigation bar, and nothing runs', async () => {
    const admin = await apiAs(e2e, 'admin');
    const title = `${MARKUP('__honorXss')}榜`;
    const list = await admin.call<{ id: string }>('honors.saveList', { year: 2026, scopeId: 'chaoyang', title, categories: ['好邻居'] });
    await admin.call('honors.publish', { id: list.id, published: true });

    const { page } = await e2e.phone();
    const violations = watchCsp(page);
    await go(page, `/packages/honors/list/index?id=${list.id}`);
    const bar = await titleBar(page, title);
    expect(bar).toMatchObject({ text: title, images: 0 });
    expect(await page.evaluate(() => (window as unknown as { __honorXss?: number }).__honorXss)).toBeUndefined();
    // Back and forth: the router replays its cached title through innerHTML too.
    await go(page, '/pages/home/index');
    await page.goBack();
    expect(await titleBar(page, title)).toMatchObject({ images: 0 });
    expect(violations).toEqual([]);
  });

  it('a room name with markup shows as text on the booking page', async () => {
    const admin = await apiAs(e2e, 'admin');
    const rooms = await admin.call<Array<{ id: string; centerId: string }>>('bookings.resources', { communityId: 'chaoyang' });
    const name = `<img src=x onerror=__r=1>室`;
    const hours = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '09:00', end: '17:00' }]]));
    const room = await admin.call<{ id: string }>('bookings.saveResource', { centerId: rooms[0]!.centerId, kind: 'room', name, hours, capacity: 10 });

    const { page } = await e2e.phone();
    await go(page, `/packages/bookings/resource/index?id=${room.id}`);
    expect(await titleBar(page, name)).toMatchObject({ text: name, images: 0 });
    expect(await page.evaluate(() => (window as unknown as { __r?: number }).__r)).toBeUndefined();
  });
});

describe('the page policy', () => {
  it('the H5 preview and the console are served with the CSP and framing headers, and load without a violation', async () => {
    for (const path of ['/', '/console/']) {
      const response = await fetch(`${e2e.url}${path}`);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      const html = await response.text();
      // No inline script left for the policy to block.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
    const { page } = await e2e.phone();
    const violations = watchCsp(page);
    await go(page, '/pages/home/index');
    await page.locator('.lt-entry-tile').first().waitFor();
    // The console signs in and draws its dashboard (antd, ECharts) under the same policy.
    const desk = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const consolePage = await desk.newPage();
    const consoleViolations = watchCsp(consolePage);
    await consolePage.goto(`${e2e.url}/console/`);
    await consolePage.getByPlaceholder('账号').fill('chaoyang-admin');
    await consolePage.getByPlaceholder('密码').fill('Linli2026dev');
    await consolePage.getByPlaceholder('密码').press('Enter');
    await consolePage.getByText('数据看板').first().waitFor();
    await desk.close();
    expect(violations).toEqual([]);
    expect(consoleViolations).toEqual([]);
  });
});
