import { sql } from 'kysely';
import type { Db } from '../storage/dialect';

/** One round trip to the database, for readiness. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
