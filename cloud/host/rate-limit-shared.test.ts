import crypto from 'node:crypto';
import { ERRORS } from '../../types';
import { signIn, startAnotherHost, startTestLinli, type Client, type TestLinli } from '../testing/linli';

/**
 * Behind a load balancer a resident's calls land on any host: with the counters in the
 * database (the default on PostgreSQL), the budget is one for all hosts, not one per host.
 */
let linli: TestLinli;
let second: Awaited<ReturnType<typeof startAnotherHost>>;
let resident: Client;
const env = { LINLI_RATE_LIMIT_STORE: 'database', LINLI_WRITE_RATE_PER_MINUTE: '3' };
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
  const ts = String(Date.now());
  const response = await fetch(`${url}/1.1/functions/users.updateProfile`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-lc-id': linli.config.appId,
      'x-lc-sign': `${crypto.createHash('md5').update(ts + linli.config.appKey).digest('hex')},${ts}`,
      'x-lc-session': resident.token!,
    },
    body: JSON.stringify({ nickname }),
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
