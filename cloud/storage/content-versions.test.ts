import { listPublished } from '../articles/articles.storage';
import { toSummary } from '../articles/lib/article-view';
import { listEventRows } from '../events/events.storage';
import { toEventSummary } from '../events/lib/event-view';
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

/** Another value of the same kind: what an edit, an import or an operator could write. */
function another(column: string, value: unknown): unknown {
  if (column === 'scope_id') return value === 'kangle' ? 'chaoyang' : 'kangle';
  if (column === 'created_by') return null;
  if (typeof value === 'number') return value === 0 ? 1 : 0;
  if (typeof value === 'string') return /^\d{4}-\d\d-\d\dT/.test(value) ? new Date(Date.parse(value) - 60_000).toISOString() : `${value}改`;
  // Empty now: a count, a time, or a text.
  if (/^(attendance|residents_served)$/.test(column)) return 1;
  return column.endsWith('_at') ? '2026-03-20T00:00:00.000Z' : '新填的内容';
}

it('every column of an article or an event whose change shows in its list bumps that list', async () => {
  const db = linli.services.db;
  const now = linli.clock.now();
  const scopeIds = ['chaoyang', 'shangjie'];
  const feed = async () => JSON.stringify((await listPublished(db, { now, scopeIds, limit: 51 })).map((r) => toSummary(r, now)));
  const upcoming = async () => JSON.stringify((await listEventRows(db, { when: 'upcoming', now, scopeIds, limit: 51 })).map((r) => toEventSummary(r, now)));
  const cases = [
    { table: 'articles' as const, list: feed, name: 'feed' as const, row: await db.selectFrom('articles').selectAll().where('status', '=', 'published').where('scope_id', '=', 'chaoyang').orderBy('id').executeTakeFirstOrThrow() },
    { table: 'events' as const, list: upcoming, name: 'events' as const, row: await db.selectFrom('events').selectAll().where('state', '=', 'published').where('starts_at', '>', now.toISOString()).where('scope_id', 'in', scopeIds).orderBy('starts_at').orderBy('id').executeTakeFirstOrThrow() },
  ];
  const shown: string[] = [];
  for (const { table, list, name, row } of cases) {
    for (const [column, value] of Object.entries(row)) {
      if (column === 'id') continue;
      const before = { shown: await list(), version: (await versions())[name]! };
      await db.updateTable(table).set({ [column]: another(column, value) } as never).where('id', '=', row.id).execute();
      const after = { shown: await list(), version: (await versions())[name]! };
      await db.updateTable(table).set({ [column]: value } as never).where('id', '=', row.id).execute();
      if (after.shown !== before.shown) {
        shown.push(`${table}.${column}`);
        expect({ column, bumped: after.version > before.version }).toEqual({ column, bumped: true });
      }
    }
  }
  // The test saw the columns the lists show (it would pass vacuously otherwise).
  expect(shown).toEqual(expect.arrayContaining(['articles.title', 'articles.pinned', 'articles.publish_at', 'events.title', 'events.confirmed_count', 'events.starts_at']));
});
