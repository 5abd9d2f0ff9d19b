import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { ERRORS } from '../../types';
import { callerVersion } from '../auth/sessions.storage';
import { callAt, signIn, startTestLinli, type Client, type TestLinli } from '../testing/linli';

/**
 * A session revoked by SQL from another process (an operator's hand, a tool) is refused at
 * the next request. On SQLite the host shares a read snapshot between reads made in one turn
 * of its event loop (cloud/storage/dialect.ts, `ReadWindow`); a signed request must not check
 * its session in a snapshot taken before it arrived.
 */
let linli: TestLinli;
let resident: Client;
beforeAll(async () => {
  linli = await startTestLinli();
  resident = await signIn('revoked-by-sql');
});
afterAll(() => linli.stop());

const mine = () => callAt(linli.url, linli.config, 'events.mine', {}, resident.token);

it('is refused at the next request even when this host began a shared read just before the revocation', async () => {
  // Twice: the second finds the session in the host's cache and checks its auth_version.
  expect((await mine()).status).toBe(200);
  expect((await mine()).status).toBe(200);
  const revoke = `UPDATE sessions SET revoked_at = '2026-12-01T00:00:00.000Z' WHERE user_id = '${resident.userId!}'`;
  if (linli.testDatabase.kind === 'sqlite') {
    const outside = new SqliteDatabase(linli.testDatabase.url);
    try {
      // In a callback of the loop's check phase: a read of the host begins a shared snapshot
      // that would last into the next turn, then the other process commits, then the request
      // is sent (it reaches the host in the next turn's poll phase).
      await new Promise<void>((resolve) =>
        setImmediate(() => {
          void callerVersion(linli.services.db, resident.userId!);
          outside.prepare(revoke).run();
          resolve();
        }),
      );
    } finally {
      outside.close();
    }
  } else {
    const outside = new pg.Client({ connectionString: linli.testDatabase.url });
    await outside.connect();
    try {
      await outside.query(revoke);
    } finally {
      await outside.end();
    }
  }
  const refused = await mine();
  expect(refused.status).toBe(ERRORS.SESSION_INVALID.status);
  expect((JSON.parse(refused.body) as { code: number }).code).toBe(ERRORS.SESSION_INVALID.code);
});
