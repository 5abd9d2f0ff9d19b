import { AS_FILED } from '../cloud/petitions/petitions.storage';
import { analyze } from '../cloud/storage/migrate';
import { openDatabase } from '../cloud/storage/dialect';

/** Straight into the host's database: what would take hours through the API. */
export async function seedArticles(databaseUrl: string, n: number, scopes: string[], authorId: string): Promise<void> {
  const { db, close } = openDatabase(databaseUrl);
  try {
    const start = Date.UTC(2024, 0, 1);
    for (let i = 0; i < n; i += 1000) {
      const rows = [];
      for (let j = i; j < Math.min(n, i + 1000); j++) {
        const at = new Date(start + j * 60_000).toISOString();
        rows.push({
          id: `bench-a-${String(j).padStart(7, '0')}`,
          scope_id: scopes[j % scopes.length]!,
          category: '通知公告',
          title: `测试资讯 ${j}`,
          summary: '用于测量的资讯',
          cover_url: null,
          body_html: '<p>用于测量的资讯</p>',
          reporters: '[]',
          correspondents: '[]',
          pinned: 0,
          pledge_prompt: null,
          status: 'published',
          publish_at: at,
          created_by: authorId,
          created_at: at,
          updated_at: at,
        });
      }
      await db.insertInto('articles').values(rows).execute();
    }
    await analyze(db);
  } finally {
    await close();
  }
}

/** The feed cursor of the row at `offset` in the community feed's order. */
export async function feedKeyAt(databaseUrl: string, scopes: string[], offset: number): Promise<[number, string, string]> {
  const { db, close } = openDatabase(databaseUrl);
  try {
    const row = await db
      .selectFrom('articles')
      .select(['pinned', 'publish_at', 'id'])
      .where('scope_id', 'in', scopes)
      .where('status', '=', 'published')
      .orderBy('pinned', 'desc')
      .orderBy('publish_at', 'desc')
      .orderBy('id', 'desc')
      .offset(offset)
      .limit(1)
      .executeTakeFirstOrThrow();
    return [row.pinned, row.publish_at!, row.id];
  } finally {
    await close();
  }
}

/** What the write runs left behind, counted in the database rather than from the replies. */
export async function eventCounts(databaseUrl: string, eventIds: string[]): Promise<{ confirmed: number; waitlisted: number; overSold: number; registrations: number }> {
  const { db, close } = openDatabase(databaseUrl);
  try {
    const regs = await db.selectFrom('event_registrations').select(['status']).where('event_id', 'in', eventIds).execute();
    const events = await db.selectFrom('events').select(['capacity', 'confirmed_count', 'id']).where('id', 'in', eventIds).execute();
    const confirmedBy = new Map<string, number>();
    for (const e of events) confirmedBy.set(e.id, 0);
    const rows = await db.selectFrom('event_registrations').select(['event_id']).where('event_id', 'in', eventIds).where('status', '=', 'confirmed').execute();
    for (const r of rows) confirmedBy.set(r.event_id, (confirmedBy.get(r.event_id) ?? 0) + 1);
    return {
      registrations: regs.length,
      confirmed: regs.filter((r) => r.status === 'confirmed').length,
      waitlisted: regs.filter((r) => r.status === 'waitlisted').length,
      overSold: events.filter((e) => (e.capacity > 0 && confirmedBy.get(e.id)! > e.capacity) || confirmedBy.get(e.id) !== e.confirmed_count).length,
    };
  } finally {
    await close();
  }
}

export async function countRows(databaseUrl: string, table: 'bookings' | 'petitions', userIds: string[]): Promise<number> {
  const { db, close } = openDatabase(databaseUrl);
  try {
    const column = table === 'bookings' ? 'user_id' : 'submitter_id';
    let n = 0;
    for (let i = 0; i < userIds.length; i += 500) {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        .where(column as any, 'in', userIds.slice(i, i + 500))
        .executeTakeFirstOrThrow();
      n += Number(row.n);
    }
    return n;
  } finally {
    await close();
  }
}

/**
 * 50 of each "my" list for each of these residents (issue #18: "my" lists with 50 items):
 * sign-ups for 50 upcoming events, 50 upcoming room bookings each with a timeline step,
 * 50 petitions. Straight into the database, so no write rule is measured here.
 */
export async function seedMyLists(databaseUrl: string, userIds: string[], n: number): Promise<void> {
  const { db, close } = openDatabase(databaseUrl);
  try {
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const event = await db.selectFrom('events').selectAll().where('state', '=', 'published').limit(1).executeTakeFirstOrThrow();
    const events = Array.from({ length: n }, (_, k) => ({
      ...event,
      id: `bench-my-e-${k}`,
      starts_at: iso(now + (10 + k) * 86_400_000),
      ends_at: iso(now + (10 + k) * 86_400_000 + 7_200_000),
      capacity: 0,
      confirmed_count: userIds.length,
    }));
    await db.insertInto('events').values(events).execute();
    const resource = await db.selectFrom('resources').select(['id']).where('kind', '=', 'room').limit(1).executeTakeFirstOrThrow();
    // 朝阳社区's agent, as the roster assigns one at submission: the summary shows their phone.
    const agent = await db.selectFrom('role_grants').select('user_id').where('role', '=', 'agent').where('scope_id', '=', 'chaoyang').limit(1).executeTakeFirstOrThrow();
    for (const [u, userId] of userIds.entries()) {
      await db
        .insertInto('event_registrations')
        .values(events.map((e, k) => ({ id: `bench-my-r-${u}-${k}`, event_id: e.id, user_id: userId, status: 'confirmed', waitlist_no: null, checkin_code: `BM${u}X${k}`, checked_in_at: null, checked_in_by: null, shared_by: null, created_at: iso(now), updated_at: iso(now) })))
        .execute();
      const bookings = Array.from({ length: n }, (_, k) => ({
        id: `bench-my-b-${u}-${k}`,
        resource_id: resource.id,
        user_id: userId,
        slot_start: iso(now + (10 + k) * 86_400_000 + u * 60_000),
        slot_end: iso(now + (10 + k) * 86_400_000 + u * 60_000 + 3_600_000),
        status: 'approved',
        step: null,
        purpose: '',
        party_size: 1,
        reject_reason: null,
        missing_materials: '[]',
        created_at: iso(now),
        updated_at: iso(now),
      }));
      await db.insertInto('bookings').values(bookings).execute();
      await db
        .insertInto('booking_steps')
        .values(bookings.map((b, k) => ({ id: `bench-my-s-${u}-${k}`, booking_id: b.id, seq: 1, step: 'approved', note: null, by_user_id: null, at: iso(now) })))
        .execute();
      await db
        .insertInto('petitions')
        .values(
          Array.from({ length: n }, (_, k) => ({
            id: `bench-my-p-${u}-${k}`,
            submitter_id: userId,
            kind: 'request',
            category: '道路设施',
            title: '楼下路灯不亮',
            description: '三号楼楼下的路灯已经坏了一个星期。',
            community_id: 'chaoyang',
            on_behalf_name: null,
            filed_by: null,
            // The submitter's own number: never decrypted by a list (the summary shows only the agent's).
            phone_enc: 'bench',
            phone_index: 'bench',
            id_number_enc: null,
            anonymous: 0,
            location: null,
            ...AS_FILED,
            agent_id: agent.user_id,
            accept_due_at: iso(now + 86_400_000),
            created_at: iso(now - k * 60_000),
            updated_at: iso(now),
          })),
        )
        .execute();
    }
    await analyze(db);
  } finally {
    await close();
  }
}
