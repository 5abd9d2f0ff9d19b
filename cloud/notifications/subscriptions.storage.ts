import { ACCEPTED_CHOICES, type SubscribeChoice, type TemplateName } from '../../types/notifications-model';
import type { Db } from '../storage/dialect';
import type { SubscriptionsTable } from '../storage/schema';

export type TemplateKind = 'one-time' | 'long-term';

/**
 * Records what the resident chose in WeChat's subscribe sheet: an accepted one-time
 * template adds one credit (WeChat lets them pile up, one per accepted tap), a long-term
 * one is switched on or off. "ban" (总是拒绝) clears the credits too.
 */
export async function recordChoices(
  db: Db,
  userId: string,
  choices: Array<{ template: TemplateName; kind: TemplateKind; choice: SubscribeChoice }>,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const { template, kind, choice } of choices) {
      const accepted = ACCEPTED_CHOICES.includes(choice);
      const row = { user_id: userId, template, last_choice: choice, updated_at: now.toISOString() };
      if (kind === 'long-term') {
        await tx
          .insertInto('subscriptions')
          .values({ ...row, credits: 0, long_term: accepted ? 1 : 0 })
          .onConflict((oc) => oc.columns(['user_id', 'template']).doUpdateSet({ long_term: accepted ? 1 : 0, last_choice: choice, updated_at: row.updated_at }))
          .execute();
      } else {
        await tx
          .insertInto('subscriptions')
          .values({ ...row, credits: accepted ? 1 : 0, long_term: 0 })
          .onConflict((oc) =>
            oc.columns(['user_id', 'template']).doUpdateSet((eb) => ({
              credits: accepted ? eb('subscriptions.credits', '+', 1) : choice === 'ban' ? 0 : eb.ref('subscriptions.credits'),
              last_choice: choice,
              updated_at: row.updated_at,
            })),
          )
          .execute();
      }
    }
  });
}

/** Which claim of which message a payment is for: the outbox row and the host holding it. */
export interface PaidMessage {
  messageId: string;
  /** The lease holder (outbox.claimed_by): a host that lost the message pays nothing. */
  holder: string;
  userId: string;
  template: TemplateName;
}

/**
 * Takes the right to send one message and records it on the message, in one transaction:
 * a long-term subscription that is on, or one one-time credit (a conditional decrement, so a
 * credit is never spent twice). A host that takes over a message a dead host had paid for
 * finds `outbox.paid` set and sends on that payment, instead of spending the resident's next
 * credit or finding none.
 *
 * @returns how it was paid for, or null when the resident has not subscribed (未订阅) or
 *   the holder no longer holds the message
 */
export async function payForMessage(db: Db, m: PaidMessage, kind: TemplateKind): Promise<'long-term' | 'credit' | null> {
  return db.transaction().execute(async (tx) => {
    let paid: 'long-term' | 'credit' | null = null;
    if (kind === 'long-term') {
      const row = await tx.selectFrom('subscriptions').select('long_term').where('user_id', '=', m.userId).where('template', '=', m.template).executeTakeFirst();
      paid = row?.long_term === 1 ? 'long-term' : null;
    } else {
      const spent = await tx
        .updateTable('subscriptions')
        .set((eb) => ({ credits: eb('credits', '-', 1) }))
        .where('user_id', '=', m.userId)
        .where('template', '=', m.template)
        .where('credits', '>', 0)
        .executeTakeFirst();
      paid = Number(spent.numUpdatedRows) === 1 ? 'credit' : null;
    }
    if (!paid) return null;
    const marked = await tx
      .updateTable('outbox')
      .set({ paid })
      .where('id', '=', m.messageId)
      .where('status', '=', 'sending')
      .where('claimed_by', '=', m.holder)
      .executeTakeFirst();
    // Another host holds the message now: roll the spend back.
    if (Number(marked.numUpdatedRows) !== 1) throw new LostClaim();
    return paid;
  }).catch((error: unknown) => {
    if (error instanceof LostClaim) return null;
    throw error;
  });
}

class LostClaim extends Error {}

/** Gives back the credit of a message WeChat did not take (a failure to retry), once. */
export async function refundMessage(db: Db, m: PaidMessage): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const unmarked = await tx
      .updateTable('outbox')
      .set({ paid: null })
      .where('id', '=', m.messageId)
      .where('paid', '=', 'credit')
      .where('claimed_by', '=', m.holder)
      .executeTakeFirst();
    if (Number(unmarked.numUpdatedRows) !== 1) return;
    await tx
      .updateTable('subscriptions')
      .set((eb) => ({ credits: eb('credits', '+', 1) }))
      .where('user_id', '=', m.userId)
      .where('template', '=', m.template)
      .execute();
  });
}

/** WeChat answered 43101: whatever we thought, the resident has switched this template off. */
export async function clearSubscription(db: Db, userId: string, template: TemplateName, now: Date): Promise<void> {
  await db
    .updateTable('subscriptions')
    .set({ credits: 0, long_term: 0, last_choice: 'refused', updated_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('template', '=', template)
    .execute();
}

export async function subscriptionsOf(db: Db, userIds: readonly string[]): Promise<SubscriptionsTable[]> {
  if (userIds.length === 0) return [];
  return db.selectFrom('subscriptions').selectAll().where('user_id', 'in', [...userIds]).execute();
}
