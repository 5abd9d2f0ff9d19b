import { sql, type Expression, type ExpressionBuilder } from 'kysely';
import { newId } from '../core/crypto';
import { writeAudit } from '../audit/audit.storage';
import { enqueue, messageValues, outboxRows, type OutgoingMessage } from '../notifications/outbox.storage';
import { compiledQuery, compiledShapes } from '../storage/compiled-query';
import { holdPerson } from '../roles/grant-hold.storage';
import { isPostgres, type Db } from '../storage/dialect';
import { QUEUED_IN_STATEMENT, queuedMessages } from '../storage/queued-messages';
import type { Database, PetitionEventsTable, PetitionsTable } from '../storage/schema';
import { insertedInTurn, turnBatches } from '../storage/turn-batches';

export type PetitionRow = PetitionsTable & { community_name: string; submitter_name: string | null; agent_name: string | null; agent_phone_enc: string | null };

function petitionsWithNames(db: Db) {
  return db
    .selectFrom('petitions as p')
    .innerJoin('regions as r', 'r.id', 'p.community_id')
    .leftJoin('users as s', 's.id', 'p.submitter_id')
    .leftJoin('users as a', 'a.id', 'p.agent_id')
    .selectAll('p')
    .select(['r.name as community_name', 's.nickname as submitter_name', 'a.nickname as agent_name', 'a.phone_enc as agent_phone_enc']);
}

// A petition's read and the statements of petitions.submit, built and compiled once per
// dialect (cloud/storage/compiled-query.ts): rebuilding their Kysely trees was ~8% of a
// submission's CPU.
const petitionById = compiledQuery((db, p: { id: string }) => petitionsWithNames(db).where('p.id', '=', p.id));

export async function getPetitionRow(db: Db, id: string): Promise<PetitionRow | undefined> {
  return petitionById.takeFirst(db, { id });
}

/** What a petition's summary shows (lib/petition-view.ts toPetitionSummary): no description, location or ciphertexts of the submitter. */
export type PetitionSummaryRow = Pick<
  PetitionRow,
  | 'id' | 'kind' | 'category' | 'title' | 'status' | 'community_id' | 'community_name' | 'created_at' | 'agent_id' | 'agent_name'
  | 'agent_phone_enc' | 'accept_due_at' | 'resolve_due_at' | 'anonymous' | 'submitter_name' | 'on_behalf_name'
>;

/** 我的诉求, compiled once for the first page and once for later ones (cloud/storage/compiled-query.ts). */
const submitterPage = compiledShapes((after: boolean) =>
  compiledQuery((db, p: { userId: string; createdAt: string; id: string; limit: number }) => {
    let query = db
      .selectFrom('petitions as p')
      .innerJoin('regions as r', 'r.id', 'p.community_id')
      .leftJoin('users as a', 'a.id', 'p.agent_id')
      // The summary's columns only: each value read costs, and a petition's text is most of its row.
      .select(['p.id', 'p.kind', 'p.category', 'p.title', 'p.status', 'p.community_id', 'p.created_at', 'p.agent_id', 'p.accept_due_at', 'p.resolve_due_at', 'p.anonymous', 'p.on_behalf_name'])
      .select(['r.name as community_name', 'a.nickname as agent_name', 'a.phone_enc as agent_phone_enc'])
      // Every row's submitter is the one asked for: their name read once, not joined per row.
      .select((eb) => eb.selectFrom('users as s').select('s.nickname').where('s.id', '=', p.userId).as('submitter_name'))
      .where('p.submitter_id', '=', p.userId);
    if (after) query = query.where(sql<boolean>`(p.created_at, p.id) < (${p.createdAt}, ${p.id})`);
    return query.orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(p.limit);
  }),
);

/**
 * A submitter's petitions, newest first, a page at a time: the row-value cursor
 * `(created_at, id) < (…)` is one range of the `petitions_mine` index (migration 015).
 */
export async function petitionsOfSubmitter(db: Db, userId: string, page: { before?: { createdAt: string; id: string }; limit?: number } = {}): Promise<PetitionSummaryRow[]> {
  return submitterPage(page.before !== undefined).all(db, { userId, createdAt: page.before?.createdAt ?? '', id: page.before?.id ?? '', limit: page.limit ?? 200 });
}

const OPEN = ['submitted', 'accepted', 'in_progress', 'resolved'];

/**
 * What a staff member sees: the petitions assigned to them as agent, and those of the
 * communities they administer ('all' for a district admin).
 */
export async function petitionsForStaff(
  db: Db,
  q: { agentId?: string; communityIds: string[] | 'all'; openOnly: boolean },
): Promise<PetitionRow[]> {
  let query = petitionsWithNames(db).orderBy('p.created_at', 'asc').limit(500);
  if (q.openOnly) query = query.where('p.status', 'in', OPEN);
  if (q.communityIds !== 'all') {
    const communities = q.communityIds;
    const agentId = q.agentId;
    if (!agentId && communities.length === 0) return [];
    query = query.where((eb) => {
      const either = [];
      if (agentId) either.push(eb('p.agent_id', '=', agentId));
      if (communities.length) either.push(eb('p.community_id', 'in', communities));
      return eb.or(either);
    });
  }
  return query.execute();
}

const timelineOf = compiledQuery((db, p: { petitionId: string }) =>
  db
    .selectFrom('petition_events as e')
    .leftJoin('users as u', 'u.id', 'e.by_user_id')
    .selectAll('e')
    .select('u.nickname as by_name')
    .where('e.petition_id', '=', p.petitionId)
    .orderBy('e.seq'),
);

export async function eventsOf(db: Db, petitionId: string): Promise<Array<PetitionEventsTable & { by_name: string | null }>> {
  return timelineOf.all(db, { petitionId });
}

async function addEvent(tx: Db, e: Omit<PetitionEventsTable, 'id' | 'seq'>): Promise<void> {
  const last = await tx.selectFrom('petition_events').select((eb) => eb.fn.max('seq').as('seq')).where('petition_id', '=', e.petition_id).executeTakeFirst();
  await tx.insertInto('petition_events').values({ id: newId(), seq: Number(last?.seq ?? 0) + 1, ...e }).execute();
}

/** A petition's columns as a plain object type (the compiled insert's values). */
type PetitionValues = { [K in keyof PetitionsTable]: PetitionsTable[K] };
function petitionValues(p: PetitionValues) {
  return {
    id: p.id,
    kind: p.kind,
    category: p.category,
    title: p.title,
    description: p.description,
    community_id: p.community_id,
    submitter_id: p.submitter_id,
    on_behalf_name: p.on_behalf_name,
    filed_by: p.filed_by,
    phone_enc: p.phone_enc,
    phone_index: p.phone_index,
    id_number_enc: p.id_number_enc,
    anonymous: p.anonymous,
    location: p.location,
    status: p.status,
    agent_id: p.agent_id,
    accept_due_at: p.accept_due_at,
    accepted_at: p.accepted_at,
    resolve_due_at: p.resolve_due_at,
    resolved_at: p.resolved_at,
    resolution: p.resolution,
    reopened: p.reopened,
    rating: p.rating,
    rating_comment: p.rating_comment,
    closed_at: p.closed_at,
    transferred_to: p.transferred_to,
    created_at: p.created_at,
    updated_at: p.updated_at,
    // Every column: a column added to the table must be added here too.
  } satisfies Record<keyof PetitionsTable, unknown>;
}
const petitionInserted = compiledQuery((db, p: PetitionValues) => db.insertInto('petitions').values(petitionValues(p)));

/** A new petition's first timeline entries (one or two), numbered from 1. */
function firstEntryValues(count: number, p: Record<string, string | number | null>) {
  return Array.from({ length: count }, (_, i) => ({
    id: p[`id${i}`] as string,
    seq: i + 1,
    petition_id: p.petitionId as string,
    action: p[`action${i}`] as string,
    from_status: p[`from${i}`] as string | null,
    to_status: p[`to${i}`] as string,
    note: p[`note${i}`] as string | null,
    by_user_id: p[`by${i}`] as string | null,
    at: p[`at${i}`] as string,
  }));
}
/** Compiled once per count. */
const firstEntries = compiledShapes((count: number) =>
  compiledQuery((db, p: Record<string, string | number | null>) => db.insertInto('petition_events').values(firstEntryValues(count, p))),
);
/**
 * PostgreSQL: the petition, its first entries and its messages in ONE statement (one round
 * trip, not three): the entries' reference to the petition is checked at the statement's end,
 * when both are in.
 */
const petitionWithEntries = compiledShapes((shape: { entries: number; messages: number }) =>
  compiledQuery((db, p: PetitionValues & Record<string, string | number | null>) => {
    const filed = db.with('filed', (qb) => qb.insertInto('petitions').values(petitionValues(p)).returning('id'));
    // The messages' insert is raw SQL (cloud/storage/queued-messages.ts): Kysely takes it as a CTE body.
    const q = shape.messages > 0 ? (filed.with('queued', () => sql`(${queuedMessages(shape.messages, p)})` as never) as unknown as typeof filed) : filed;
    return q.insertInto('petition_events').values(firstEntryValues(shape.entries, p));
  }),
);

/**
 * A new petition with its first timeline entries and messages, all or nothing. On PostgreSQL,
 * without photos, that is ONE statement and needs no transaction (BEGIN and COMMIT were two
 * more round trips); with photos, the statement and the photos' attachment in one transaction.
 */
export async function insertPetition(
  db: Db,
  p: {
    row: PetitionsTable;
    events: Array<Omit<PetitionEventsTable, 'id' | 'seq' | 'petition_id'>>;
    /** How many photos `attach` attaches. */
    photos: number;
    attach: (tx: Db) => Promise<boolean>;
    messages: OutgoingMessage[];
    now: Date;
  },
): Promise<boolean> {
  // A new petition's timeline starts at 1: its first entries in one statement.
  const values: Record<string, string | number | null> = { petitionId: p.row.id };
  p.events.forEach((e, i) => {
    values[`id${i}`] = newId();
    values[`action${i}`] = e.action;
    values[`from${i}`] = e.from_status;
    values[`to${i}`] = e.to_status;
    values[`note${i}`] = e.note;
    values[`by${i}`] = e.by_user_id;
    values[`at${i}`] = e.at;
  });
  const oneStatement = isPostgres(db) && p.events.length > 0 && p.messages.length <= QUEUED_IN_STATEMENT;
  const write = (tx: Db) =>
    petitionWithEntries({ entries: p.events.length, messages: p.messages.length }).all(tx, { ...values, ...p.row, ...messageValues(p.messages, p.now) });
  if (oneStatement && p.photos === 0) {
    // With the other new petitions of this turn, in one statement (each alone if that fails).
    const entries = p.events.map((e, i) => ({ ...e, id: values[`id${i}`] as string, seq: i + 1, petition_id: p.row.id }));
    await insertedInTurn(db, { petitions: [p.row], petition_events: entries, outbox: outboxRows(p.messages, p.now) }, () => write(db).then(() => {}));
    return true;
  }
  return db.transaction().execute(async (tx) => {
    if (oneStatement) {
      await write(tx);
    } else {
      await petitionInserted.all(tx, p.row);
      if (p.events.length > 0) await firstEntries(p.events.length).all(tx, values);
    }
    if (!(await p.attach(tx))) throw new FilesUnusable();
    if (!oneStatement) await enqueue(tx, p.messages, p.now);
    return true;
  });
}

/** Thrown inside the transaction so the petition is not kept without its photos. */
export class FilesUnusable extends Error {}

/** A petition as filed: not yet accepted, resolved, rated, closed or transferred. */
export const AS_FILED = {
  status: 'submitted',
  accepted_at: null,
  resolve_due_at: null,
  resolved_at: null,
  resolution: null,
  reopened: 0,
  rating: null,
  rating_comment: null,
  closed_at: null,
  transferred_to: null,
} as const satisfies Partial<PetitionsTable>;

/**
 * Moves a petition along PETITION_FLOW: a conditional update on its current status (so
 * two staff cannot both act on one state), the timeline entry and the messages together.
 */
export async function transitionPetition(
  db: Db,
  t: {
    id: string;
    from: string;
    to: string;
    action: string;
    note: string | null;
    by: string | null;
    changes: Partial<Omit<PetitionsTable, 'id' | 'status' | 'created_at'>>;
    now: Date;
    messages: OutgoingMessage[];
  },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const agentId = t.changes.agent_id;
    if (typeof agentId === 'string') await holdPerson(tx, agentId);
    let update = tx
      .updateTable('petitions')
      .set({ ...t.changes, status: t.to, updated_at: t.now.toISOString() })
      .where('id', '=', t.id)
      .where('status', '=', t.from);
    // A petition is handed only to someone who is an agent of its community as this
    // statement runs: a role revoked after the handler's check (which empties the revoked
    // agent's queue) must not be followed by a hand-over to them.
    if (typeof agentId === 'string') update = update.where((eb) => eb.exists(agentGrant(eb, agentId, eb.ref('petitions.community_id'))));
    const result = await update.executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await addEvent(tx, { petition_id: t.id, action: t.action, from_status: t.from, to_status: t.to, note: t.note, by_user_id: t.by, at: t.now.toISOString() });
    await enqueue(tx, t.messages, t.now);
    return true;
  });
}

export async function resolvedBefore(db: Db, cutoff: Date): Promise<PetitionsTable[]> {
  return db.selectFrom('petitions').selectAll().where('status', '=', 'resolved').where('resolved_at', '<', cutoff.toISOString()).limit(200).execute();
}

/** Filed on behalf of someone with this phone and not yet claimed: becomes theirs. */
export async function claimByPhone(db: Db, userId: string, phoneIndex: string): Promise<number> {
  const result = await db
    .updateTable('petitions')
    .set({ submitter_id: userId })
    .where('phone_index', '=', phoneIndex)
    .where('submitter_id', 'is', null)
    .where('filed_by', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function rosterOf(db: Db, communityId: string): Promise<Array<{ weekday: string; agent_id: string; agent_name: string }>> {
  return db
    .selectFrom('duty_roster as d')
    .innerJoin('users as u', 'u.id', 'd.agent_id')
    .innerJoin('role_grants as g', (j) => j.onRef('g.user_id', '=', 'd.agent_id').onRef('g.scope_id', '=', 'd.community_id').on('g.role', '=', 'agent'))
    .where('u.deleted_at', 'is', null)
    .select(['d.weekday', 'd.agent_id', 'u.nickname as agent_name'])
    .where('d.community_id', '=', communityId)
    .orderBy('d.weekday')
    .execute();
}

/**
 * Replaces a community's duty roster. Each day is an insert-select from the agent's grant, so
 * a person who is not (or no longer) an agent of the community at the moment of the write is
 * not put on it; then nothing is changed and the answer is false.
 */
export async function setRoster(db: Db, communityId: string, days: Array<{ weekday: string; agentId: string }>): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    await tx.deleteFrom('duty_roster').where('community_id', '=', communityId).execute();
    for (const d of days) {
      await holdPerson(tx, d.agentId);
      const added = await tx
        .insertInto('duty_roster')
        .columns(['community_id', 'weekday', 'agent_id'])
        .expression((eb) =>
          eb
            .selectFrom('role_grants as g')
            .innerJoin('users as u', 'u.id', 'g.user_id')
            .select([sql<string>`${communityId}`.as('community_id'), sql<string>`${d.weekday}`.as('weekday'), 'g.user_id as agent_id'])
            .where('g.user_id', '=', d.agentId)
            .where('g.role', '=', 'agent')
            .where('g.scope_id', '=', communityId)
            .where('u.deleted_at', 'is', null),
        )
        .executeTakeFirst();
      if (Number(added.numInsertedOrUpdatedRows ?? 0) !== 1) throw new RosterRefused();
    }
    return true;
  }).catch((e: unknown) => {
    if (e instanceof RosterRefused) return false;
    throw e;
  });
}

/** Rolls the roster's transaction back: a day's agent no longer holds the role. */
class RosterRefused extends Error {}

/** The grant that makes `userId` an agent of `communityId` (an account not deleted). */
function agentGrant(eb: ExpressionBuilder<Database, 'petitions'>, userId: string, communityId: Expression<string>) {
  return eb
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('g.user_id')
    .where('g.user_id', '=', userId)
    .where('g.role', '=', 'agent')
    .where('g.scope_id', '=', communityId)
    .where('u.deleted_at', 'is', null);
}

/** What filing a petition reads before its write: the community, today's agent, and the names its reply shows. */
export interface FilingFacts {
  id: string;
  name: string;
  level: string;
  agent_id: string | null;
  agent_name: string | null;
  agent_phone_enc: string | null;
  submitter_name: string | null;
  by_name: string | null;
}

/**
 * Everything a new petition needs before its transaction, in ONE statement (was the region,
 * then the agent on duty, then after the write the petition read back with its names):
 * the community; today's agent with their name and phone, only while they still hold the
 * agent role here and their account exists (the roster is a plan, the role is the right:
 * revocation also empties the roster, this is the second lock on the same door); the
 * submitter's and the filer's names for the reply.
 */
const filingFactsQuery = compiledQuery((db, p: { communityId: string; weekday: string; submitterId: string | null; byId: string | null }) =>
  db
    .selectFrom('regions as r')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('duty_roster as d')
          .innerJoin('role_grants as g', (j) => j.onRef('g.user_id', '=', 'd.agent_id').onRef('g.scope_id', '=', 'd.community_id').on('g.role', '=', 'agent'))
          .innerJoin('users as u', 'u.id', 'd.agent_id')
          .select(['d.community_id', 'd.agent_id', 'u.nickname as agent_name', 'u.phone_enc as agent_phone_enc'])
          // The community again inside: the join's condition alone may not be pushed into the subquery.
          .where('d.community_id', '=', p.communityId)
          .where('d.weekday', '=', p.weekday)
          .where('u.deleted_at', 'is', null)
          .as('a'),
      (j) => j.onRef('a.community_id', '=', 'r.id'),
    )
    .select(['r.id', 'r.name', 'r.level', 'a.agent_id', 'a.agent_name', 'a.agent_phone_enc'])
    .select((eb) => [
      eb.selectFrom('users as s').select('s.nickname').where('s.id', '=', p.submitterId).as('submitter_name'),
      eb.selectFrom('users as b').select('b.nickname').where('b.id', '=', p.byId).as('by_name'),
    ])
    .where('r.id', '=', p.communityId),
);

type FilingKey = { communityId: string; weekday: string; submitterId: string | null; byId: string | null };

export async function filingFacts(db: Db, f: FilingKey): Promise<FilingFacts | undefined> {
  // PostgreSQL: with the other petitions of this turn, one round trip for all.
  return isPostgres(db) ? filingFactsOfTurn(db, f) : filingFactsQuery.takeFirst(db, f);
}

/** The same facts for many filings, one row each in the order asked (`ord`), by the same joins. */
const filingFactsBatch = compiledQuery((db, p: { communityIds: string[]; weekdays: string[]; submitterIds: Array<string | null>; byIds: Array<string | null> }) => {
  const statement = sql<FilingFacts & { ord: number }>`
    select k.ord::int as ord, r.id, r.name, r.level, a.agent_id, a.agent_name, a.agent_phone_enc,
      (select s.nickname from users s where s.id = k.submitter_id) as submitter_name,
      (select b.nickname from users b where b.id = k.by_id) as by_name
    from unnest(${p.communityIds}::text[], ${p.weekdays}::text[], ${p.submitterIds}::text[], ${p.byIds}::text[])
      with ordinality as k(community_id, weekday, submitter_id, by_id, ord)
    join regions r on r.id = k.community_id
    left join lateral (
      select d.agent_id, u.nickname as agent_name, u.phone_enc as agent_phone_enc
      from duty_roster d
      join role_grants g on g.user_id = d.agent_id and g.scope_id = d.community_id and g.role = 'agent'
      join users u on u.id = d.agent_id
      where d.community_id = k.community_id and d.weekday = k.weekday and u.deleted_at is null
    ) a on true`;
  return { compile: () => statement.compile(db) };
});

const filingFactsOfTurn = turnBatches(async (db: Db, keys: readonly FilingKey[]): Promise<Array<FilingFacts | undefined>> => {
  const rows = await filingFactsBatch.all(db, {
    communityIds: keys.map((k) => k.communityId),
    weekdays: keys.map((k) => k.weekday),
    submitterIds: keys.map((k) => k.submitterId),
    byIds: keys.map((k) => k.byId),
  });
  const byOrd = new Map(rows.map(({ ord, ...facts }) => [ord, facts]));
  return keys.map((_, i) => byOrd.get(i + 1));
});

/** Open work a reassignment takes back: everything not yet closed, transferred or declined. */
const RETURNABLE = ['submitted', 'accepted', 'in_progress', 'resolved'];

/**
 * When a person stops being an agent (the role revoked in a community, or the account
 * deleted), inside the caller's transaction: off every duty roster there, and each open
 * petition they held goes back to the community admins' queue — status 提交 again (a new
 * agent accepts it afresh) unless the resident already has it as 已办结 — with a timeline
 * step the resident sees (已重新分派) and an audit entry. Returns the petitions moved.
 *
 * @example await tx => releaseAgentWork(tx, { agentId, communityId: 'chaoyang', by: adminId, reason: 'roleRevoked', now })
 */
export async function releaseAgentWork(
  tx: Db,
  r: { agentId: string; communityId: string | 'all'; by: string | null; reason: 'roleRevoked' | 'accountDeleted'; now: Date },
): Promise<string[]> {
  let roster = tx.deleteFrom('duty_roster').where('agent_id', '=', r.agentId);
  if (r.communityId !== 'all') roster = roster.where('community_id', '=', r.communityId);
  await roster.execute();
  let q = tx.selectFrom('petitions').select(['id', 'status', 'community_id']).where('agent_id', '=', r.agentId).where('status', 'in', RETURNABLE);
  if (r.communityId !== 'all') q = q.where('community_id', '=', r.communityId);
  const held = await q.execute();
  const at = r.now.toISOString();
  for (const p of held) {
    const to = p.status === 'resolved' ? 'resolved' : 'submitted';
    const moved = await tx
      .updateTable('petitions')
      .set({ agent_id: null, status: to, accepted_at: to === 'submitted' ? null : undefined, resolve_due_at: to === 'submitted' ? null : undefined, updated_at: at })
      .where('id', '=', p.id)
      .where('agent_id', '=', r.agentId)
      .where('status', '=', p.status)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) continue;
    await addEvent(tx, {
      petition_id: p.id,
      action: 'reassign',
      from_status: p.status,
      to_status: to,
      note: '原代办员已不再承担此项工作，社区将重新安排代办员',
      by_user_id: null,
      at,
    });
    await writeAudit(tx, {
      actor_id: r.by,
      action: 'petition.reassign',
      target_kind: 'petition',
      target_id: p.id,
      scope_id: p.community_id,
      outcome: 'ok',
      detail: { fromAgent: r.agentId, reason: r.reason, fromStatus: p.status },
      at: r.now,
    });
  }
  return held.map((p) => p.id);
}

export async function agentsOf(db: Db, communityId: string): Promise<Array<{ id: string; name: string }>> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['u.id', 'u.nickname'])
    .where('g.role', '=', 'agent')
    .where('g.scope_id', '=', communityId)
    .where('u.deleted_at', 'is', null)
    .orderBy('u.nickname')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.nickname }));
}
