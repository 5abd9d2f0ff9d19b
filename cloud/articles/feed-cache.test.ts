import type { ArticlePage } from '../../types/articles';
import { MINUTE } from '../core/clock';
import { KEPT_REPLY_MS, ReplyCache } from '../core/reply-cache';
import { contentVersion } from '../storage/content-versions';
import { changeBehindVersion, withoutVersions } from '../testing/content-versions';
import { functions } from '../functions';
import { listPublished } from './articles.storage';
import { feedTops } from './list-articles';
import { callAt, signIn, twoHostsForThisFile } from '../testing/linli';

/**
 * Each host keeps the feed's first pages (list-articles.ts, cloud/core/reply-cache.ts). Behind
 * a load balancer the change and the next read land on different hosts: every change must show
 * on the other host at its next read, whatever made it, and a scheduled item at its time.
 */
const hosts = twoHostsForThisFile();

/** articles.list on host B, anonymous: the status, content type and body as sent. */
const readOnB = (input: object) => callAt(hosts.hostB.url, hosts.linli.config, 'articles.list', input);

async function feedOnB(input: object = { communityId: 'chaoyang', limit: 50 }): Promise<ArticlePage['items']> {
  const reply = await readOnB(input);
  expect(reply.status).toBe(200);
  return (JSON.parse(reply.body) as { result: { items: ArticlePage['items'] } }).result.items;
}

const keptOnB = () => feedTops(hosts.hostB.services.db);

const draft = (title: string, pinned = false) => ({ title, pinned, summary: '周六上午在社区广场', bodyHtml: '<p>志愿者为老人免费理发。</p>', category: '通知公告' as const, scopeId: 'chaoyang' });

describe('a first page kept by host B', () => {
  it('is served again while its version is unchanged: a change made with the version set back is not seen', async () => {
    const [first] = await feedOnB();
    await feedOnB();
    expect(keptOnB().size).toBeGreaterThan(0);
    const db = hosts.linli.services.db;
    await changeBehindVersion(db, 'feed', () => db.updateTable('articles').set({ title: '未经触发器的改动' }).where('id', '=', first!.id).execute());
    // The kept page still shows the old title, so it was not read again.
    expect((await feedOnB())[0]!.title).toBe(first!.title);
    await db.updateTable('articles').set({ title: first!.title }).where('id', '=', first!.id).execute();
    expect((await feedOnB())[0]!.title).toBe(first!.title);
  });

  it('is sent byte for byte as Fastify sends the same page when nothing is kept, whatever its size', async () => {
    const sizes = [1, 3, 5, 20, 50];
    const read = async () => {
      const replies = [];
      for (const limit of sizes) replies.push(await readOnB({ communityId: 'chaoyang', limit }));
      return replies;
    };
    // Without its version rows nothing is kept, nothing is encoded ahead: Fastify's own encoding.
    const fresh = await withoutVersions(hosts.linli.services.db, read);
    expect([...(await read()), ...(await read())]).toEqual([...fresh, ...fresh]);
    expect(fresh[0]!.type).toBe('application/json; charset=utf-8');
  });

  it('cuts its pages and their cursors as the feed is: the next page follows on without a gap', async () => {
    const db = hosts.linli.services.db;
    const truth = (await listPublished(db, { now: hosts.hostB.clock.now(), scopeIds: ['chaoyang', 'shangjie'], limit: 51 })).map((r) => r.id);
    expect(truth.length).toBeGreaterThan(4);
    for (const limit of [1, 2, 3]) {
      await feedOnB({ communityId: 'chaoyang', limit });
      const first = JSON.parse((await readOnB({ communityId: 'chaoyang', limit })).body) as { result: ArticlePage };
      const next = JSON.parse((await readOnB({ communityId: 'chaoyang', limit, cursor: first.result.nextCursor })).body) as { result: ArticlePage };
      expect([...first.result.items, ...next.result.items].map((i) => i.id)).toEqual(truth.slice(0, 2 * limit));
    }
  });

  it('is used at most a minute, even with its version unchanged', async () => {
    const [first] = await feedOnB();
    const db = hosts.linli.services.db;
    await changeBehindVersion(db, 'feed', () => db.updateTable('articles').set({ title: '一分钟后才看得到' }).where('id', '=', first!.id).execute());
    hosts.hostB.clock.advance(KEPT_REPLY_MS - 1);
    expect((await feedOnB())[0]!.title).toBe(first!.title);
    hosts.hostB.clock.advance(1);
    expect((await feedOnB())[0]!.title).toBe('一分钟后才看得到');
    await db.updateTable('articles').set({ title: first!.title }).where('id', '=', first!.id).execute();
    hosts.hostB.clock.set(hosts.linli.clock.now());
  });
});

describe('every change on host A shows on host B at its next read', () => {
  it('a published, edited, pinned, withdrawn article', async () => {
    await feedOnB();
    const article = await hosts.admin.call('articles.create', draft('楼院议事会通知'));
    await hosts.admin.call('articles.publish', { id: article.id });
    expect((await feedOnB()).map((i) => i.id)).toContain(article.id);

    await hosts.admin.call('articles.update', { id: article.id, title: '楼院议事会改期通知' });
    expect((await feedOnB()).find((i) => i.id === article.id)?.title).toBe('楼院议事会改期通知');

    await hosts.admin.call('articles.update', { id: article.id, pinned: true });
    expect((await feedOnB())[0]!.id).toBe(article.id);

    await hosts.admin.call('articles.unpublish', { id: article.id });
    expect((await feedOnB()).map((i) => i.id)).not.toContain(article.id);
  });

  it('a pledge on a campaign changes the count its card shows', async () => {
    const campaign = await hosts.admin.call('articles.create', { ...draft('垃圾分类我先行'), category: '倡议', pledgePrompt: '我承诺做好垃圾分类' });
    await hosts.admin.call('articles.publish', { id: campaign.id });
    expect((await feedOnB()).find((i) => i.id === campaign.id)?.pledgeCount).toBe(0);
    const resident = await signIn('feed-cache-pledger');
    await resident.call('articles.pledge', { id: campaign.id });
    expect((await feedOnB()).find((i) => i.id === campaign.id)?.pledgeCount).toBe(1);
    // A second pledge by the same resident stores nothing, and empties no kept page.
    const version = () => contentVersion(hosts.linli.services.db, 'feed');
    const before = await version();
    await resident.call('articles.pledge', { id: campaign.id }).catch(() => undefined);
    expect(await version()).toBe(before);
  });

  it("an operator's SQL, a change no function made", async () => {
    const [first] = await feedOnB();
    await hosts.linli.services.db.updateTable('articles').set({ title: '运维直接改的标题' }).where('id', '=', first!.id).execute();
    expect((await feedOnB())[0]!.title).toBe('运维直接改的标题');
    await hosts.linli.services.db.updateTable('articles').set({ title: first!.title }).where('id', '=', first!.id).execute();
    expect((await feedOnB())[0]!.title).toBe(first!.title);
  });

  it("a community's new name", async () => {
    const before = (await feedOnB()).find((i) => i.scopeId === 'chaoyang')!;
    await hosts.linli.services.db.updateTable('regions').set({ name: '朝阳社区（新）' }).where('id', '=', 'chaoyang').execute();
    expect((await feedOnB()).find((i) => i.id === before.id)?.scopeName).toBe('朝阳社区（新）');
    await hosts.linli.services.db.updateTable('regions').set({ name: before.scopeName }).where('id', '=', 'chaoyang').execute();
    expect((await feedOnB()).find((i) => i.id === before.id)?.scopeName).toBe(before.scopeName);
  });
});

describe('time', () => {
  it('a scheduled article enters the kept page at its time, to the millisecond', async () => {
    const article = await hosts.admin.call('articles.create', draft('下周义诊预告（定时）'));
    // Within the minute a kept page may live at all, so only its own time limit can end it.
    const at = new Date(hosts.hostB.clock.now().getTime() + 30_000);
    await hosts.admin.call('articles.publish', { id: article.id, at });
    const ids = async () => (await feedOnB()).map((i) => i.id);
    expect(await ids()).not.toContain(article.id);
    expect(keptOnB().size).toBeGreaterThan(0);
    hosts.hostB.clock.set(new Date(at.getTime() - 1));
    expect(await ids()).not.toContain(article.id);
    hosts.hostB.clock.set(at);
    expect(await ids()).toContain(article.id);
    // A clock set back does not serve what was kept later.
    hosts.hostB.clock.set(new Date(at.getTime() - MINUTE));
    expect(await ids()).not.toContain(article.id);
    hosts.hostB.clock.set(hosts.linli.clock.now());
  });
});

describe('time, pinned', () => {
  it('a scheduled pinned article enters at its time too', async () => {
    const article = await hosts.admin.call('articles.create', draft('置顶定时：停水通知', true));
    const at = new Date(hosts.hostB.clock.now().getTime() + 20_000);
    await hosts.admin.call('articles.publish', { id: article.id, at });
    expect((await feedOnB()).map((i) => i.id)).not.toContain(article.id);
    hosts.hostB.clock.set(new Date(at.getTime() - 1));
    expect((await feedOnB()).map((i) => i.id)).not.toContain(article.id);
    hosts.hostB.clock.set(at);
    expect((await feedOnB())[0]!.id).toBe(article.id);
    hosts.hostB.clock.set(hosts.linli.clock.now());
  });
});

describe('what is kept', () => {
  it('never a page after a cursor; one top a feed whatever the page size', async () => {
    const page = JSON.parse((await readOnB({ communityId: 'chaoyang', limit: 2 })).body) as { result: ArticlePage };
    const before = keptOnB().size;
    await readOnB({ communityId: 'chaoyang', limit: 2, cursor: page.result.nextCursor });
    expect(keptOnB().size).toBe(before);
    for (let limit = 1; limit <= 50; limit++) expect((await readOnB({ communityId: 'chaoyang', limit })).status).toBe(200);
    expect(keptOnB().size).toBe(before);
  });

  it('uses the versions its request already read (with the session check) instead of reading them', async () => {
    const cache = new ReplyCache<{ n: number }>('feed', 4);
    const db = hosts.hostB.services.db;
    const now = hosts.hostB.clock.now();
    let loads = 0;
    const get = (known?: { feed: number | undefined; events: number | undefined }) =>
      cache.get(db, 'k', now, async () => ({ value: { n: ++loads }, validBefore: undefined }), undefined, known);
    await withoutVersions(db, async () => {
      // Read by the cache itself, the versions are missing: nothing is kept.
      expect(await get()).toEqual({ value: { n: 1 }, kept: false });
      expect(await get()).toEqual({ value: { n: 2 }, kept: false });
      // Given, they decide: kept under the feed's, served while it is given unchanged.
      expect(await get({ feed: 7, events: 1 })).toEqual({ value: { n: 3 }, kept: true });
      expect(await get({ feed: 7, events: 2 })).toEqual({ value: { n: 3 }, kept: true });
      expect(await get({ feed: 8, events: 2 })).toEqual({ value: { n: 4 }, kept: true });
      expect(await get({ feed: undefined, events: 2 })).toEqual({ value: { n: 5 }, kept: false });
    });
  });

  it('at most the entries it was made for, the least recently used dropped first', async () => {
    const cache = new ReplyCache<{ n: number }>('feed', 2);
    const db = hosts.hostB.services.db;
    const now = hosts.hostB.clock.now();
    let loads = 0;
    const get = async (key: string) => (await cache.get(db, key, now, async () => ({ value: { n: ++loads }, validBefore: undefined }))).value.n;
    expect([await get('a'), await get('b'), await get('a')]).toEqual([1, 2, 1]);
    await get('c'); // drops b, the least recently used
    expect(cache.size).toBe(2);
    expect(await get('a')).toBe(1);
    expect(await get('b')).toBe(4);
  });
});

describe('a first page read by a signed-in resident on host B', () => {
  let resident: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    resident = await signIn('feed-reader');
  });
  const feedSignedOnB = async () => {
    const reply = await callAt(hosts.hostB.url, hosts.linli.config, 'articles.list', { communityId: 'chaoyang', limit: 50 }, resident.token);
    expect(reply.status).toBe(200);
    return (JSON.parse(reply.body) as { result: ArticlePage }).result.items;
  };

  it('is served by the only functions whose session check reads the versions (the kept lists)', () => {
    const declared = functions.filter((f) => f.keptLists).map((f) => [f.contract.name, f.keptLists]);
    expect(declared).toEqual([
      ['articles.list', ['feed']],
      ['events.list', ['events']],
    ]);
  });

  it('is checked with the versions its session check read: a change on host A shows at once', async () => {
    // The second read finds the session in B's cache: its check reads the versions too.
    await feedSignedOnB();
    const [first] = await feedSignedOnB();
    expect(keptOnB().size).toBeGreaterThan(0);
    const db = hosts.linli.services.db;
    await db.updateTable('articles').set({ title: '签到读者也看得到' }).where('id', '=', first!.id).execute();
    try {
      expect((await feedSignedOnB())[0]!.title).toBe('签到读者也看得到');
      // The events' version moving does not make the feed's page be read again, and a
      // change of the feed behind its version is not seen: the feed's own version is the one compared.
      await changeBehindVersion(db, 'feed', () => db.updateTable('articles').set({ title: '未经触发器的改动' }).where('id', '=', first!.id).execute());
      await db.updateTable('content_versions').set((eb) => ({ events: eb('events', '+', 1) })).where('shard', '=', 0).execute();
      expect((await feedSignedOnB())[0]!.title).toBe('签到读者也看得到');
    } finally {
      await db.updateTable('articles').set({ title: first!.title }).where('id', '=', first!.id).execute();
    }
    expect((await feedSignedOnB())[0]!.title).toBe(first!.title);
  });

  it('keeps nothing while the versions are missing, signed in or not', async () => {
    await feedSignedOnB();
    const db = hosts.linli.services.db;
    const [first] = await feedSignedOnB();
    await withoutVersions(db, async () => {
      await feedSignedOnB();
      await changeBehindVersion(db, 'feed', () => db.updateTable('articles').set({ title: '没有版本时照读' }).where('id', '=', first!.id).execute());
      expect((await feedSignedOnB())[0]!.title).toBe('没有版本时照读');
      await db.updateTable('articles').set({ title: first!.title }).where('id', '=', first!.id).execute();
    });
  });
});
