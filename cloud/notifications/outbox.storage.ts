import { newId } from '../core/crypto';
import type { Db } from '../storage/dialect';
import type { OutboxTable } from '../storage/schema';

export interface OutgoingMessage {
  /** Unique per message that must go out once, e.g. `event:<id>:reg:<id>:promoted`. */
  dedupeKey: string;
  userId: string;
  template: string;
  page: string | null;
  data: Record<string, string>;
  notBefore: Date;
}

/** Queues messages; one already queued under the same dedupe key is kept, not doubled. */
export async function enqueue(db: Db, messages: OutgoingMessage[], now: Date): Promise<void> {
  for (const m of messages) {
    await db
      .insertInto('outbox')
      .values({
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
        created_at: now.toISOString(),
        sent_at: null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }
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

export async function dueMessages(db: Db, now: Date, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox as o')
    .innerJoin('users as u', 'u.id', 'o.user_id')
    .selectAll('o')
    .select('u.openid')
    .where('o.status', '=', 'pending')
    .where('o.not_before', '<=', now.toISOString())
    .orderBy('o.not_before')
    .limit(limit)
    .execute();
}

/** Takes a message for sending; false when another worker already took it. */
export async function claim(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function settle(
  db: Db,
  id: string,
  outcome: { status: 'sent' | 'refused' | 'failed' | 'skipped' | 'pending'; error?: string; notBefore?: Date; at: Date },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      status: outcome.status,
      last_error: outcome.error ?? null,
      ...(outcome.status === 'sent' && { sent_at: outcome.at.toISOString() }),
      ...(outcome.notBefore && { not_before: outcome.notBefore.toISOString() }),
    })
    .where('id', '=', id)
    .execute();
}

export async function messagesFor(db: Db, userId: string): Promise<OutboxTable[]> {
  return db.selectFrom('outbox').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
}
