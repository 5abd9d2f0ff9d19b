import { startTestLinli, type TestLinli } from '../testing/linli';
import { contentVersion } from './content-versions';
import { openDatabase } from './dialect';

/**
 * The versions kept replies are checked against (migration 026) count what committed, and
 * only what a list shows: group-commit batches (a request rolled back to its savepoint, the
 * others committed with it) and changes no list shows.
 */
let linli: TestLinli;
beforeAll(async () => {
  linli = await startTestLinli();
});
afterAll(() => linli.stop());

const versions = async () => ({ feed: await contentVersion(linli.services.db, 'feed'), events: await contentVersion(linli.services.db, 'events') });

it('a request rolled back inside a group-commit batch bumps nothing; the one committed with it bumps its own', async () => {
  const db = linli.services.db;
  const article = await db.selectFrom('articles').select('id').where('status', '=', 'published').executeTakeFirstOrThrow();
  const event = await db.selectFrom('events').select('id').executeTakeFirstOrThrow();
  const batched = openDatabase(linli.testDatabase.url, { groupCommit: { maxJobs: 32, maxMs: 50 } });
  try {
    const before = await versions();
    const refused = batched.db.transaction().execute(async (tx) => {
      await tx.updateTable('articles').set({ title: '不会留下的标题' }).where('id', '=', article.id).execute();
      throw new Error('refused');
    });
    const stored = batched.db.transaction().execute(async (tx) => {
      await tx.updateTable('events').set({ title: '批量提交里改的标题' }).where('id', '=', event.id).execute();
    });
    await expect(refused).rejects.toThrow('refused');
    await stored;
    expect(await versions()).toEqual({ feed: before.feed, events: before.events! + 1 });
  } finally {
    await batched.close();
  }
});

it('a change no list shows bumps nothing: a check-in, volunteer places, an article body', async () => {
  const db = linli.services.db;
  const before = await versions();
  const article = await db.selectFrom('articles').select('id').executeTakeFirstOrThrow();
  await db.updateTable('articles').set({ body_html: '<p>只改正文</p>', updated_at: new Date().toISOString() }).where('id', '=', article.id).execute();
  const event = await db.selectFrom('events').select('id').executeTakeFirstOrThrow();
  await db.updateTable('events').set({ volunteer_capacity: 5, updated_at: new Date().toISOString() }).where('id', '=', event.id).execute();
  await db.updateTable('event_registrations').set({ checked_in_at: new Date().toISOString() }).where('status', '=', 'confirmed').execute();
  expect(await versions()).toEqual(before);
  await db.updateTable('articles').set({ summary: '改了摘要' }).where('id', '=', article.id).execute();
  expect((await versions()).feed).toBe(before.feed! + 1);
});

it('a missing shard row keeps nothing (a bump to it would be lost and a sum could repeat)', async () => {
  const db = linli.services.db;
  const row = await db.selectFrom('content_versions').selectAll().where('shard', '=', 3).executeTakeFirstOrThrow();
  await db.deleteFrom('content_versions').where('shard', '=', 3).execute();
  try {
    expect(await versions()).toEqual({ feed: undefined, events: undefined });
  } finally {
    await db.insertInto('content_versions').values(row).execute();
  }
  expect((await versions()).feed).toEqual(expect.any(Number));
});
