import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The ledger of what each user let us send them (订阅消息): per template, the one-time
 * credits left (one per accepted tap) or whether a long-term subscription is on. The
 * outbox spends a credit with a conditional update, so two workers never spend one twice.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('subscriptions')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('credits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('long_term', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_choice', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('subscriptions_pk', ['user_id', 'template'])
    .addCheckConstraint('subscriptions_credits_not_negative', sql`credits >= 0`)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('subscriptions').execute();
}
