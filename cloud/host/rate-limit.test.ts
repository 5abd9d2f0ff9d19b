import crypto from 'node:crypto';
import AV from 'leancloud-storage';
import { ERRORS } from '../../types';
import { errorCodeOf, signIn, startTestLinli, type Client, type TestLinli } from '../testing/linli';

let linli: TestLinli;
let resident: Client;
beforeAll(async () => {
  linli = await startTestLinli({ LINLI_LOGIN_RATE_PER_MINUTE: '6', LINLI_WRITE_RATE_PER_MINUTE: '3' });
  // Signed in before the login budget is spent below.
  resident = await signIn('resident');
});
afterAll(() => linli.stop());

describe('rate limits', () => {
  it('logins beyond the limit get 155, not a new session', async () => {
    const codes: number[] = [];
    // A different name each time, so that the lockout (five per name and address) stays out of it.
    for (let i = 0; i < 8; i++) codes.push(await errorCodeOf(AV.User.logIn(`nobody-${i}`, 'x')));
    // Each login route counts on its own: six tries at /1.1/login, then the door closes.
    expect(codes.slice(0, 6).every((c) => c === ERRORS.LOGIN_FAILED.code)).toBe(true);
    expect(codes.slice(6)).toEqual([ERRORS.RATE_LIMITED.code, ERRORS.RATE_LIMITED.code]);
  });

  it('writes beyond the limit get 155 while reads go on', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(await resident.call('users.updateProfile', { nickname: `王秀兰${i}` }).then(() => 0, (e: { code: number }) => e.code));
    }
    expect(codes).toEqual([0, 0, 0, ERRORS.RATE_LIMITED.code, ERRORS.RATE_LIMITED.code]);
    await expect(resident.call('users.me')).resolves.toBeTruthy();

    // A refusal says when to try again; an allowed call carries no budget headers (LeanCloud sends none).
    const call = (name: string) => {
      const ts = String(Date.now());
      const sign = crypto.createHash('md5').update(ts + linli.config.appKey).digest('hex');
      return linli.host.inject({
        method: 'POST',
        url: `/1.1/functions/${name}`,
        headers: { 'x-lc-id': linli.config.appId, 'x-lc-sign': `${sign},${ts}`, 'x-lc-session': resident.token!, 'content-type': 'application/json' },
        payload: name === 'users.me' ? {} : { nickname: '王秀兰' },
      });
    };
    const refused = await call('users.updateProfile');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const allowed = await call('users.me');
    expect(allowed.statusCode).toBe(200);
    expect(Object.keys(allowed.headers).filter((h) => h.startsWith('x-ratelimit'))).toEqual([]);
  });
});
