import sharp from 'sharp';
import { ERRORS } from '../../types';
import type { CreateArticleInput } from '../../types/articles';
import type { z } from 'zod';
import { DAY, HOUR } from '../core/clock';
import { anonymous, errorCodeOf, signIn, signInConsole, startTestLinli, type TestLinli } from '../testing/linli';
import { countShareVisits } from '../shares/shares.storage';
import { interleaved, residentOf, staffOf } from '../testing/interleave';
import { uploadAs } from '../testing/upload';
import updateArticle from './update-article';
import { hasPledged } from './articles.storage';
import pledgeArticle from './pledge-article';

let linli: TestLinli;
beforeAll(async () => {
  linli = await startTestLinli();
});
afterAll(() => linli.stop());

const draft = (over: Partial<z.input<typeof CreateArticleInput>> = {}): z.input<typeof CreateArticleInput> => ({
  title: '朝阳社区免费理发进楼院',
  summary: '周六上午在社区广场',
  bodyHtml: '<p>志愿者为老人免费理发。</p>',
  category: '通知公告',
  scopeId: 'chaoyang',
  ...over,
});

describe('reading the feed', () => {
  it('shows a community its own items and the district-wide ones, pinned first, newest first', async () => {
    const { items } = await anonymous.call('articles.list', { communityId: 'chaoyang' });
    const scopes = new Set(items.map((i) => i.scopeId));
    expect(scopes).toEqual(new Set(['chaoyang', 'shangjie']));
    const firstUnpinned = items.findIndex((i) => !i.pinned);
    expect(items.slice(firstUnpinned).every((i) => !i.pinned)).toBe(true);
    const times = items.slice(firstUnpinned).map((i) => i.publishAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('pages with a cursor without repeating or skipping an item', async () => {
    const all = (await anonymous.call('articles.list', { limit: 50 })).items.map((i) => i.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await anonymous.call('articles.list', { limit: 4, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(12);
  });

  it("pages a community's feed (its items and the district's, merged) without repeating or skipping an item", async () => {
    const all = (await anonymous.call('articles.list', { communityId: 'chaoyang', limit: 50 })).items;
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await anonymous.call('articles.list', { communityId: 'chaoyang', limit: 3, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.map((i) => i.id));
    expect(new Set(all.map((i) => i.scopeId))).toEqual(new Set(['chaoyang', 'shangjie']));
    expect(all.length).toBeGreaterThan(3);
  });

  it('leaves the pinned items out of the feed below them, and says which are district-wide', async () => {
    const { items } = await anonymous.call('articles.list', { communityId: 'chaoyang', excludePinned: true, limit: 50 });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => !i.pinned)).toBe(true);
    expect(items.find((i) => i.scopeId === 'shangjie')?.scopeLevel).toBe('district');
    expect(items.find((i) => i.scopeId === 'chaoyang')?.scopeLevel).toBe('community');
  });

  it('filters by category', async () => {
    const { items } = await anonymous.call('articles.list', { category: '倡议' });
    expect(items.map((i) => i.title)).toEqual([expect.stringContaining('节水爱水')]);
    // 东方社区's neighbours have pledged in the demo data (cloud/demo/stories.ts).
    expect(items[0]!.pledgeCount).toBe(37);
  });

  it('answers a tampered cursor with a coded error', async () => {
    expect(await errorCodeOf(anonymous.call('articles.list', { cursor: 'bm9wZQ' }))).toBe(ERRORS.INVALID_INPUT.code);
  });
});

describe('writing, scheduling and scoping', () => {
  it('a draft is invisible to readers until published', async () => {
    const admin = await signIn('admin');
    const article = await admin.call('articles.create', draft());
    expect(article.status).toBe('draft');
    expect(await errorCodeOf(anonymous.call('articles.get', { id: article.id }))).toBe(ERRORS.NOT_FOUND.code);
    await admin.call('articles.publish', { id: article.id });
    expect((await anonymous.call('articles.get', { id: article.id })).title).toBe('朝阳社区免费理发进楼院');
  });

  it("a signed-in resident reads no draft, scheduled or withdrawn item, of their community or another, and another community's items stay out of their feed", async () => {
    const admin = await signIn('admin');
    const kangle = await signInConsole('kangle-admin', 'Linli2026dev');
    const resident = await signIn('resident');
    const ownDraft = await admin.call('articles.create', draft({ title: '朝阳草稿' }));
    const otherDraft = await kangle.call('articles.create', draft({ title: '康乐草稿', scopeId: 'kangle' }));
    const scheduled = await admin.call('articles.create', draft({ title: '朝阳定时' }));
    await admin.call('articles.publish', { id: scheduled.id, at: new Date(linli.clock.now().getTime() + 3 * HOUR) });
    const otherPublished = await kangle.call('articles.create', draft({ title: '康乐已发布', scopeId: 'kangle' }));
    await kangle.call('articles.publish', { id: otherPublished.id });
    const withdrawn = await admin.call('articles.create', draft({ title: '朝阳已撤下' }));
    await admin.call('articles.publish', { id: withdrawn.id });
    await admin.call('articles.unpublish', { id: withdrawn.id });
    const hidden = [ownDraft.id, otherDraft.id, scheduled.id, withdrawn.id];
    for (const id of hidden) expect(await errorCodeOf(resident.call('articles.get', { id }))).toBe(ERRORS.NOT_FOUND.code);
    const feed = async (communityId?: string) => (await resident.call('articles.list', { ...(communityId && { communityId }), limit: 50 })).items.map((i) => i.id);
    const mine = await feed('chaoyang');
    expect([...hidden, otherPublished.id].filter((id) => mine.includes(id))).toEqual([]);
    const everywhere = await feed();
    expect(hidden.filter((id) => everywhere.includes(id))).toEqual([]);
    expect(await feed('kangle')).toContain(otherPublished.id);
  });

  it('a scheduled item appears when its time comes, not before', async () => {
    const admin = await signIn('admin');
    const article = await admin.call('articles.create', draft({ title: '下周义诊预告' }));
    const at = new Date(linli.clock.now().getTime() + 2 * HOUR);
    expect((await admin.call('articles.publish', { id: article.id, at })).status).toBe('scheduled');
    const ids = async () => (await anonymous.call('articles.list', { communityId: 'chaoyang', limit: 50 })).items.map((i) => i.id);
    expect(await ids()).not.toContain(article.id);
    linli.clock.advance(2 * HOUR);
    expect(await ids()).toContain(article.id);
    linli.clock.advance(-2 * HOUR);
  });

  it('refuses scheduling more than 90 days ahead', async () => {
    const admin = await signIn('admin');
    const article = await admin.call('articles.create', draft());
    const at = new Date(linli.clock.now().getTime() + 91 * DAY);
    expect(await errorCodeOf(admin.call('articles.publish', { id: article.id, at }))).toBe(ERRORS.INVALID_INPUT.code);
  });

  it('unpublishing takes an item off the feed', async () => {
    const admin = await signIn('admin');
    const article = await admin.call('articles.create', draft({ title: '临时停水通知' }));
    await admin.call('articles.publish', { id: article.id });
    await admin.call('articles.unpublish', { id: article.id });
    expect(await errorCodeOf(anonymous.call('articles.get', { id: article.id }))).toBe(ERRORS.NOT_FOUND.code);
  });

  it("a community admin cannot write for another community or for the district, nor touch another's drafts", async () => {
    const admin = await signIn('admin');
    expect(await errorCodeOf(admin.call('articles.create', draft({ scopeId: 'kangle' })))).toBe(ERRORS.OUT_OF_SCOPE.code);
    expect(await errorCodeOf(admin.call('articles.create', draft({ scopeId: 'shangjie' })))).toBe(ERRORS.OUT_OF_SCOPE.code);
    const kangle = await signInConsole('kangle-admin', 'Linli2026dev');
    const theirs = await kangle.call('articles.create', draft({ scopeId: 'kangle' }));
    expect(await errorCodeOf(admin.call('articles.publish', { id: theirs.id }))).toBe(ERRORS.NOT_FOUND.code);
    expect(await errorCodeOf(admin.call('articles.get', { id: theirs.id }))).toBe(ERRORS.NOT_FOUND.code);
    const district = await signIn('district');
    expect((await district.call('articles.get', { id: theirs.id })).canEdit).toBe(true);
  });

  it('a resident cannot publish at all', async () => {
    const resident = await signIn('resident');
    expect(await errorCodeOf(resident.call('articles.create', draft()))).toBe(ERRORS.ROLE_REQUIRED.code);
  });
});

describe('sanitizing the body', () => {
  it('a <script>, onerror= or javascript: link never reaches a reader', async () => {
    const admin = await signIn('admin');
    const article = await admin.call(
      'articles.create',
      draft({
        bodyHtml:
          '<p onclick="steal()">你好<script>alert(1)</script></p><img src="https://x.test/a.png" onerror="alert(2)"><a href="javascript:alert(3)">点我</a><iframe src="https://evil.test"></iframe><p style="color:red">红字</p>',
      }),
    );
    await admin.call('articles.publish', { id: article.id });
    const read = await anonymous.call('articles.get', { id: article.id });
    expect(read.bodyHtml).not.toMatch(/script|onerror|onclick|javascript:|iframe|style=/i);
    expect(read.bodyHtml).toContain('<p>你好</p>');
    expect(read.bodyHtml).toContain('<img src="https://x.test/a.png" />');
  });

  it('a body that is nothing but script is refused, keeping nothing', async () => {
    const admin = await signIn('admin');
    expect(await errorCodeOf(admin.call('articles.create', draft({ bodyHtml: '<script>alert(1)</script>' })))).toBe(ERRORS.INVALID_INPUT.code);
  });
});

describe('pledges', () => {
  it('one per resident, idempotent even when tapped many times at once; the count is exact', async () => {
    const campaign = 'demo-dongfang-water';
    const resident = await signIn('pledger-1');
    const before = (await resident.call('articles.get', { id: campaign })).pledge!;
    expect(before.pledgedByMe).toBe(false);
    const results = await Promise.all(Array.from({ length: 8 }, () => resident.call('articles.pledge', { id: campaign })));
    expect(new Set(results.map((r) => r.count))).toEqual(new Set([before.count + 1]));
    const others = await Promise.all(['pledger-2', 'pledger-3', 'pledger-4'].map(signIn));
    await Promise.all(others.map((o) => o.call('articles.pledge', { id: campaign })));
    const after = (await resident.call('articles.get', { id: campaign })).pledge!;
    expect(after).toMatchObject({ count: before.count + 4, pledgedByMe: true });
    expect((await anonymous.call('articles.get', { id: campaign })).pledge!.pledgedByMe).toBe(false);
  });

  it('an article without a pledge refuses one', async () => {
    const resident = await signIn('resident');
    expect(await errorCodeOf(resident.call('articles.pledge', { id: 'demo-fire-truck' }))).toBe(ERRORS.NOT_FOUND.code);
  });

  it('a pledge checked before the article was unpublished is refused and not kept', async () => {
    const admin = await signIn('admin');
    const resident = await signIn('pledger-late');
    const campaign = await admin.call('articles.create', draft({ title: '垃圾分类倡议', category: '倡议', pledgePrompt: '我承诺垃圾分类' }));
    await admin.call('articles.publish', { id: campaign.id });
    const services = interleaved(linli.services, () => admin.call('articles.unpublish', { id: campaign.id }));
    const pledge = pledgeArticle.handler({ id: campaign.id }, { services, caller: residentOf(resident), ip: '127.0.0.1' });
    expect(await errorCodeOf(pledge)).toBe(ERRORS.NOT_FOUND.code);
    expect(services.interleaved()).toBe(true);
    expect(await hasPledged(linli.services.db, campaign.id, resident.userId!)).toBe(false);
    expect((await admin.call('articles.get', { id: campaign.id })).pledge).toMatchObject({ count: 0 });
  });

  it('a pledge added while another edit moved the article out of 倡议 is refused, and the article keeps none', async () => {
    const admin = await signIn('admin');
    const article = await admin.call('articles.create', draft({ title: '节约粮食倡议', category: '倡议' }));
    const services = interleaved(linli.services, () => admin.call('articles.update', { id: article.id, category: '通知公告' }));
    const edit = updateArticle.handler({ id: article.id, pledgePrompt: '我承诺光盘行动' }, { services, caller: await staffOf(linli.services, admin), ip: '127.0.0.1' });
    expect(await errorCodeOf(edit)).toBe(ERRORS.INVALID_INPUT.code);
    expect(services.interleaved()).toBe(true);
    expect(await admin.call('articles.get', { id: article.id })).toMatchObject({ category: '通知公告', pledge: null });
  });

  it('only a 倡议 can carry a pledge', async () => {
    const admin = await signIn('admin');
    expect(await errorCodeOf(admin.call('articles.create', draft({ pledgePrompt: '我承诺' })))).toBe(ERRORS.INVALID_INPUT.code);
  });
});

describe('share cards', () => {
  it('opening a shared card records the sharer; a forged or own sharer counts nothing', async () => {
    const grid = await signIn('grid');
    const neighbour = await signIn('neighbour-1');
    await neighbour.call('articles.get', { id: 'demo-chaoyang-center', sharer: grid.userId });
    // Reloading the page counts once.
    await neighbour.call('articles.get', { id: 'demo-chaoyang-center', sharer: grid.userId });
    await anonymous.call('articles.get', { id: 'demo-chaoyang-center', sharer: grid.userId });
    await grid.call('articles.get', { id: 'demo-chaoyang-center', sharer: grid.userId });
    await neighbour.call('articles.get', { id: 'demo-chaoyang-center', sharer: 'forged-user' });
    expect(await countShareVisits(linli.services.db, grid.userId!, 'article', 'demo-chaoyang-center')).toBe(2);
  });
});

describe('the console list', () => {
  it('shows an admin their drafts and scheduled items with a total, and nothing of other communities', async () => {
    const admin = await signIn('admin');
    const draftOne = await admin.call('articles.create', draft({ title: '后台草稿一号' }));
    const scheduled = await admin.call('articles.create', draft({ title: '后台定时二号' }));
    await admin.call('articles.publish', { id: scheduled.id, at: new Date(linli.clock.now().getTime() + DAY) });
    const drafts = await admin.call('articles.adminList', { status: 'draft', pageSize: 100 });
    expect(drafts.items.map((i) => i.id)).toContain(draftOne.id);
    expect(drafts.items.every((i) => i.status === 'draft' && i.scopeId === 'chaoyang')).toBe(true);
    expect((await admin.call('articles.adminList', { status: 'scheduled' })).items.map((i) => i.id)).toContain(scheduled.id);
    const page1 = await admin.call('articles.adminList', { pageSize: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThan(2);
    const kangle = await signInConsole('kangle-admin', 'Linli2026dev');
    expect((await kangle.call('articles.adminList', { pageSize: 100 })).items.map((i) => i.id)).not.toContain(draftOne.id);
  });
});

describe('a cover image uploaded like a photo', () => {
  const upload = (token: string, bytes: Buffer, type?: string) => uploadAs(linli, { token }, bytes, type);
  const cover = (background: string) =>
    sharp({ create: { width: 96, height: 54, channels: 3, background } })
      .jpeg()
      .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Secret Model X' } })
      .toBuffer();
  const fetchPublic = (url: string) => fetch(linli.url + url.replace(/\?.*$/, ''));

  it('is re-encoded, shown to the editor while a draft, and public only once the article is published', async () => {
    const admin = await signIn('admin');
    const { body } = await upload(admin.token!, await cover('#c33'));
    const article = await admin.call('articles.create', draft({ title: '封面图测试', coverId: body.result!.id }));
    // The editor previews the draft's cover through a signed link; the public link is not served yet.
    const preview = await fetch(linli.url + article.coverUrl!);
    expect(preview.status).toBe(200);
    const stored = Buffer.from(await preview.arrayBuffer());
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(stored.includes(Buffer.from('Secret Model X'))).toBe(false);
    expect((await fetchPublic(article.coverUrl!)).status).toBe(404);

    await admin.call('articles.publish', { id: article.id });
    const read = await anonymous.call('articles.get', { id: article.id });
    expect(read.coverUrl).toBe(`/api/files/${body.result!.id}`);
    expect((await fetch(linli.url + read.coverUrl!)).status).toBe(200);
    const { items } = await anonymous.call('articles.list', { communityId: 'chaoyang' });
    expect(items.find((i) => i.id === article.id)?.coverUrl).toBe(read.coverUrl);
  });

  it('is replaced or removed, and the old picture stops being served with the article', async () => {
    const admin = await signIn('admin');
    const first = (await upload(admin.token!, await cover('#3a7'))).body.result!.id;
    const article = await admin.call('articles.create', draft({ title: '换封面', coverId: first }));
    await admin.call('articles.publish', { id: article.id });
    expect((await fetch(`${linli.url}/api/files/${first}`)).status).toBe(200);

    const second = (await upload(admin.token!, await cover('#37a'))).body.result!.id;
    await admin.call('articles.update', { id: article.id, coverId: second });
    expect((await anonymous.call('articles.get', { id: article.id })).coverUrl).toBe(`/api/files/${second}`);
    expect((await fetch(`${linli.url}/api/files/${first}`)).status).toBe(404);
    // The same cover sent again (a form saved without touching it) changes nothing.
    await admin.call('articles.update', { id: article.id, coverId: second, summary: '只改了摘要' });
    expect((await anonymous.call('articles.get', { id: article.id })).coverUrl).toBe(`/api/files/${second}`);

    await admin.call('articles.update', { id: article.id, coverId: null });
    expect((await anonymous.call('articles.get', { id: article.id })).coverUrl).toBeNull();
    expect((await fetch(`${linli.url}/api/files/${second}`)).status).toBe(404);
  });

  it("refuses what is not a photo, someone else's upload, or one already used, and writes nothing", async () => {
    const admin = await signIn('admin');
    const notAnImage = await upload(admin.token!, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml');
    expect(notAnImage.body.code).toBe(ERRORS.FILE_TYPE_NOT_ALLOWED.code);

    const resident = await signIn('resident');
    const theirs = (await upload(resident.token!, await cover('#777'))).body.result!.id;
    const before = (await admin.call('articles.adminList', {})).total;
    expect(await errorCodeOf(admin.call('articles.create', draft({ title: '借用别人的照片', coverId: theirs })))).toBe(ERRORS.FILE_UNUSABLE.code);
    expect((await admin.call('articles.adminList', {})).total).toBe(before);

    const used = (await upload(admin.token!, await cover('#a73'))).body.result!.id;
    const first = await admin.call('articles.create', draft({ title: '第一篇', coverId: used }));
    const second = await admin.call('articles.create', draft({ title: '第二篇' }));
    expect(await errorCodeOf(admin.call('articles.update', { id: second.id, coverId: used, title: '第二篇改了标题' }))).toBe(ERRORS.FILE_UNUSABLE.code);
    const unchanged = await admin.call('articles.get', { id: second.id });
    expect(unchanged).toMatchObject({ title: '第二篇', coverUrl: null });
    expect((await admin.call('articles.get', { id: first.id })).coverUrl).toContain(`/api/files/${used}?`);
  });
});
