import type { Page } from 'playwright-core';
import { apiAs, careModeViolations, type E2E, go, phoneAs, screenshotWhole, settled, startE2E, tap } from './harness';

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

async function pledgeCount(page: Page): Promise<number> {
  return Number((await page.locator('.lt-pledge__number').first().innerText()).trim());
}

describe('a resident reads the news', () => {
  it('sees a seeded notice on 首页, opens it, pledges to the 节水 campaign, and is still pledged after a reload', async () => {
    const { page } = await phoneAs(e2e, 'resident');
    await go(page, HOME);
    // 王秀兰 lives in 朝阳社区: its pinned notice is on her 首页, with the district's items.
    const pinned = page.locator('.lt-home__pinned');
    await pinned.getByText(NOTICE.title).waitFor();
    await page.getByText('朝阳社区和全区资讯').waitFor();
    // The district's own items say 全区; the pinned ones are not repeated under 最新.
    await pinned.locator('.lt-article-row__meta').filter({ hasText: /^全区 · / }).first().waitFor();
    expect(await page.locator('.lt-article-row__title').filter({ hasText: NOTICE.title }).count()).toBe(1);
    await screenshotWhole(page, 'articles-home');

    await pinned.getByText(NOTICE.title).click();
    await page.getByText('便民服务大厅：周一至周五').waitFor();
    await page.getByText('来源：朝阳社区').waitFor();
    await page.getByText(/^发布：\d+月\d+日 \d\d:\d\d$/).waitFor();
    await screenshotWhole(page, 'articles-detail');

    // The campaign is 东方社区's: the list shows every community's items, by 栏目.
    await tap(page, '看更多社区资讯');
    await page.locator('.lt-articles__list .lt-article-row').first().waitFor();
    await tap(page, /^倡议$/);
    await page.locator('.lt-form-choice--on').filter({ hasText: '倡议' }).waitFor();
    await page.getByText(CAMPAIGN.title).waitFor();
    await screenshotWhole(page, 'articles-list');
    await page.getByText(CAMPAIGN.title).click();

    await page.getByText('我承诺：节约每一滴水，从我家做起').waitFor();
    await page.getByText('记者 许宁　通讯员 韩悦').waitFor();
    const before = await pledgeCount(page);
    await tap(page, /^我承诺$/);
    await page.getByText('✓ 您已承诺').waitFor();
    expect(await pledgeCount(page)).toBe(before + 1);
    await screenshotWhole(page, 'articles-campaign');

    // Back in the list, loaded before the pledge, its row shows the new count too. (The
    // notice read first is still in the page stack, with its own link, hidden.)
    await page.locator('.lt-article__to-list:visible').click();
    await page.locator('.lt-articles__list .lt-article-row').filter({ hasText: CAMPAIGN.title }).getByText(`已有 ${before + 1} 人承诺`).waitFor();
    await page.locator('.lt-articles__list').getByText(CAMPAIGN.title).click();
    await page.getByText('✓ 您已承诺').waitFor();

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
    await screenshotWhole(page, 'articles-campaign-signed-out');
  });

  it('signing in from that prompt comes back to the article, where 我承诺 now counts', async () => {
    const { page } = await e2e.phone();
    await go(page, detail(CAMPAIGN.id));
    await tap(page, /^我承诺$/);
    await tap(page, '选择体验身份登录');
    await page.waitForFunction(() => window.location.hash.includes('packages/account/persona/index?back='));
    await tap(page, '以“网格员”登录');
    // Back on the article (not 我的), which picked up the session by itself.
    await page.waitForFunction((id) => window.location.hash.includes(`packages/articles/detail/index?id=${id}`), CAMPAIGN.id);
    await settled(page);
    await page.locator('.lt-pledge__button:visible').waitFor();
    expect(await page.getByText('登录后才能承诺').count()).toBe(0);
    const before = await pledgeCount(page);
    await tap(page, /^我承诺$/);
    await page.getByText('✓ 您已承诺').waitFor();
    expect(await pledgeCount(page)).toBe(before + 1);

    // A link to the persona page with `back` (and nothing to go back to) opens the article too.
    const { page: other } = await e2e.phone();
    const base = new URL(other.url()).origin;
    await other.goto(`${base}/#/packages/account/persona/index?code=${encodeURIComponent('dev:newcomer-back')}&back=${encodeURIComponent(detail(CAMPAIGN.id))}`);
    await other.waitForFunction((id) => window.location.hash.includes(`packages/articles/detail/index?id=${id}`), CAMPAIGN.id);
    await tap(other, /^我承诺$/);
    await other.getByText('✓ 您已承诺').waitFor();
  });

  it("首页's tiles open pages that exist", async () => {
    const { page } = await phoneAs(e2e, 'resident');
    const tiles: [string, string][] = [
      ['社区资讯', LIST],
      ['活动报名', '/pages/events/index'],
      ['预约办事', '/pages/services/index'],
      ['我要反映', '/packages/petitions/submit/index'],
      ['光荣榜', '/packages/honors/index/index'],
      ['感谢墙', '/packages/honors/thanks/index'],
    ];
    for (const [title, route] of tiles) {
      // Each from a freshly opened 首页, as from the mini-program's start.
      await go(page, HOME);
      await page.reload();
      await page.locator('.lt-entry-tile:visible').filter({ hasText: title }).click();
      await page.waitForFunction((r) => window.location.hash.startsWith(`#${r}`), route);
      await settled(page);
      // A page that loaded, not an empty frame.
      expect((await page.locator('.taro_page:visible').last().innerText()).trim().length).toBeGreaterThan(0);
    }
  });

  it('a card opened from a share counts for the sharer', async () => {
    const grid = await apiAs(e2e, 'grid');
    const { page } = await phoneAs(e2e, 'resident2');
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
    const { page } = await phoneAs(e2e, 'resident3', { careMode: true });
    await go(page, route);
    await page.getByText(ready).first().waitFor();
    await settled(page);
    const result = await careModeViolations(page);
    await screenshotWhole(page, `articles-${name}-care`);
    expect(result.smallText).toEqual([]);
    expect(result.smallTargets).toEqual([]);
    expect(result.bodySize).toBeGreaterThanOrEqual(22);
  });
});

// Last: it adds items that would push the seeded ones off the first page of the others.
describe('a long list', () => {
  it('shows 20 items, then the next page under 加载更多, without repeating any', async () => {
    const district = await apiAs(e2e, 'district');
    for (let i = 1; i <= 21; i += 1) {
      const created = await district.call<{ id: string }>('articles.create', {
        title: `公示测试第${i}号`,
        bodyHtml: `<p>第${i}号公示的正文。</p>`,
        category: '公示',
        scopeId: 'shangjie',
      });
      await district.call('articles.publish', { id: created.id });
    }
    const { page } = await e2e.phone();
    await go(page, LIST);
    await tap(page, /^公示$/);
    const rows = page.locator('.lt-articles__list .lt-article-row');
    await page.getByText('公示测试第21号').waitFor();
    expect(await rows.count()).toBe(20);
    // The next page also loads by itself when the list reaches the bottom (on a slow machine
    // before the button can be tapped); the button is for whoever does not scroll on.
    const more = page.locator('.nut-button, .lt-action, button, [role=button]').filter({ hasText: '加载更多' }).first();
    const end = page.getByText('没有更多了');
    await more.or(end).first().waitFor();
    // The tap may lose that race (the button is replaced by the loading line under the
    // pointer); the end of the list is what counts.
    if (await more.isVisible()) await more.click({ timeout: 5_000 }).catch(() => undefined);
    await end.waitFor();
    // 21 new ones and the seeded 招租 notice, each once.
    const titles = await page.locator('.lt-articles__list .lt-article-row__title').allInnerTexts();
    expect(titles).toHaveLength(22);
    expect(new Set(titles).size).toBe(22);
    expect(titles).toContain('中心路9号院独立商务楼公开招租');
  });
});
