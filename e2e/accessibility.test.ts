import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { type E2E, go, phoneAs, screenshot, SCREENSHOTS, seriousViolations, startE2E, consoleAs } from './harness';

/**
 * axe-core in Chromium: no serious or critical violation on the four tabs, the main
 * resident pages (in both modes), the workbench pages and every console route. Each page
 * judged leaves a screenshot (test-results/screenshots/axe-*). What axe finds is printed
 * with the element, so a failure says where to look.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const TABS = ['/pages/home/index', '/pages/events/index', '/pages/services/index', '/pages/me/index'];

/** The resident pages most used after the tabs. */
const RESIDENT_PAGES = [
  '/packages/articles/list/index',
  '/packages/articles/detail/index?id=demo-chaoyang-center',
  '/packages/events/detail/index?id=demo-event-clinic',
  '/packages/events/mine/index',
  '/packages/bookings/resource/index?id=cy-painting&community=chaoyang',
  '/packages/bookings/mine/index',
  '/packages/petitions/submit/index?kind=request',
  '/packages/petitions/mine/index',
  '/packages/honors/index/index',
  '/packages/honors/thanks/index',
  '/packages/account/community/index',
  '/packages/account/invite-code/index',
  '/packages/volunteers/hours/index',
  '/packages/elder/mine/index',
];

/**
 * The staff pages of the 工作台, each opened by the persona whose role it serves (the grid
 * worker's thanks, the agent's inbox and on-behalf filing, the admin's day at the desk). The
 * grid worker's own tools (workbench, share, reach, visits, a visit, a household, report,
 * feedback) are judged by axe in both modes in e2e/grid.test.ts, each once its data is shown.
 */
const WORKBENCH_PAGES: Array<{ persona: string; route: string }> = [
  { persona: 'grid', route: '/packages/staff/thanks-received/index' },
  ...['petitions-inbox', 'petitions-file'].map((p) => ({ persona: 'agent', route: `/packages/staff/${p}/index` })),
  ...['bookings-today', 'events-checkin'].map((p) => ({ persona: 'admin', route: `/packages/staff/${p}/index` })),
];

const shotName = (prefix: string, route: string) => `${prefix}-${route.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}`;

/** Opens a phone page, judges it, and keeps a picture of what was judged. */
async function expectPhonePageClean(page: Page, route: string, prefix: string): Promise<void> {
  await go(page, route);
  await page.locator('.lt-page:visible').first().waitFor();
  const found = await seriousViolations(page);
  await screenshot(page, shotName(prefix, route));
  expect(found).toEqual([]);
}

describe('phone pages', () => {
  for (const care of [false, true]) {
    describe(care ? 'in 长辈模式' : 'in the standard mode', () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        ({ context, page } = await phoneAs(e2e, 'resident', { careMode: care }));
      });
      afterAll(() => context.close());

      for (const route of [...TABS, ...RESIDENT_PAGES]) {
        it(`${route} has no serious or critical violation`, () => expectPhonePageClean(page, route, `axe-${care ? 'care' : 'std'}`));
      }
    });
  }
});

describe('workbench pages', () => {
  for (const persona of [...new Set(WORKBENCH_PAGES.map((p) => p.persona))]) {
    describe(`as ${persona}`, () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        ({ context, page } = await phoneAs(e2e, persona));
      });
      afterAll(() => context.close());

      for (const { route } of WORKBENCH_PAGES.filter((p) => p.persona === persona)) {
        it(`${route} has no serious or critical violation`, () => expectPhonePageClean(page, route, `axe-staff-${persona}`));
      }
    });
  }
});

/** Every route the console declares, read from its route table so a new page is held too. */
const CONSOLE_ROUTES = [...fs.readFileSync(path.join(__dirname, '../cloud/console/src/layout/routes.tsx'), 'utf8').matchAll(/path: '(\/[a-z-]+)'/g)].map((m) => m[1]!);

describe('console routes at 1440 px (district admin, who sees every route)', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await consoleAs(e2e, 'district-admin'));
  });
  afterAll(() => context.close());

  for (const route of CONSOLE_ROUTES) {
    it(`${route} has no serious or critical violation`, async () => {
      await page.goto(`${e2e.url}/console/#${route}`);
      await page.locator('.ant-page-header-heading-title').first().waitFor();
      const found = await seriousViolations(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, `axe-console-${route.slice(1)}.png`) });
      expect(found).toEqual([]);
    });
  }
});
