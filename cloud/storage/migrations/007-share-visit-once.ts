import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** A signed-in visitor counts once per card they open, however often the page reloads. */
export async function up(db: AnyDb): Promise<void> {
  await sql`DELETE FROM share_visits WHERE visitor_id IS NOT NULL AND id NOT IN (
    SELECT MIN(id) FROM share_visits WHERE visitor_id IS NOT NULL GROUP BY target_kind, target_id, sharer_id, visitor_id
  )`.execute(db);
  await db.schema
    .createIndex('share_visits_once')
    .unique()
    .on('share_visits')
    .columns(['target_kind', 'target_id', 'sharer_id', 'visitor_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('share_visits_once').execute();
}
