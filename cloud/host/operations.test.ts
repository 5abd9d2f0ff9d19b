import crypto from 'node:crypto';
import { Writable } from 'node:stream';
import { ERRORS } from '../../types';
import { pretendNewerSchema } from '../testing/faults.storage';
import { signIn, startAnotherHost, startTestLinli, type Client, type TestLinli } from '../testing/linli';

/** What a load balancer, Prometheus and an operator see of a host. */
let linli: TestLinli;
let resident: Client;
beforeAll(async () => {
  linli = await startTestLinli();
  resident = await signIn('ops-resident');
});
afterAll(() => linli.stop());

/** A call as the SDK makes it, to any host. */
async function callAt(url: string, name: string, input: unknown, token?: string, extra: Record<string, string> = {}) {
  const ts = String(Date.now());
  const response = await fetch(`${url}/1.1/functions/${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-lc-id': linli.config.appId,
      'x-lc-sign': `${crypto.createHash('md5').update(ts + linli.config.appKey).digest('hex')},${ts}`,
      ...(token && { 'x-lc-session': token }),
      ...extra,
    },
    body: JSON.stringify(input),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { code?: number; result?: unknown } };
}

describe('health and readiness', () => {
  it('/healthz says the process is up; /readyz that database, object store and schema are right', async () => {
    expect(await (await fetch(`${linli.url}/healthz`)).json()).toEqual({ ok: true });
    const ready = await fetch(`${linli.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, checks: {} });
  });

  it('/readyz is 503 when the object store cannot be reached', async () => {
    const other = await startAnotherHost(linli, { LINLI_S3_ENDPOINT: 'http://127.0.0.1:1', LINLI_S3_BUCKET: 'nowhere', LINLI_S3_ACCESS_KEY_ID: 'k', LINLI_S3_SECRET_ACCESS_KEY: 's' });
    try {
      const ready = await fetch(`${other.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { checks: Record<string, string> }).checks).toEqual({ objectStore: '文件存储不可用' });
    } finally {
      await other.close();
    }
  });
});

describe('when the schema is not the one the code was written for', () => {
  it('a production host refuses to start on a schema older than its code', async () => {
    const { createTestDatabase } = await import('../storage/test-database');
    const empty = await createTestDatabase();
    try {
      await expect(startAnotherHost(linli, { DATABASE_URL: empty.url, LINLI_AUTO_MIGRATE: '0' })).rejects.toThrow(/比本程序旧.*npm run migrate/);
    } finally {
      await empty.drop();
    }
  });

  it('refuses to start on a newer one, and a running host turns not ready', async () => {
    const undo = await pretendNewerSchema(linli.services.db);
    try {
      await expect(startAnotherHost(linli, { LINLI_AUTO_MIGRATE: '0' })).rejects.toThrow(/比本程序新.*999-from-the-future/);
      const ready = await fetch(`${linli.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { checks: Record<string, string> }).checks.migrations).toContain('999-from-the-future');
    } finally {
      await undo();
    }
  });
});

describe('metrics', () => {
  it('count requests, time each function, count errors by code, and show the outbox backlog and the pool', async () => {
    await resident.call('users.me');
    await callAt(linli.url, 'no.such.function', {}, resident.token);
    await callAt(linli.url, 'users.updateProfile', { nickname: '' }, resident.token);
    const text = await (await fetch(`${linli.url}/metrics`)).text();
    expect(text).toMatch(/linli_function_duration_seconds_bucket\{le="0.5",function="users.me",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/linli_function_duration_seconds_count\{function="unknown",outcome="error"\} [1-9]/);
    expect(text).toMatch(new RegExp(`linli_errors_total\\{code="${ERRORS.INVALID_INPUT.code}"\\} [1-9]`));
    expect(text).toMatch(new RegExp(`linli_errors_total\\{code="${ERRORS.FUNCTION_NOT_FOUND.code}"\\} [1-9]`));
    expect(text).toMatch(/linli_http_requests_total\{method="POST",route="\/1.1\/functions\/:name",status="200"\} [1-9]/);
    expect(text).toMatch(/linli_outbox_backlog\{status="pending"\} \d+/);
    expect(text).toMatch(/linli_db_pool_connections\{state="total"\} \d+/);
    expect(text).toContain('linli_node_process_cpu_seconds_total');
  });
});

describe('logs', () => {
  it('are JSON lines with the request id, and carry no session token, address, phone or query string', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const other = await startAnotherHost(linli, { LINLI_LOG_LEVEL: 'info' }, { logger: true, logStream: sink });
    try {
      const reply = await callAt(other.url, 'users.updateProfile', { nickname: '王秀兰' }, resident.token, { 'x-request-id': 'lb-req-42' });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('x-request-id')).toBe('lb-req-42');
      const generated = await fetch(`${other.url}/api/files/abc?e=1&s=secret-signature`);
      expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await other.close();
    }
    const records = lines.map((l) => JSON.parse(l) as { reqId?: string; req?: { path: string } });
    expect(records.filter((r) => r.reqId === 'lb-req-42').length).toBeGreaterThanOrEqual(2);
    expect(records.some((r) => r.req?.path === '/api/files/abc')).toBe(true);
    // The host's own listening address aside, no address appears: a resident's IP is personal data.
    const all = lines.filter((l) => !l.includes('Server listening')).join('\n');
    for (const secret of [resident.token!, '127.0.0.1', '王秀兰', 'secret-signature']) expect(all).not.toContain(secret);
  });
});

describe('a graceful stop', () => {
  it('finishes the request under way, then closes', async () => {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const other = await startAnotherHost(linli, {}, {
      beforeListen: async (host) => {
        host.get('/__slow', async () => {
          entered();
          await new Promise((resolve) => setTimeout(resolve, 300));
          return { done: true };
        });
      },
    });
    const slow = fetch(`${other.url}/__slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await inside;
    const started = Date.now();
    await other.close();
    expect(await slow).toEqual({ status: 200, body: { done: true } });
    // Closed when the request ended, not after the grace period.
    expect(Date.now() - started).toBeLessThan(linli.config.shutdownGraceMs);
    await expect(fetch(`${other.url}/healthz`)).rejects.toThrow();
  });
});
