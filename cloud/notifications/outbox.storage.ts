import { sql } from 'kysely';
import type { TemplateName } from '../../types/notifications-model';
import { newId } from '../core/crypto';
import { compiledQuery, type CompiledReuse } from '../storage/compiled-query';
import { isPostgres, type Db } from '../storage/dialect';
import type { OutboxTable } from '../storage/schema';

export interface OutgoingMessage {
  /** Unique per message that must go out once, e.g. `event:<id>:reg:<id>:promoted`. */
  dedupeKey: string;
  userId: string;
  /** Our name of the template (MESSAGE_PLAN): its WeChat id is looked up when sending. */
  template: TemplateName;
  page: string | null;
  data: Record<string, string>;
  notBefore: Date;
}

/** Queues messages; one already queued under the same dedupe key is kept, not doubled. */
export async function enqueue(db: Db, messages: OutgoingMessage[], now: Date): Promise<void> {
  // One statement for a change's messages (a sign-up queues three); a cancelled event's
  // notices in chunks, below PostgreSQL's 65,535 parameters a statement.
  for (let i = 0; i < messages.length; i += 1000) await insertMessages(db, messages.slice(i, i + 1000), now);
}

/**
 * The values of messages queued at `now` as one statement binds them: `msg_at`, and
 * `msg_<column><i>` for the i-th message's new id, dedupe key, user, template, page, data
 * and not-before (the compiled insert below, and cloud/storage/queued-messages.ts).
 */
export function messageValues(messages: readonly OutgoingMessage[], now: Date): Record<string, string | null> {
  const values: Record<string, string | null> = { msg_at: now.toISOString() };
  messages.forEach((m, i) => {
    values[`msg_id${i}`] = newId();
    values[`msg_dedupe_key${i}`] = m.dedupeKey;
    values[`msg_user_id${i}`] = m.userId;
    values[`msg_template${i}`] = m.template;
    values[`msg_page${i}`] = m.page;
    values[`msg_data${i}`] = JSON.stringify(m.data);
    values[`msg_not_before${i}`] = m.notBefore.toISOString();
  });
  return values;
}

/** Messages queued at `now` as the outbox rows `enqueue` writes (for a statement that takes whole rows). */
export function outboxRows(messages: readonly OutgoingMessage[], now: Date): OutboxTable[] {
  const at = now.toISOString();
  return messages.map((m) => ({
    id: newId(),
    dedupe_key: m.dedupeKey,
    user_id: m.userId,
    template: m.template,
    page: m.page,
    data: JSON.stringify(m.data),
    status: 'pending',
    attempts: 0,
    not_before: m.notBefore.toISOString(),
    last_error: null,
    created_at: at,
    sent_at: null,
    lease_until: null,
    claimed_by: null,
    paid: null,
  }));
}

/**
 * The values of any number of messages, each group queued at its own `now` and telling of the
 * row `told` names, as one statement binds them: `msg_rows`, whole outbox rows with their `told`
 * as one JSON array (cloud/storage/queued-messages.ts, `queuedMessageList`).
 */
export function messageRows(groups: readonly { told: string; messages: readonly OutgoingMessage[]; now: Date }[]): { msg_rows: string } {
  const rows = groups.flatMap((g) => outboxRows(g.messages, g.now).map((row) => ({ ...row, told: g.told })));
  return { msg_rows: JSON.stringify(rows) };
}

/** A change queues one to a few messages: their insert is compiled once per count (compiled-query.ts). */
const COMPILED_UP_TO = 4;
const insertOf = new Map<number, CompiledReuse<Record<string, string | null>, unknown>>();

function compiledInsert(count: number): CompiledReuse<Record<string, string | null>, unknown> {
  let query = insertOf.get(count);
  if (!query) {
    query = compiledQuery((db, p: Record<string, string | null>) =>
      db
        .insertInto('outbox')
        .values(
          Array.from({ length: count }, (_, i) => ({
            id: p[`msg_id${i}`]!,
            dedupe_key: p[`msg_dedupe_key${i}`]!,
            user_id: p[`msg_user_id${i}`]!,
            template: p[`msg_template${i}`]!,
            page: p[`msg_page${i}`]!,
            data: p[`msg_data${i}`]!,
            status: 'pending',
            attempts: 0,
            not_before: p[`msg_not_before${i}`]!,
            last_error: null,
            created_at: p.msg_at!,
            sent_at: null,
          })),
        )
        .onConflict((oc) => oc.column('dedupe_key').doNothing()),
    );
    insertOf.set(count, query);
  }
  return query;
}

async function insertMessages(db: Db, messages: OutgoingMessage[], now: Date): Promise<void> {
  if (messages.length <= COMPILED_UP_TO) {
    await compiledInsert(messages.length).all(db, messageValues(messages, now));
    return;
  }
  await db
    .insertInto('outbox')
    .values(outboxRows(messages, now))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/** Drops queued messages that no longer apply (a cancelled registration's reminders). */
export async function skipPending(db: Db, dedupePrefix: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'skipped' })
    .where('status', '=', 'pending')
    .where('dedupe_key', 'like', `${dedupePrefix.replace(/[%_]/g, '')}%`)
    .execute();
}

export type OutboxRow = OutboxTable & { openid: string | null };

/**
 * Takes up to `limit` due messages for sending, in one statement, under a lease held by
 * `holder` until `leaseUntil`. Due means pending and past `not_before`, or `sending` under a
 * lease that ran out: the host that took it died before it could settle. On PostgreSQL the
 * rows are locked `FOR UPDATE SKIP LOCKED`, so hosts claiming at the same moment take
 * different messages instead of queuing on one another; SQLite has one writer at a time.
 * `attempts` counts claims, so a message that keeps killing hosts still ends as failed.
 */
export async function claimDue(db: Db, q: { now: Date; leaseUntil: Date; holder: string; limit: number }): Promise<OutboxRow[]> {
  const now = q.now.toISOString();
  const due = db
    .selectFrom('outbox')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('not_before', '<=', now)]),
        // A literal, so the partial index of messages being sent (migration 025) applies.
        eb.and([eb('status', '=', sql.lit('sending')), eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])]),
      ]),
    )
    .orderBy('not_before')
    .limit(q.limit);
  const claimed = await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), lease_until: q.leaseUntil.toISOString(), claimed_by: q.holder }))
    .where('id', 'in', isPostgres(db) ? due.forUpdate().skipLocked() : due)
    .returningAll()
    .execute();
  if (claimed.length === 0) return [];
  const users = await db
    .selectFrom('users')
    .select(['id', 'openid'])
    .where('id', 'in', [...new Set(claimed.map((m) => m.user_id))])
    .execute();
  const openids = new Map(users.map((u) => [u.id, u.openid]));
  return claimed.sort((a, b) => a.not_before.localeCompare(b.not_before)).map((m) => ({ ...m, openid: openids.get(m.user_id) ?? null }));
}

/** Gives messages taken but not sent back to the queue (a host shutting down). */
export async function releaseClaims(db: Db, holder: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'pending', lease_until: null, claimed_by: null, attempts: eb('attempts', '-', 1) }))
    .where('id', 'in', ids)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', holder)
    .execute();
}

/**
 * Records how a send ended, only while `holder` still holds the message: a host that lost
 * its lease (it stalled past it and another host took the message) changes nothing.
 * @returns whether the outcome was recorded
 */
export async function settle(
  db: Db,
  id: string,
  holder: string,
  outcome: { status: 'sent' | 'refused' | 'unsubscribed' | 'rejected' | 'failed' | 'skipped' | 'pending'; error?: string; notBefore?: Date; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: outcome.status,
      last_error: outcome.error ?? null,
      lease_until: null,
      claimed_by: null,
      ...(outcome.status === 'sent' && { sent_at: outcome.at.toISOString() }),
      ...(outcome.notBefore && { not_before: outcome.notBefore.toISOString() }),
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Messages still to go out (pending or being sent), for the metrics and readiness. */
export async function outboxBacklog(db: Db): Promise<{ pending: number; sending: number }> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['pending', 'sending'])
    .groupBy('status')
    .execute();
  const of = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { pending: of('pending'), sending: of('sending') };
}

export async function messagesFor(db: Db, userId: string): Promise<OutboxTable[]> {
  return db.selectFrom('outbox').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
}
