import crypto from 'node:crypto';
import { ERRORS } from '../../types';
import { readRateWindow } from './rate-limits.storage';
import { signIn, startAnotherHost, startTestLinli, type Client, type TestLinli } from '../testing/linli';

/**
 * Behind a load balancer a resident's calls land on any host: with the counters in the
 * database (the default on PostgreSQL), the budget is one for all hosts, not one per host.
 */
let linli: TestLinli;
let second: Awaited<ReturnType<typeof startAnotherHost>>;
let resident: Client;
// Reads get ten times the write budget (30 here), counted on each host and flushed every 20 ms.
const env = { LINLI_RATE_LIMIT_STORE: 'database', LINLI_WRITE_RATE_PER_MINUTE: '3', LINLI_RATE_LIMIT_FLUSH_MS: '20' };
beforeAll(async () => {
  linli = await startTestLinli(env);
  second = await startAnotherHost(linli, env);
  resident = await signIn('shared-limit');
});
afterAll(async () => {
  await second.close();
  await linli.stop();
});

async function writeAt(url: string, nickname: string): Promise<number> {
  return callAt(url, 'users.updateProfile', { nickname }, resident);
}

/** 0 when the call succeeded, else its error code. */
async function callAt(url: string, name: string, body: unknown, who: Client): Promise<number> {
  const ts = String(Date.now());
  const response = await fetch(`${url}/1.1/functions/${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-lc-id': linli.config.appId,
      'x-lc-sign': `${crypto.createHash('md5').update(ts + linli.config.appKey).digest('hex')},${ts}`,
      'x-lc-session': who.token!,
    },
    body: JSON.stringify(body),
  });
  return response.ok ? 0 : ((await response.json()) as { code: number }).code;
}

describe('when a resident writes through two hosts', () => {
  it('the fourth write in a minute is refused whichever host it reaches', async () => {
    const codes = [];
    for (const [i, url] of [linli.url, second.url, linli.url, second.url, linli.url].entries()) codes.push(await writeAt(url, `居民${i}`));
    expect(codes).toEqual([0, 0, 0, ERRORS.RATE_LIMITED.code, ERRORS.RATE_LIMITED.code]);
    // Another resident's budget is untouched.
    const other = await signIn('shared-limit-2');
    await expect(other.call('users.updateProfile', { nickname: '邻居' })).resolves.toBeTruthy();
  });
});

describe('when a resident reads through two hosts', () => {
  it('host B refuses, once host A has flushed, the reads A let through', async () => {
    const reader = await signIn('shared-reads');
    const readAt = (url: string) => callAt(url, 'users.me', {}, reader);
    const codes = [];
    for (let i = 0; i < 31; i++) codes.push(await readAt(linli.url));
    // Host A judges its own reads at once: the 31st is over the budget of 30.
    expect(codes.slice(0, 30).every((c) => c === 0)).toBe(true);
    expect(codes[30]).toBe(ERRORS.RATE_LIMITED.code);
    // A writes what it counted within its flush interval…
    const key = `POST /1.1/functions/:name|read:user:${reader.userId}`;
    const deadline = Date.now() + 5_000;
    while (((await readRateWindow(linli.services.db, key))?.hits ?? 0) < 31 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect((await readRateWindow(linli.services.db, key))?.hits).toBe(31);
    // …and B, which never saw this resident, learns the shared total with its first read.
    expect(await readAt(second.url)).toBe(ERRORS.RATE_LIMITED.code);
    expect(await readAt(second.url)).toBe(ERRORS.RATE_LIMITED.code);
    // Writes are a budget of their own, and another resident's reads are untouched.
    expect(await callAt(second.url, 'users.updateProfile', { nickname: '读者' }, reader)).toBe(0);
    expect(await callAt(second.url, 'users.me', {}, await signIn('shared-reads-2'))).toBe(0);
  });

  it('a read is judged on the shared total plus the host’s own reads not yet written', async () => {
    const reader = await signIn('shared-reads-3');
    const readAt = (url: string) => callAt(url, 'users.me', {}, reader);
    const key = `POST /1.1/functions/:name|read:user:${reader.userId}`;
    for (let i = 0; i < 20; i++) expect(await readAt(linli.url)).toBe(0);
    const deadline = Date.now() + 5_000;
    while (((await readRateWindow(linli.services.db, key))?.hits ?? 0) < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    // B starts from A's 20: ten more, whether or not B's own flushes have landed, then no more.
    const codes = [];
    for (let i = 0; i < 12; i++) codes.push(await readAt(second.url));
    expect(codes).toEqual([...Array<number>(10).fill(0), ERRORS.RATE_LIMITED.code, ERRORS.RATE_LIMITED.code]);
  });
});

describe('when a host shuts down', () => {
  it('writes the reads it counted and had not written yet', async () => {
    const third = await startAnotherHost(linli, { ...env, LINLI_RATE_LIMIT_FLUSH_MS: '10000' });
    const reader = await signIn('shared-reads-4');
    const key = `POST /1.1/functions/:name|read:user:${reader.userId}`;
    for (let i = 0; i < 5; i++) expect(await callAt(third.url, 'users.me', {}, reader)).toBe(0);
    // The first read of the window was written at once; the other four wait for a flush.
    expect((await readRateWindow(linli.services.db, key))?.hits).toBe(1);
    await third.close();
    expect((await readRateWindow(linli.services.db, key))?.hits).toBe(5);
  });
});
