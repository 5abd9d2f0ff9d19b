import { type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * How a message's send was paid for ('credit' | 'long-term'), recorded with the spend in one
 * transaction: a host that takes over a message a dead host had paid for sends it on that
 * payment instead of spending a second credit (or finding none and calling it 未订阅).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('paid', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('paid').execute();
}
