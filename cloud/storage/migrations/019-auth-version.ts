import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * `users.auth_version` counts the changes to what a user's sessions may do: a session
 * revoked, expired early or deleted, a role granted, changed or revoked. Hosts cache a
 * session's caller for a short while and check this one number (a primary-key read) at
 * every request instead of joining sessions, users and grants (cloud/auth/session-cache.ts).
 *
 * Also an index for 我的分享 (below).
 *
 * Triggers bump it, not the code that changes those rows, so no path (a function, a job, a
 * console import, an operator's SQL) can change access without every host seeing it at the
 * next request. A user's own deletion or openid change needs no bump: the check reads
 * `deleted_at` and `openid` in the same row.
 */
export async function up(db: AnyDb): Promise<void> {
  // 我的分享 (shares.mine) counts the sign-ups each of a worker's shares brought: without
  // this the count read every registration (cloud/storage/explain.test.ts found it).
  await db.schema.createIndex('event_registrations_shared_by').on('event_registrations').columns(['shared_by', 'event_id']).execute();
  await db.schema.alterTable('users').addColumn('auth_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  const bump = (userRef: 'NEW' | 'OLD') => `UPDATE users SET auth_version = auth_version + 1 WHERE id = ${userRef}.user_id`;
  const sessionChanged = 'OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at OR OLD.user_id IS DISTINCT FROM NEW.user_id';
  const triggers: Array<{ name: string; table: string; event: string; when?: string; ref: 'NEW' | 'OLD' }> = [
    { name: 'sessions_auth_update', table: 'sessions', event: 'UPDATE', when: sessionChanged, ref: 'OLD' },
    { name: 'sessions_auth_delete', table: 'sessions', event: 'DELETE', ref: 'OLD' },
    { name: 'role_grants_auth_insert', table: 'role_grants', event: 'INSERT', ref: 'NEW' },
    { name: 'role_grants_auth_update', table: 'role_grants', event: 'UPDATE', ref: 'OLD' },
    { name: 'role_grants_auth_update_new', table: 'role_grants', event: 'UPDATE', when: 'OLD.user_id IS DISTINCT FROM NEW.user_id', ref: 'NEW' },
    { name: 'role_grants_auth_delete', table: 'role_grants', event: 'DELETE', ref: 'OLD' },
  ];
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const ref of ['NEW', 'OLD'] as const) {
      await sql
        .raw(
          `CREATE FUNCTION linli_bump_auth_version_${ref.toLowerCase()}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${bump(ref)}; RETURN NULL; END $$`,
        )
        .execute(db);
    }
    for (const t of triggers) {
      await sql
        .raw(
          `CREATE TRIGGER ${t.name} AFTER ${t.event} ON ${t.table} FOR EACH ROW ${t.when ? `WHEN (${t.when})` : ''} EXECUTE FUNCTION linli_bump_auth_version_${t.ref.toLowerCase()}()`,
        )
        .execute(db);
    }
  } else {
    for (const t of triggers) {
      // SQLite spells IS DISTINCT FROM as IS NOT.
      const when = t.when ? `WHEN ${t.when.replaceAll('IS DISTINCT FROM', 'IS NOT')}` : '';
      await sql.raw(`CREATE TRIGGER ${t.name} AFTER ${t.event} ON ${t.table} FOR EACH ROW ${when} BEGIN ${bump(t.ref)}; END`).execute(db);
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  const names = ['sessions_auth_update', 'sessions_auth_delete', 'role_grants_auth_insert', 'role_grants_auth_update', 'role_grants_auth_update_new', 'role_grants_auth_delete'];
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const name of names) {
    const table = name.startsWith('sessions') ? 'sessions' : 'role_grants';
    await sql.raw(postgres ? `DROP TRIGGER ${name} ON ${table}` : `DROP TRIGGER ${name}`).execute(db);
  }
  if (postgres) {
    await sql.raw('DROP FUNCTION linli_bump_auth_version_new()').execute(db);
    await sql.raw('DROP FUNCTION linli_bump_auth_version_old()').execute(db);
  }
  await db.schema.alterTable('users').dropColumn('auth_version').execute();
  await db.schema.dropIndex('event_registrations_shared_by').execute();
}
