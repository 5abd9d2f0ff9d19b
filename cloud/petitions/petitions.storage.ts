import { newId } from '../core/crypto';
import { enqueue, type OutgoingMessage } from '../notifications/outbox.storage';
import type { Db } from '../storage/dialect';
import type { PetitionEventsTable, PetitionsTable } from '../storage/schema';

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

export async function getPetitionRow(db: Db, id: string): Promise<PetitionRow | undefined> {
  return petitionsWithNames(db).where('p.id', '=', id).executeTakeFirst();
}

export async function petitionsOfSubmitter(db: Db, userId: string): Promise<PetitionRow[]> {
  return petitionsWithNames(db).where('p.submitter_id', '=', userId).orderBy('p.created_at', 'desc').limit(200).execute();
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

export async function eventsOf(db: Db, petitionId: string): Promise<Array<PetitionEventsTable & { by_name: string | null }>> {
  return db
    .selectFrom('petition_events as e')
    .leftJoin('users as u', 'u.id', 'e.by_user_id')
    .selectAll('e')
    .select('u.nickname as by_name')
    .where('e.petition_id', '=', petitionId)
    .orderBy('e.seq')
    .execute();
}

async function addEvent(tx: Db, e: Omit<PetitionEventsTable, 'id' | 'seq'>): Promise<void> {
  const last = await tx.selectFrom('petition_events').select((eb) => eb.fn.max('seq').as('seq')).where('petition_id', '=', e.petition_id).executeTakeFirst();
  await tx.insertInto('petition_events').values({ id: newId(), seq: Number(last?.seq ?? 0) + 1, ...e }).execute();
}

/** A new petition with its first timeline entries and messages, in one transaction. */
export async function insertPetition(
  db: Db,
  p: { row: PetitionsTable; events: Array<Omit<PetitionEventsTable, 'id' | 'seq' | 'petition_id'>>; attach: (tx: Db) => Promise<boolean>; messages: OutgoingMessage[]; now: Date },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    await tx.insertInto('petitions').values(p.row).execute();
    if (!(await p.attach(tx))) throw new FilesUnusable();
    for (const e of p.events) await addEvent(tx, { petition_id: p.row.id, ...e });
    await enqueue(tx, p.messages, p.now);
    return true;
  });
}

/** Thrown inside the transaction so the petition is not kept without its photos. */
export class FilesUnusable extends Error {}

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
    const result = await tx
      .updateTable('petitions')
      .set({ ...t.changes, status: t.to, updated_at: t.now.toISOString() })
      .where('id', '=', t.id)
      .where('status', '=', t.from)
      .executeTakeFirst();
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
    .select(['d.weekday', 'd.agent_id', 'u.nickname as agent_name'])
    .where('d.community_id', '=', communityId)
    .orderBy('d.weekday')
    .execute();
}

export async function setRoster(db: Db, communityId: string, days: Array<{ weekday: string; agentId: string }>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('duty_roster').where('community_id', '=', communityId).execute();
    for (const d of days) await tx.insertInto('duty_roster').values({ community_id: communityId, weekday: d.weekday, agent_id: d.agentId }).execute();
  });
}

export async function onDutyAgent(db: Db, communityId: string, weekday: string): Promise<string | null> {
  const row = await db.selectFrom('duty_roster').select('agent_id').where('community_id', '=', communityId).where('weekday', '=', weekday).executeTakeFirst();
  return row?.agent_id ?? null;
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
