import type { Page } from 'playwright-core';
import { apiAs, careModeViolations, go, screenshot, signInAs, startE2E, tap, type E2E } from './harness';

const HOME = '/pages/home/index';
const LIST = '/packages/articles/list/index';
const detail = (id: string, sharer?: string) => `/packages/articles/detail/index?id=${id}${sharer ? `&sharer=${sharer}` : ''}`;

/** 朝阳社区's pinned notice and the 东方社区 campaign, from cloud/demo/articles.ts. */
const NOTICE = { id: 'demo-chaoyang-hours', title: '朝阳社区党群服务中心开放时间' };
const CAMPAIGN = { id: 'demo-dongfang-water', title: '节水爱水 你我同行：东方社区发出节水倡议' };

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

/**
 * Until Taro's H5 router has finished sliding pages (about 300 ms), the page that is
 * leaving still shows beside the new one: screenshots and measurements wait for that.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => [...document.querySelectorAll('.taro_page')].filter((el) => getComputedStyle(el).display !== 'none').length === 1,
  );
}

/**
 * The whole page, not only the first screen: the H5 page scrolls inside its own element,
 * so the phone is made as tall as the page for the picture, then set back.
 */
async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  const height = await page.evaluate(() =>
    Math.max(...[...document.querySelectorAll('.taro_page')].filter((el) => getComputedStyle(el).display !== 'none').map((el) => el.scrollHeight)),
  );
  await page.setViewportSize({ width: 375, height: Math.min(Math.max(height, 812), 4000) });
  await screenshot(page, name);
  await page.setViewportSize({ width: 375, height: 812 });
}

async function pledgeCount(page: Page): Promise<number> {
  return Number((await page.locator('.lt-pledge__number').first().innerText()).trim());
}

describe('a resident reads the news', () => {
  it('sees a seeded notice on 首页, opens it, pledges to the 节水 campaign, and is still pledged after a reload', async () => {
    const { page } = await e2e.phone();
    await signInAs(page, 'resident');
    await go(page, HOME);
    // 王秀兰 lives in 朝阳社区: its pinned notice is on her 首页, with the district's items.
    const pinned = page.locator('.lt-home__pinned');
    await pinned.getByText(NOTICE.title).waitFor();
    await page.getByText('朝阳社区和全区资讯').waitFor();
    await shot(page, 'articles-home');

    await pinned.getByText(NOTICE.title).click();
    await page.getByText('便民服务大厅：周一至周五').waitFor();
    await page.getByText('来源：朝阳社区').waitFor();
    await page.getByText(/^发布：\d+月\d+日 \d\d:\d\d$/).waitFor();
    await shot(page, 'articles-detail');

    // The campaign is 东方社区's: the list shows every community's items, by 栏目.
    await tap(page, '看更多社区资讯');
    await page.locator('.lt-articles__list .lt-article-row').first().waitFor();
    await tap(page, /^倡议$/);
    await page.locator('.lt-articles__chip--on').filter({ hasText: '倡议' }).waitFor();
    await page.getByText(CAMPAIGN.title).waitFor();
    await shot(page, 'articles-list');
    await page.getByText(CAMPAIGN.title).click();

    await page.getByText('我承诺：节约每一滴水，从我家做起').waitFor();
    await page.getByText('记者 许宁　通讯员 韩悦').waitFor();
    const before = await pledgeCount(page);
    await tap(page, /^我承诺$/);
    await page.getByText('✓ 您已承诺').waitFor();
    expect(await pledgeCount(page)).toBe(before + 1);
    await shot(page, 'articles-campaign');

    // Back in the list, loaded before the pledge, its row shows the new count too. (The
    // notice read first is still in the page stack, with its own link, hidden.)
    await page.locator('.lt-article__to-list:visible').click();
    await page.locator('.lt-articles__list .lt-article-row').filter({ hasText: CAMPAIGN.title }).getByText(`已有 ${before + 1} 人承诺`).waitFor();
    await page.goBack();

    // The host keeps it: after a reload the box still says so and offers no button.
    await page.reload();
    await page.getByText('✓ 您已承诺').waitFor();
    expect(await pledgeCount(page)).toBe(before + 1);
    expect(await page.locator('.lt-pledge__button').count()).toBe(0);

    const seenByNeighbour = await apiAs(e2e, 'resident2').then((api) =>
      api.call<{ pledge: { count: number; pledgedByMe: boolean } }>('articles.get', { id: CAMPAIGN.id }),
    );
    expect(seenByNeighbour.pledge).toEqual(expect.objectContaining({ count: before + 1, pledgedByMe: false }));
  });

  it('a visitor sees every community on 首页, and 我承诺 asks them to sign in without counting', async () => {
    const { page } = await e2e.phone();
    await go(page, HOME);
    await page.getByText('最新资讯').waitFor();
    // Signed out: the district-wide pinned item and other communities' pinned ones.
    await page.locator('.lt-home__pinned').getByText('城乡社区治理亮点系列报道开栏', { exact: false }).waitFor();

    await go(page, detail(CAMPAIGN.id));
    const before = await page.locator('.lt-pledge__number').first().innerText().then(Number);
    await tap(page, /^我承诺$/);
    await page.getByText('登录后才能承诺').waitFor();
    await page.getByText('选择体验身份登录').waitFor();
    expect(await pledgeCount(page)).toBe(before);
    await shot(page, 'articles-campaign-signed-out');
  });

  it('a card opened from a share counts for the sharer', async () => {
    const grid = await apiAs(e2e, 'grid');
    const { page } = await e2e.phone();
    await signInAs(page, 'resident2');
    await go(page, detail(NOTICE.id, grid.userId));
    await page.getByText('便民服务大厅：周一至周五').waitFor();
    const reach = await grid.call<{ targetId: string; visits: number }[]>('shares.mine');
    expect(reach.find((r) => r.targetId === NOTICE.id)?.visits).toBe(1);
  });
});

describe('in 长辈模式 at 375 wide', () => {
  const pages: { name: string; route: string; ready: string }[] = [
    { name: 'home', route: HOME, ready: '城乡社区治理亮点系列报道开栏' },
    { name: 'list', route: LIST, ready: CAMPAIGN.title },
    { name: 'detail', route: detail(NOTICE.id), ready: '便民服务大厅：周一至周五' },
    { name: 'campaign', route: detail(CAMPAIGN.id), ready: '我承诺：节约每一滴水，从我家做起' },
  ];

  it.each(pages)('$name has no text under 18px, body text of 22px, and no tap target under 60×60', async ({ name, route, ready }) => {
    const { page } = await e2e.phone({ careMode: true });
    await signInAs(page, 'resident3');
    await go(page, route);
    await page.getByText(ready).first().waitFor();
    await settled(page);
    const result = await careModeViolations(page);
    await shot(page, `articles-${name}-care`);
    expect(result.smallText).toEqual([]);
    expect(result.smallTargets).toEqual([]);
    expect(result.bodySize).toBeGreaterThanOrEqual(22);
  });
});
