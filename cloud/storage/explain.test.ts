import { sql, type KyselyPlugin, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { listPublished, nextScheduledPublish } from '../articles/articles.storage';
import { callerVersion, findLiveCaller } from '../auth/sessions.storage';
import { getAccount } from '../users/users.storage';
import { activeSuspension, bookSlot, getResourceRows, myBookingPage, stepsOf } from '../bookings/bookings.storage';
import { slotRequest } from '../bookings/lib/booking-plan';
import { shanghaiDay, shanghaiTime } from '../../types/time';
import { thanksRows } from '../honors/honors.storage';
import { visitsBySharer } from '../shares/shares.storage';
import { countSignupsBySharer, listEventRows, myEventRows, registerResident } from '../events/events.storage';
import { AS_FILED, filingFacts, petitionsOfSubmitter } from '../petitions/petitions.storage';
import { startTestLinli, type TestLinli } from '../testing/linli';
import { openDatabase, type Db } from './dialect';
import { analyze } from './migrate';

/**
 * Every list a resident pages through is planned as index ranges at scale: no full scan
 * of a table, and no sort of a table's rows (a sort of one page, or of one resident's own
 * rows found by an index, is fine). Checked on the plans each database makes for the
 * statements the storage functions really send, over tables with tens of thousands of rows
 * and fresh statistics.
 */
jest.setTimeout(300_000);

let linli: TestLinli;
let db: Db;
const ARTICLES = 20_000;
const EVENTS = 3_000;
const RESIDENT = 'explain-resident';

/** Copies of a template row, `n` of them, in batches. */
async function clone(table: string, template: object, n: number, change: (i: number) => Record<string, unknown>): Promise<void> {
  for (let i = 0; i < n; i += 500) {
    const rows = Array.from({ length: Math.min(500, n - i) }, (_, k) => ({ ...template, ...change(i + k) }));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await db.insertInto(table as any).values(rows as any).execute();
  }
}

beforeAll(async () => {
  linli = await startTestLinli();
  db = linli.services.db;
  const now = linli.clock.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const user = await db.selectFrom('users').selectAll().where('openid', 'is not', null).limit(1).executeTakeFirstOrThrow();
  await clone('users', user, 20_000, (i) => ({ id: i === 0 ? RESIDENT : `explain-u-${i}`, openid: `explain-openid-${i}`, username: null, phone_index: null }));
  const article = await db.selectFrom('articles').selectAll().limit(1).executeTakeFirstOrThrow();
  const scopes = ['chaoyang', 'shangjie', 'kangle', 'huifeng'];
  await clone('articles', article, ARTICLES, (i) => ({
    id: `explain-a-${i}`,
    scope_id: scopes[i % scopes.length]!,
    status: i % 50 === 0 ? 'draft' : 'published',
    pinned: i % 1000 === 0 ? 1 : 0,
    publish_at: iso(now - (ARTICLES - i) * 60_000),
  }));
  // Pledges at scale too, so the pledge count per row is planned as an index search.
  await clone('article_pledges', { created_at: iso(now) }, ARTICLES, (i) => ({ article_id: `explain-a-${i}`, user_id: `explain-u-${(i % 300) + 1}` }));
  const event = await db.selectFrom('events').selectAll().limit(1).executeTakeFirstOrThrow();
  await clone('events', event, EVENTS, (i) => ({
    id: `explain-e-${i}`,
    scope_id: scopes[i % scopes.length]!,
    state: 'published',
    starts_at: iso(now + (i - EVENTS / 2) * 3_600_000),
    ends_at: iso(now + (i - EVENTS / 2) * 3_600_000 + 7_200_000),
  }));
  const registration = {
    id: '',
    event_id: '',
    user_id: '',
    status: 'confirmed',
    waitlist_no: null,
    checkin_code: '',
    checked_in_at: null,
    checked_in_by: null,
    shared_by: null,
    created_at: iso(now),
    updated_at: iso(now),
  };
  // Each of 300 residents on 30 events; the resident whose list is checked among them.
  await clone('event_registrations', registration, 9_000, (i) => ({
    id: `explain-r-${i}`,
    event_id: `explain-e-${((i % 300) * 10 + Math.floor(i / 300) * 97) % EVENTS}`,
    user_id: i % 300 === 0 ? RESIDENT : `explain-u-${i % 300}`,
    checkin_code: `EXPLAIN${i}`,
    status: i % 3 === 0 ? 'waitlisted' : 'confirmed',
    waitlist_no: i % 3 === 0 ? i : null,
  }));
  const petition = {
    kind: 'request',
    category: '其他',
    title: '楼道灯坏了',
    description: '三号楼二单元楼道灯坏了一周',
    community_id: 'chaoyang',
    on_behalf_name: null,
    filed_by: null,
    phone_enc: 'x',
    phone_index: 'x',
    id_number_enc: null,
    anonymous: 0,
    location: null,
    ...AS_FILED,
    agent_id: null,
    accept_due_at: iso(now),
    updated_at: iso(now),
  };
  await clone('petitions', petition, 6_000, (i) => ({
    id: `explain-p-${i}`,
    submitter_id: i % 300 === 0 ? RESIDENT : `explain-u-${i % 300}`,
    agent_id: `explain-u-${1 + ((i * 13) % 2_999)}`,
    status: 'accepted',
    created_at: iso(now - i * 60_000),
  }));
  const booking = {
    resource_id: 'cy-painting',
    status: 'approved',
    step: null,
    purpose: '',
    party_size: 1,
    reject_reason: null,
    missing_materials: '[]',
    created_at: iso(now),
    updated_at: iso(now),
  };
  await clone('bookings', booking, 6_000, (i) => ({
    id: `explain-b-${i}`,
    user_id: i % 300 === 0 ? RESIDENT : `explain-u-${i % 300}`,
    slot_start: iso(now + (i - 3_000) * 3_600_000),
    slot_end: iso(now + (i - 3_000) * 3_600_000 + 3_600_000),
  }));
  // Thanks on the wall, 300 staff thanked, the checked resident among them (我收到的感谢).
  const thanks = {
    author_id: null,
    target_kind: 'staff',
    target_name: '刘建国',
    community_id: 'chaoyang',
    text: '谢谢您帮忙',
    photo_file_id: null,
    reject_reason: null,
    reviewed_by: null,
    reviewed_at: null,
  };
  await clone('thanks_posts', thanks, 6_000, (i) => ({
    id: `explain-t-${i}`,
    target_user_id: i % 300 === 0 ? RESIDENT : `explain-u-${i % 300}`,
    status: i % 10 === 0 ? 'pending' : 'approved',
    created_at: iso(now - i * 60_000),
  }));
  await analyze(db);
});

afterAll(async () => {
  await linli?.stop();
});

interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

/** The statements a storage function sends, captured as compiled. */
async function statementsOf(run: (db: Db) => Promise<unknown>): Promise<Captured[]> {
  // Only the statements that ran (a result came back for their query id): a subquery
  // embedded in a \`sql\` template (a JSON array of rows) passes through transformQuery too.
  const built = new Map<unknown, RootOperationNode>();
  const nodes: RootOperationNode[] = [];
  const capture: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      built.set(queryId, node);
      return node;
    },
    transformResult: async ({ result, queryId }) => {
      const node = built.get(queryId);
      if (node) nodes.push(node);
      return result as QueryResult<UnknownRow>;
    },
  };
  await run(db.withPlugin(capture));
  return nodes.map((node) => {
    const compiled = db.getExecutor().compileQuery(node, { queryId: 'explain' });
    return { sql: compiled.sql, parameters: compiled.parameters };
  });
}

/** The problems in a statement's plan: full scans of a table, and sorts of a table's rows. */
async function planProblems(statement: Captured): Promise<string[]> {
  const problems: string[] = [];
  if (linli.database.kind === 'sqlite') {
    const plan = await db.executeQuery<{ id: number; parent: number; detail: string }>({
      sql: `EXPLAIN QUERY PLAN ${statement.sql}`,
      parameters: statement.parameters,
      query: { kind: 'RawNode' } as never,
      queryId: { queryId: 'explain' },
    });
    const rows = plan.rows;
    // A subquery's rows (one page per scope, the rows of a JSON array) are not a table.
    const isSubquery = (detail: string) => /^(SCAN|SEARCH) (page|s\d+|agg)\b/.test(detail) || /CO-ROUTINE|MATERIALIZE/.test(detail);
    for (const row of rows) {
      if (/^SCAN \w+$/.test(row.detail) || /^SCAN \w+ USING (COVERING )?INDEX \w+$/.test(row.detail)) {
        if (!isSubquery(row.detail)) problems.push(`full scan: ${row.detail}`);
      }
      if (/USE TEMP B-TREE FOR (ORDER BY|RIGHT PART OF ORDER BY)/.test(row.detail)) {
        // Allowed only where every table beside it is reached by an index search (one page, one resident's rows).
        const siblings = rows.filter((r) => r.parent === row.parent && r !== row);
        if (siblings.some((s) => /^SCAN /.test(s.detail) && !isSubquery(s.detail))) problems.push(`sort of a scanned table: ${siblings.map((s) => s.detail).join('; ')}`);
      }
    }
    if (problems.length) problems.push(rows.map((r) => r.detail).join(' | '));
    return problems;
  }
  const plan = await db.executeQuery<{ 'QUERY PLAN': Array<{ Plan: PgPlan }> }>({
    sql: `EXPLAIN (FORMAT JSON) ${statement.sql}`,
    parameters: statement.parameters,
    query: { kind: 'RawNode' } as never,
    queryId: { queryId: 'explain' },
  });
  return pgPlanProblems(plan.rows[0]!['QUERY PLAN'][0]!.Plan);
}

function pgPlanProblems(root: PgPlan): string[] {
  const problems: string[] = [];
  const big = new Set(['articles', 'events', 'event_registrations', 'petitions', 'bookings', 'users']);
  const visit = (node: PgPlan) => {
    if (node['Node Type'] === 'Seq Scan' && big.has(node['Relation Name'] ?? '')) problems.push(`full scan of ${node['Relation Name']}`);
    if (node['Node Type'] === 'Sort' && node['Plan Rows'] > 1000) problems.push(`sort of ~${node['Plan Rows']} rows`);
    node.Plans?.forEach(visit);
  };
  visit(root);
  if (problems.length) problems.push(JSON.stringify(root));
  return problems;
}

interface PgPlan {
  'Node Type': string;
  'Relation Name'?: string;
  'Plan Rows': number;
  Plans?: PgPlan[];
}

async function expectIndexed(run: (db: Db) => Promise<unknown>): Promise<void> {
  const statements = await statementsOf(run);
  expect(statements.length).toBeGreaterThan(0);
  for (const statement of statements) expect({ sql: statement.sql, problems: await planProblems(statement) }).toEqual({ sql: statement.sql, problems: [] });
}

describe('the plans of the lists residents page through', () => {
  const now = () => linli.clock.now();
  const deep = { pinned: 0, publishAt: '2026-03-10T00:00:00.000Z', id: 'explain-a-5000' };

  it('the community feed, first page and deep page, by index ranges per scope', async () => {
    await expectIndexed((d) => listPublished(d, { now: now(), scopeIds: ['chaoyang', 'shangjie'], limit: 11 }));
    await expectIndexed((d) => listPublished(d, { now: now(), scopeIds: ['chaoyang', 'shangjie'], after: deep, limit: 11 }));
    await expectIndexed((d) => listPublished(d, { now: now(), scopeIds: ['chaoyang', 'shangjie'], category: '通知公告', excludePinned: true, after: deep, limit: 11 }));
  });

  it('the feed of every community, first page and deep page', async () => {
    await expectIndexed((d) => listPublished(d, { now: now(), limit: 11 }));
    await expectIndexed((d) => listPublished(d, { now: now(), after: deep, limit: 11 }));
  });

  it('events upcoming and past, first page and after a cursor', async () => {
    const after = { startsAt: new Date(now().getTime() + 100 * 3_600_000).toISOString(), id: 'explain-e-1600' };
    const before = { startsAt: new Date(now().getTime() - 100 * 3_600_000).toISOString(), id: 'explain-e-1400' };
    await expectIndexed((d) => listEventRows(d, { when: 'upcoming', now: now(), scopeIds: ['chaoyang', 'shangjie'], limit: 21 }));
    await expectIndexed((d) => listEventRows(d, { when: 'upcoming', now: now(), scopeIds: ['chaoyang', 'shangjie'], after, limit: 21 }));
    await expectIndexed((d) => listEventRows(d, { when: 'past', now: now(), limit: 21 }));
    await expectIndexed((d) => listEventRows(d, { when: 'past', now: now(), after: before, limit: 21 }));
  });

  it("a resident's events, bookings and petitions", async () => {
    await expectIndexed((d) => myEventRows(d, { userId: RESIDENT, past: false, now: now(), limit: 21 }));
    await expectIndexed((d) => myEventRows(d, { userId: RESIDENT, past: true, now: now(), limit: 21 }));
    // bookings.mine: one statement a page (timelines and suspension inside), first page and after a cursor.
    await expectIndexed((d) => myBookingPage(d, { userId: RESIDENT, now: now(), past: false, limit: 21 }));
    await expectIndexed((d) => myBookingPage(d, { userId: RESIDENT, now: now(), past: true, limit: 21 }));
    await expectIndexed((d) => myBookingPage(d, { userId: RESIDENT, now: now(), past: false, after: { slotStart: now().toISOString(), id: 'explain-b-3300' }, limit: 21 }));
    await expectIndexed((d) => myBookingPage(d, { userId: RESIDENT, now: now(), past: true, after: { slotStart: now().toISOString(), id: 'explain-b-2700' }, limit: 21 }));
    await expectIndexed((d) => petitionsOfSubmitter(d, RESIDENT));
    await expectIndexed((d) => petitionsOfSubmitter(d, RESIDENT, { before: { createdAt: now().toISOString(), id: 'explain-p-5' }, limit: 21 }));
  });

  it("the rest of bookings.mine (a page's steps and resources, the suspension) and the other 我的 lists", async () => {
    await expectIndexed((d) => stepsOf(d, ['explain-b-0', 'explain-b-300', 'explain-b-600']));
    await expectIndexed((d) => getResourceRows(d, ['explain-r-0']));
    await expectIndexed((d) => activeSuspension(d, RESIDENT, now()));
    await expectIndexed((d) => thanksRows(d, { statuses: ['approved'], targetUserId: RESIDENT, limit: 21 }));
    await expectIndexed((d) => thanksRows(d, { statuses: ['approved'], targetUserId: RESIDENT, before: { createdAt: now().toISOString(), id: 'explain-t-3000' }, limit: 21 }));
    await expectIndexed((d) => visitsBySharer(d, RESIDENT));
    await expectIndexed((d) => countSignupsBySharer(d, RESIDENT));
    // volunteers.mine and elderCards.mine have their indexes (016: event_volunteers_user,
    // elder_cards_family) but no rows seeded here, and SQLite plans an empty table as a scan.
  });

  it("the feed's kept first pages: the next scheduled time, read on a miss (the version is a one-row table's primary key)", async () => {
    await expectIndexed((d) => nextScheduledPublish(d, now()));
  });

  it("every request's caller: the cached session's check, the full read on a miss, the profile users.me shows", async () => {
    await expectIndexed((d) => callerVersion(d, RESIDENT));
    await expectIndexed((d) => getAccount(d, RESIDENT));
    await expectIndexed((d) => findLiveCaller(d, 'f'.repeat(64), now()));
  });

  /** A booking of 合唱室 (a room with a weekly quota) in two days, at `hhmm`, as bookings.create makes it. */
  const roomBooking = (d: Db, userId: string, hhmm: string) =>
    bookSlot(d, slotRequest(linli.services.config, { id: `explain-bk-${userId}-${hhmm}`, userId, input: { resourceId: 'cy-choir', start: shanghaiTime(shanghaiDay(new Date(now().getTime() + 2 * 86_400_000)), hhmm), purpose: '', partySize: 1 }, now: now() }));

  it("the writes' batched statements: a turn's sign-ups and room bookings (after the long way that shows the host the event or room), a petition's filing facts", async () => {
    const signUp = (d: Db, userId: string) => registerResident(d, { eventId: 'explain-e-20', userId, sharedBy: null, code: `X${userId}`, now: now(), notify: () => [] });
    await expectIndexed((d) => signUp(d, 'explain-u-91'));
    await expectIndexed((d) => Promise.all([signUp(d, 'explain-u-92'), signUp(d, 'explain-u-93')]));
    await expectIndexed((d) => filingFacts(d, { communityId: 'chaoyang', weekday: '1', submitterId: RESIDENT, byId: 'explain-u-94' }));
    await expectIndexed((d) => roomBooking(d, 'explain-u-95', '09:00'));
    await expectIndexed((d) => Promise.all([roomBooking(d, 'explain-u-96', '10:00'), roomBooking(d, 'explain-u-97', '11:00')]));
  });

  // The statements compiled once (compiled-query.ts) run on PostgreSQL as prepared statements,
  // and after five calls PostgreSQL may keep one generic plan for one, blind to the call's
  // values, where it costs no more than the plans made for the values: every plan it so
  // keeps must be index ranges too. Checked on the text they really send, each called enough.
  (process.env.LINLI_TEST_PG_URL ? it : it.skip)('on PostgreSQL, the generic plans kept for compiled statements are index ranges too', async () => {
    const single = openDatabase(linli.testDatabase.url, { groupCommit: false, poolSize: 1 });
    try {
      const d = single.db;
      for (let call = 0; call < 8; call++) {
        await listPublished(d, { now: now(), scopeIds: ['chaoyang', 'shangjie'], limit: 11 });
        await listPublished(d, { now: now(), scopeIds: ['chaoyang', 'shangjie'], after: deep, limit: 11 });
        await listPublished(d, { now: now(), limit: 11 });
        await listPublished(d, { now: now(), after: deep, limit: 11 });
        await listEventRows(d, { when: 'upcoming', now: now(), scopeIds: ['chaoyang', 'shangjie'], limit: 21 });
        await listEventRows(d, { when: 'past', now: now(), after: { startsAt: now().toISOString(), id: 'explain-e-1400' }, limit: 21 });
        await myEventRows(d, { userId: RESIDENT, past: false, now: now(), limit: 21 });
        await myEventRows(d, { userId: RESIDENT, past: true, now: now(), limit: 21 });
        await myBookingPage(d, { userId: RESIDENT, now: now(), past: false, limit: 21 });
        await myBookingPage(d, { userId: RESIDENT, now: now(), past: true, after: { slotStart: now().toISOString(), id: 'explain-b-2700' }, limit: 21 });
        await petitionsOfSubmitter(d, RESIDENT);
        await petitionsOfSubmitter(d, RESIDENT, { before: { createdAt: now().toISOString(), id: 'explain-p-5' }, limit: 21 });
        await callerVersion(d, `explain-u-${call + 1}`);
        await nextScheduledPublish(d, now());
        await findLiveCaller(d, 'f'.repeat(64), now());
        await registerResident(d, { eventId: 'explain-e-21', userId: `explain-u-${200 + call}`, sharedBy: null, code: `G${call}`, now: now(), notify: () => [] });
        await filingFacts(d, { communityId: 'chaoyang', weekday: '2', submitterId: RESIDENT, byId: `explain-u-${call + 1}` });
        await roomBooking(d, `explain-u-${210 + call}`, `${12 + call}:00`);
      }
      const prepared = await sql<{ name: string; statement: string; parameter_types: string; generic_plans: number }>`SELECT name, statement, parameter_types::text, generic_plans FROM pg_prepared_statements`.execute(d);
      expect(prepared.rows.length).toBeGreaterThanOrEqual(10);
      // The session check, at least, is planned once.
      const kept = prepared.rows.filter((r) => r.generic_plans > 0);
      expect(kept.some((r) => r.statement.includes('"auth_version"'))).toBe(true);
      await sql`SET plan_cache_mode = force_generic_plan`.execute(d);
      for (const statement of kept) {
        const count = statement.parameter_types === '{}' ? 0 : statement.parameter_types.split(',').length;
        const args = count ? `(${Array.from({ length: count }, () => 'NULL').join(', ')})` : '';
        const plan = await sql<{ 'QUERY PLAN': Array<{ Plan: PgPlan }> }>`EXPLAIN (FORMAT JSON) EXECUTE ${sql.raw(statement.name)}${sql.raw(args)}`.execute(d);
        expect({ sql: statement.statement, problems: pgPlanProblems(plan.rows[0]!['QUERY PLAN'][0]!.Plan) }).toEqual({ sql: statement.statement, problems: [] });
      }
    } finally {
      await single.close();
    }
  });
});
