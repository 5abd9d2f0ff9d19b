import crypto from 'node:crypto';
import { loadConfig, type Config } from '../cloud/config';
import { startLinli } from '../cloud/start';
import { createTestDatabase } from '../cloud/storage/test-database';

/**
 * The host every bench measures: a fresh test database (SQLite, or PostgreSQL with
 * LINLI_TEST_PG_URL) with the demo data, rate limits too high to meet, the outbox timer off.
 * `extra` adds or overrides settings.
 */
export async function startBenchHost(extra: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'bench',
    PORT: '0',
    DATABASE_URL: database.url,
    LINLI_DEMO_DATA: '1',
    LINLI_LOGIN_RATE_PER_MINUTE: '100000000',
    LINLI_WRITE_RATE_PER_MINUTE: '100000000',
    LINLI_OUTBOX_INTERVAL_MS: '0',
    ...extra,
  });
  const linli = await startLinli(config);
  /** Closes the host and drops its database. */
  const stop = async () => {
    await linli.close();
    await database.drop();
  };
  return { database, config, linli, stop };
}

/** The SDK's headers for one request: app id, a fresh signature, the session if any. */
export function signedHeaders(config: Pick<Config, 'appId' | 'appKey'>, token?: string): Record<string, string> {
  const ts = String(Date.now());
  return {
    'content-type': 'application/json',
    'x-lc-id': config.appId,
    'x-lc-sign': `${crypto.createHash('md5').update(ts + config.appKey).digest('hex')},${ts}`,
    ...(token ? { 'x-lc-session': token } : {}),
  };
}

/** `events.create`'s input for a bench event at `start`: three hours, `capacity` seats, in 朝阳社区. */
export function benchEventInput(start: Date, capacity: number) {
  return {
    title: '爱心义诊进社区',
    category: '义诊',
    scopeId: 'chaoyang',
    organizer: '朝阳社区党委',
    venue: '党群服务中心',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
    capacity,
  };
}
