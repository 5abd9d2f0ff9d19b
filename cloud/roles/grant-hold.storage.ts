import { isPostgres, type Db } from '../storage/dialect';

/**
 * Holds a person's account row and role grants still for the rest of the caller's
 * transaction, before a write that re-checks them (an EXISTS or insert-select over
 * `role_grants` / `users`).
 *
 * Under PostgreSQL's READ COMMITTED each statement reads the last committed rows and does not
 * wait for a revocation or deletion that is under way, so such a re-check alone could hand a
 * petition to someone whose role is being taken away that very moment. A share lock waits for
 * that change to commit (the re-check after it then sees it), and a revocation starting later
 * waits for this write (and then sees it: `releaseAgentWork` finds the petition). SQLite has
 * one writer at a time: nothing to do there.
 */
export async function holdPerson(tx: Db, userId: string): Promise<void> {
  if (!isPostgres(tx)) return;
  await tx.selectFrom('users').select('id').where('id', '=', userId).forShare().execute();
  await tx.selectFrom('role_grants').select('user_id').where('user_id', '=', userId).forShare().execute();
}
