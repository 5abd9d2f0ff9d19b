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
  });
});
