import crypto from 'node:crypto';
import { loadConfig } from '../cloud/config';
import { startLinli, type Linli } from '../cloud/start';
import { createTestDatabase, type TestDatabase } from '../cloud/storage/test-database';

/**
 * Shared by the benchmarks: a host on a fresh database (SQLite, or PostgreSQL when
 * LINLI_TEST_PG_URL is set), and a client that speaks the SDK's protocol over HTTP so
 * thousands of sessions can call at once.
 */
export interface BenchHost {
  linli: Linli;
  database: TestDatabase;
  call<T>(name: string, params: unknown, token?: string): Promise<{ status: number; body: { result?: T; code?: number; error?: string } }>;
  login(persona: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startBenchHost(): Promise<BenchHost> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'bench',
    PORT: '0',
    DATABASE_URL: database.url,
    LINLI_DEMO_DATA: '1',
    LINLI_LOGIN_RATE_PER_MINUTE: '1000000',
    LINLI_WRITE_RATE_PER_MINUTE: '1000000',
    LINLI_OUTBOX_INTERVAL_MS: '0',
  });
  const linli = await startLinli(config);
  const headers = (token?: string) => {
    const ts = String(Date.now());
    return {
      'content-type': 'application/json',
      'x-lc-id': config.appId,
      'x-lc-sign': `${crypto.createHash('md5').update(ts + config.appKey).digest('hex')},${ts}`,
      ...(token && { 'x-lc-session': token }),
    };
  };
  return {
    linli,
    database,
    async call(name, params, token) {
      const response = await fetch(`${linli.url}/1.1/functions/${name}`, { method: 'POST', headers: headers(token), body: JSON.stringify(params) });
      return { status: response.status, body: await response.json() };
    },
    async login(persona) {
      const response = await fetch(`${linli.url}/1.1/users`, {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify({ authData: { lc_weapp: { code: `dev:${persona}` } } }),
      });
      return ((await response.json()) as { sessionToken: string }).sessionToken;
    },
    async stop() {
      await linli.close();
      await database.drop();
    },
  };
}

/** Requests per second of a bare host route at the same concurrency: the baseline. */
export async function bareRouteRate(url: string, concurrency: number, rounds = 3): Promise<number> {
  let best = 0;
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, () => fetch(`${url}/api/health`).then((r) => r.arrayBuffer())));
    best = Math.max(best, concurrency / ((performance.now() - started) / 1000));
  }
  return best;
}

export function check(label: string, ok: boolean): void {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${label}`);
  if (!ok) process.exitCode = 1;
}

export async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}
