import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { go, screenshot, signInAs, startE2E, type E2E } from './harness';

/**
 * axe-core in Chromium: no serious or critical violation on the four tabs, the main
 * resident pages (in both modes), and every console route. What axe finds is printed
 * with the element, so a failure says where to look.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

async function seriousViolations(page: Page): Promise<string[]> {
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

const TABS = ['/pages/home/index', '/pages/events/index', '/pages/services/index', '/pages/me/index'];

/** The resident pages most used after the tabs. */
const RESIDENT_PAGES = [
  '/packages/articles/list/index',
  '/packages/events/mine/index',
  '/packages/bookings/resource/index?id=cy-painting&community=chaoyang',
  '/packages/bookings/mine/index',
  '/packages/petitions/submit/index?kind=request',
  '/packages/petitions/mine/index',
  '/packages/honors/index/index',
  '/packages/honors/thanks/index',
  '/packages/account/community/index',
  '/packages/account/invite-code/index',
];

/**
 * The grid worker's workbench pages (being built on another branch): add their routes here
 * when they land, and this test holds them to the same bar.
 */
const WORKBENCH_PAGES: string[] = [];

const KNOWN_FAILING = new Set<string>();

describe('phone pages', () => {
  for (const care of [false, true]) {
    describe(care ? 'in 长辈模式' : 'in the standard mode', () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        ({ context, page } = await e2e.phone({ careMode: care }));
        await signInAs(page, 'resident');
      });
      afterAll(() => context.close());

      for (const route of [...TABS, ...RESIDENT_PAGES, ...WORKBENCH_PAGES]) {
        // A page known to fail goes in KNOWN_FAILING: `it.failing` turns red the day it is
        // fixed. (The form kit's toggle row was NutUI's Switch, with ARIA props the browser
        // does not know; it is drawn now, and the petition form is held like the others.)
        const test = KNOWN_FAILING.has(route) ? it.failing : it;
        test(`${route} has no serious or critical violation`, async () => {
          await go(page, route);
          await page.locator('.lt-page:visible').first().waitFor();
          const found = await seriousViolations(page);
          if (found.length > 0) await screenshot(page, `axe-${care ? 'care' : 'std'}-${route.replace(/[^a-z0-9]+/gi, '-')}`);
          expect(found).toEqual([]);
        });
      }
    });
  }
});

const CONSOLE_ROUTES = ['/dashboard', '/articles', '/events', '/honors', '/resources', '/petitions', '/bookings', '/nominations', '/thanks', '/staff', '/audit', '/api', '/password'];

describe('console routes at 1440 px (district admin, who sees every route)', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await e2e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    await page.goto(`${e2e.url}/console/`);
    await page.getByPlaceholder('账号').fill('district-admin');
    await page.getByPlaceholder('密码').fill('Linli2026dev');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.locator('.ant-page-header-heading-title').first().waitFor();
  });
  afterAll(() => context.close());

  for (const route of CONSOLE_ROUTES) {
    it(`${route} has no serious or critical violation`, async () => {
      await page.goto(`${e2e.url}/console/#${route}`);
      await page.locator('.ant-page-header-heading-title').first().waitFor();
      const found = await seriousViolations(page);
      if (found.length > 0) await page.screenshot({ path: `test-results/screenshots/axe-console-${route.slice(1)}.png` });
      expect(found).toEqual([]);
    });
  }
});
