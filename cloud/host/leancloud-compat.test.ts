import crypto from 'node:crypto';
import AV from 'leancloud-storage';
import { ERRORS } from '../../types';
import { errorCodeOf, startTestLinli, type TestLinli } from '../testing/linli';

/**
 * Where app code written for LeanCloud depends on LeanCloud's answers. The user cases are
 * those of the SDK's own suite (leancloud/javascript-sdk test/user.js) that apply to this
 * host — login and become, wrong password 210, an outdated session token, failOnNotExist —
 * driven through the installed SDK; WeChat stands in for the suite's generic authData.
 */
let linli: TestLinli;
beforeAll(async () => {
  linli = await startTestLinli();
});
afterAll(() => linli.stop());
afterEach(() => AV.User.logOut());

const weapp = (code: string, extra: Record<string, unknown> = {}) => ({ code, ...extra }) as unknown as AV.AuthData;

function signedHeaders() {
  const ts = String(Date.now());
  const sign = crypto.createHash('md5').update(ts + linli.config.appKey).digest('hex');
  return { 'x-lc-id': linli.config.appId, 'x-lc-sign': `${sign},${ts}`, 'content-type': 'application/json' };
}

async function userCount(): Promise<number> {
  const row = await linli.services.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('User.logIn and User.become (SDK suite)', () => {
  it('logs in, and become() with the session token gives the same user back', async () => {
    const user = await AV.User.logIn('chaoyang-admin', 'Linli2026dev');
    expect(user.get('username')).toBe('chaoyang-admin');
    const again = await AV.User.become(user.getSessionToken());
    expect(again.get('username')).toBe('chaoyang-admin');
  });

  it('fails a wrong password with code 210', async () => {
    expect(await errorCodeOf(AV.User.logIn('chaoyang-admin', 'wrong password'))).toBe(210);
  });
});

describe('an outdated sessionToken (SDK suite)', () => {
  it('makes isAuthenticated() resolve false, because the host answers 211', async () => {
    await AV.User.logIn('chaoyang-admin', 'Linli2026dev');
    const current = AV.User.current() as AV.User & { _sessionToken: string };
    await expect(current.isAuthenticated()).resolves.toBe(true);
    current._sessionToken = '0';
    await expect(current.isAuthenticated()).resolves.toBe(false);
  });
});

describe('failOnNotExist (SDK suite)', () => {
  it('refuses an unknown WeChat user with 211 "Could not find user" and creates nobody', async () => {
    const before = await userCount();
    const error = await AV.User.loginWithAuthData(weapp('dev:first-timer'), 'lc_weapp', { failOnNotExist: true }).then(
      () => null,
      (e: { code: number; message: string }) => e,
    );
    expect(error?.code).toBe(211);
    expect(error?.message).toMatch(/Could not find user/);
    expect(await userCount()).toBe(before);
  });

  it('signs an existing WeChat user in as usual', async () => {
    const first = await AV.User.loginWithAuthData(weapp('dev:returning'), 'lc_weapp');
    await AV.User.logOut();
    const again = await AV.User.loginWithAuthData(weapp('dev:returning'), 'lc_weapp', { failOnNotExist: true });
    expect(again.id).toBe(first.id);
  });
});

describe('the user object a WeChat login returns', () => {
  it('carries authData.lc_weapp.openid and a LeanCloud-style username, never the session_key', async () => {
    const user = await AV.User.loginWithAuthData(weapp('dev:resident'), 'lc_weapp');
    expect((user.get('authData') as { lc_weapp: { openid: string } }).lc_weapp.openid).toBe('fake-resident');
    expect(user.get('username')).toMatch(/^[a-z0-9]{25}$/);
    const response = await linli.host.inject({ method: 'GET', url: '/1.1/users/me', headers: { ...signedHeaders(), 'x-lc-session': user.getSessionToken() } });
    expect(response.json().authData).toEqual({ lc_weapp: { openid: 'fake-resident' } });
    expect(response.body).not.toMatch(/session_?key/i);
  });
});

describe('preferUnionId', () => {
  it('keeps the unionid WeChat gives, and finds the same person from another mini-program by it', async () => {
    await linli.fake('/__fake/unionid', { openid: 'oMiniAppOne000000000000000u1', unionid: 'oUnionSamePerson00000000000u' });
    await linli.fake('/__fake/unionid', { openid: 'oMiniAppTwo000000000000000u2', unionid: 'oUnionSamePerson00000000000u' });
    // What the weapp adapter sends for loginWithWeapp({ preferUnionId: true }).
    const one = await AV.User.loginWithAuthData(weapp('dev:openid:oMiniAppOne000000000000000u1', { platform: 'weixin', main_account: true }), 'lc_weapp');
    const authData = one.get('authData') as { lc_weapp: { unionid?: string }; _weixin_unionid?: { uid: string } };
    expect(authData.lc_weapp.unionid).toBe('oUnionSamePerson00000000000u');
    expect(authData._weixin_unionid).toEqual({ uid: 'oUnionSamePerson00000000000u' });
    await AV.User.logOut();
    const two = await AV.User.loginWithAuthData(weapp('dev:openid:oMiniAppTwo000000000000000u2'), 'lc_weapp');
    expect(two.id).toBe(one.id);
  });

  it('without preferUnionId, a new account does not take the unionid', async () => {
    await linli.fake('/__fake/unionid', { openid: 'oNoPreference00000000000000n', unionid: 'oUnionNotKept00000000000000n' });
    const user = await AV.User.loginWithAuthData(weapp('dev:openid:oNoPreference00000000000000n'), 'lc_weapp');
    expect((user.get('authData') as { lc_weapp: { unionid?: string } }).lc_weapp.unionid).toBeUndefined();
  });
});

describe('GET /1.1/date', () => {
  it("answers the host's time as a LeanCloud Date, without credentials", async () => {
    const response = await linli.host.inject({ method: 'GET', url: '/1.1/date' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { __type: string; iso: string };
    expect(body.__type).toBe('Date');
    expect(Math.abs(new Date(body.iso).getTime() - Date.now())).toBeLessThan(60_000);
  });
});

describe('a part of the API this host does not serve', () => {
  it('answers with its own code and names the path, unlike a missing record', async () => {
    const error = await new AV.Query('Todo').find().then(
      () => null,
      (e: { code: number; message: string }) => e,
    );
    expect(error?.code).toBe(ERRORS.API_NOT_SERVED.code);
    expect(error?.message).toContain('此服务器不提供该接口: /1.1/classes/Todo');
    expect(ERRORS.API_NOT_SERVED.code).not.toBe(ERRORS.NOT_FOUND.code);
    const elsewhere = await linli.host.inject({ method: 'GET', url: '/no-such-page' });
    expect(elsewhere.json().code).toBe(ERRORS.NOT_FOUND.code);
  });

  it('names an unknown cloud function, keeping its code', async () => {
    const error = await AV.Cloud.run('events.teleport', {}).then(
      () => null,
      (e: { code: number; message: string }) => e,
    );
    expect(error?.code).toBe(ERRORS.FUNCTION_NOT_FOUND.code);
    expect(error?.message).toContain('events.teleport');
  });
});
