import type { Page } from 'playwright-core';
import { countShareVisits } from '../cloud/shares/shares.storage';
import sharp from 'sharp';
import { apiAs, careModeViolations, type E2E, go, openMe, phoneAs, screenshot, signInAs, startE2E, tap } from './harness';

const HOME = '/pages/home/index';
const HONORS = '/packages/honors/index/index';
const LIST_2020 = '/packages/honors/list/index?id=demo-honors-2020';
const entry = (id: string, sharer?: string) => `/packages/honors/entry/index?id=${id}${sharer ? `&sharer=${sharer}` : ''}`;
const POSTER = '/packages/honors/poster/index?id=demo-honor-husband';
const WALL = '/packages/honors/thanks/index';
const WRITE = '/packages/honors/thanks-write/index';
const NOMINATE = '/packages/honors/nominate/index';
const MY_NOMINATIONS = '/packages/honors/nominations/index';

/** From cloud/demo/honors.ts. */
const HUSBAND = { id: 'demo-honor-husband', name: '李卫东', story: '有担当的好丈夫' };
const KANGLE_THANKS = '热心助老献真情';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

/**
 * A screenshot once Taro's page slide has finished (a page just opened is still moving in
 * when its text is already there); endless animations (spinners) are not waited for.
 */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  await screenshot(page, name);
}

async function likeCount(page: Page): Promise<number> {
  return Number((await page.locator('.lt-hn-like__number').first().innerText()).trim());
}

describe('a resident reads the 2020 光荣榜', () => {
  it('opens the list from 首页, likes 李卫东, and after a reload the like is kept', async () => {
    const { page } = await e2e.phone();
    // A resident of this test alone, so no other test's like is in the count.
    await signInAs(page, 'honors-reader');
    await go(page, HOME);
    await page.locator('.lt-entry-tile').filter({ hasText: '光荣榜' }).click();
    await page.getByText('2020年', { exact: true }).waitFor();
    await shot(page, 'honors-index');

    await page.getByText('2020年度乡村光荣榜').click();
    // Entries under their categories, in the list's order.
    await page.locator('.lt-hn-entry').filter({ hasText: HUSBAND.name }).waitFor();
    const categories = await page.locator('.lt-hn-category').allInnerTexts();
    expect(categories.map((c) => c.trim())).toEqual(['好丈夫', '好媳妇', '文明家庭', '最美志愿者']);
    await expect(page.locator('.lt-hn-entry').filter({ hasText: HUSBAND.name }).innerText()).resolves.toContain('朝阳社区');
    await shot(page, 'honors-list');

    await page.locator('.lt-hn-entry').filter({ hasText: HUSBAND.name }).click();
    await page.getByText(HUSBAND.story, { exact: false }).waitFor();
    const before = await likeCount(page);
    await tap(page, /^为TA点赞$/);
    await page.getByText('✓ 您已点赞').waitFor();
    expect(await likeCount(page)).toBe(before + 1);
    await shot(page, 'honors-entry');

    // The host keeps it: after a reload the count and 已点赞 are still there.
    await page.reload();
    await page.getByText('✓ 您已点赞').waitFor();
    expect(await likeCount(page)).toBe(before + 1);
    expect(await page.locator('.nut-button').filter({ hasText: '为TA点赞' }).count()).toBe(0);

    const neighbour = await apiAs(e2e, 'resident2');
    const seen = await neighbour.call<{ likes: number; likedByMe: boolean }>('honors.entry', { id: HUSBAND.id });
    expect(seen).toMatchObject({ likes: before + 1, likedByMe: false });
  });

  it('draws a poster with the mini-program code and offers it to save', async () => {
    const { page } = await e2e.phone();
    await go(page, entry(HUSBAND.id));
    await tap(page, '生成海报');
    const poster = page.locator('.lt-hn-poster img');
    await poster.waitFor();
    expect(await poster.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    // The drawing is the full poster (1200×1840), not an empty canvas.
    const size = await poster.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(size).toEqual([1200, 1840]);
    await page.getByText('手机上长按海报图片').waitFor();
    await page.locator('.nut-button').filter({ hasText: '下载海报图片' }).waitFor();
    await shot(page, 'honors-poster');
  });

  it('a card opened from a share counts once for the sharer; liking on it does not count again', async () => {
    const grid = await apiAs(e2e, 'grid');
    const { page } = await phoneAs(e2e, 'resident3');
    await go(page, entry(HUSBAND.id, grid.userId));
    await page.getByText(HUSBAND.story, { exact: false }).waitFor();
    // shares.mine does not report honor visits yet, so the host's own count is read.
    const visits = () => countShareVisits(e2e.linli.services.db, grid.userId, 'honor', HUSBAND.id);
    expect(await visits()).toBe(1);
    // Liking reloads nothing that carries the sharer again.
    await tap(page, /^为TA点赞$/);
    await page.getByText('✓ 您已点赞').waitFor();
    expect(await visits()).toBe(1);
  });
});

describe('nominating for next year', () => {
  it('a resident nominates a neighbour, and sees the admin’s decline with its reason', async () => {
    const { page } = await phoneAs(e2e, 'honors-nominator');
    await go(page, NOMINATE);
    // Too short a reason: the host's message stands under the field.
    await page.locator('#lt-form-field-nomineeName input').fill('张秀英');
    await page.locator('.lt-form-choice').filter({ hasText: '最美志愿者' }).click();
    await page.locator('textarea').first().fill('热心肠');
    await tap(page, '提交推荐');
    await page.locator('#lt-form-field-reason .lt-form-error').filter({ hasText: '至少10个字' }).waitFor();
    // No home community yet: it has to be chosen on the form.
    await page.locator('.lt-form-choice').filter({ hasText: '朝阳社区' }).click();
    await page.locator('textarea').first().fill('每天早上义务打扫楼道，十年如一日。');
    await tap(page, '提交推荐');
    await page.getByText('推荐已提交').waitFor();
    await tap(page, '看我的推荐');
    await page.getByText('待审核').waitFor();

    const admin = await apiAs(e2e, 'admin');
    const pending = await admin.call<Array<{ id: string; nomineeName: string }>>('honors.nominations', {});
    const mine = pending.find((n) => n.nomineeName === '张秀英')!;
    await admin.call('honors.reviewNomination', { id: mine.id, decision: 'decline', reason: '今年名额已满，明年优先考虑' });

    await go(page, MY_NOMINATIONS);
    await page.getByText('未入选', { exact: true }).waitFor();
    await page.getByText('未入选的原因：今年名额已满，明年优先考虑').waitFor();
    await shot(page, 'honors-nominations');
  });
});

describe('the thank-you wall', () => {
  it('a resident thanks 刘建国 with a banner photo; once the admin approves, it is on the wall and in his 我收到的感谢', async () => {
    const text = `刘师傅帮我家老人办好了高龄津贴，谢谢！${Date.now()}`;
    const { page } = await phoneAs(e2e, 'resident');
    await go(page, WALL);
    await page.getByText(KANGLE_THANKS, { exact: false }).waitFor();
    await tap(page, '写感谢');
    // 王秀兰's community is chosen for her; its staff are offered by name.
    await page.locator('.lt-form-choice').filter({ hasText: '刘建国' }).click();
    await page.locator('textarea').first().fill(text);
    const banner = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#b3261e' } }).png().toBuffer();
    await page.locator('input[type=file]').setInputFiles({ name: 'banner.png', mimeType: 'image/png', buffer: banner });
    await page.getByText('已上传').waitFor();
    await shot(page, 'honors-thanks-write');
    await tap(page, '提交感谢');
    await page.getByText('感谢已提交（待审核）').waitFor();

    // Not on the wall before the review.
    const anonymousWall = async () => (await (await apiAs(e2e, 'resident2')).call<{ items: { text: string }[] }>('thanks.list', {})).items;
    expect((await anonymousWall()).map((i) => i.text)).not.toContain(text);

    const admin = await apiAs(e2e, 'admin');
    const queue = await admin.call<Array<{ id: string; text: string }>>('thanks.queue');
    const post = queue.find((p) => p.text === text)!;
    expect(post).toBeTruthy();
    await admin.call('thanks.review', { id: post.id, decision: 'approve' });

    await tap(page, '回到感谢墙');
    const card = page.locator('.lt-hn-thanks').filter({ hasText: text });
    await card.waitFor();
    await expect(card.innerText()).resolves.toContain('致 刘建国（社区工作人员）');
    await card.locator('.lt-hn-thanks__photo').waitFor();
    await shot(page, 'honors-thanks-wall');

    const { page: gridPage } = await e2e.phone();
    await signInAs(gridPage, 'grid');
    await openMe(gridPage);
    await gridPage.getByText('我收到的感谢').click();
    await gridPage.locator('.lt-hn-thanks').filter({ hasText: text }).waitFor();
    await shot(gridPage, 'honors-thanks-received');
  });

  it('a resident reports a post inside the page, with a reason', async () => {
    const { page } = await phoneAs(e2e, 'honors-reporter');
    await go(page, WALL);
    const card = page.locator('.lt-hn-thanks').filter({ hasText: KANGLE_THANKS });
    await card.locator('.lt-hn-thanks__report').click();
    await card.getByText('举报这条感谢').waitFor();
    await card.locator('.lt-form-choice').filter({ hasText: '内容不实' }).click();
    await card.locator('.nut-button').filter({ hasText: '提交举报' }).click();
    await card.getByText('已收到您的举报').waitFor();
    // One report does not hide it (three do, after which the community reviews it).
    const wall = await (await apiAs(e2e, 'resident2')).call<{ items: { id: string }[] }>('thanks.list', {});
    expect(wall.items.map((i) => i.id)).toContain('demo-thanks-kangle');
  });
});

describe('in 长辈模式 at 375 wide', () => {
  const pages: { name: string; route: string; ready: string; then?: (page: Page) => Promise<void> }[] = [
    { name: 'index', route: HONORS, ready: '2020年度乡村光荣榜' },
    { name: 'list', route: LIST_2020, ready: HUSBAND.name },
    { name: 'entry', route: entry(HUSBAND.id), ready: HUSBAND.story },
    {
      name: 'thanks-wall',
      route: WALL,
      ready: KANGLE_THANKS,
      // The report form opens inside the page: it is measured too.
      then: async (page) => {
        await page.locator('.lt-hn-thanks__report').first().click();
        await page.getByText('举报这条感谢').waitFor();
      },
    },
    // 孙桂芳 lives in 康乐社区: its staff are offered.
    { name: 'thanks-write', route: WRITE, ready: '周丽' },
    { name: 'nominate', route: NOMINATE, ready: '推荐理由' },
  ];

  it.each(pages)('$name has no text under 18px, body text of 22px, and no tap target under 60×60', async ({ name, route, ready, then }) => {
    const { page } = await phoneAs(e2e, 'resident3', { careMode: true });
    await go(page, route);
    await page.getByText(ready, { exact: false }).first().waitFor();
    if (then) await then(page);
    const result = await careModeViolations(page);
    await shot(page, `honors-${name}-care`);
    expect(result.smallText).toEqual([]);
    expect(result.smallTargets).toEqual([]);
    expect(result.bodySize).toBeGreaterThanOrEqual(22);
  });

  it('the poster page', async () => {
    const { page } = await e2e.phone({ careMode: true });
    await go(page, POSTER);
    await page.locator('.lt-hn-poster img').waitFor();
    const result = await careModeViolations(page);
    await shot(page, 'honors-poster-care');
    expect(result.smallText).toEqual([]);
    expect(result.smallTargets).toEqual([]);
  });
});
