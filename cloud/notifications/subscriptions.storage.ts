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

/**
 * Takes the right to send one message: a long-term subscription that is on, or one
 * one-time credit (a conditional decrement, so a credit is never spent twice).
 *
 * @returns how it was paid for, or null when the resident has not subscribed (未订阅)
 */
export async function spendCredit(db: Db, userId: string, template: TemplateName, kind: TemplateKind): Promise<'long-term' | 'credit' | null> {
  if (kind === 'long-term') {
    const row = await db.selectFrom('subscriptions').select('long_term').where('user_id', '=', userId).where('template', '=', template).executeTakeFirst();
    return row?.long_term === 1 ? 'long-term' : null;
  }
  const result = await db
    .updateTable('subscriptions')
    .set((eb) => ({ credits: eb('credits', '-', 1) }))
    .where('user_id', '=', userId)
    .where('template', '=', template)
    .where('credits', '>', 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? 'credit' : null;
}

/** Gives back a credit whose message WeChat did not take (a failure to retry). */
export async function refundCredit(db: Db, userId: string, template: TemplateName): Promise<void> {
  await db
    .updateTable('subscriptions')
    .set((eb) => ({ credits: eb('credits', '+', 1) }))
    .where('user_id', '=', userId)
    .where('template', '=', template)
    .execute();
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
