import crypto from 'node:crypto';
import AV from 'leancloud-storage';
import { ERRORS } from '../../types';
import { DAY } from '../core/clock';
import { anonymous, errorCodeOf, signIn, signInConsole, startTestLinli, type TestLinli } from '../testing/linli';

let linli: TestLinli;
beforeAll(async () => {
  linli = await startTestLinli();
});
afterAll(() => linli.stop());

function signedHeaders(extra: Record<string, string> = {}) {
  const ts = String(Date.now());
  const sign = crypto.createHash('md5').update(ts + linli.config.appKey).digest('hex');
  return { 'x-lc-id': linli.config.appId, 'x-lc-sign': `${sign},${ts}`, 'content-type': 'application/json', ...extra };
}

describe('WeChat login through the SDK', () => {
  it('signs a resident in with a code and answers the LeanCloud user shape', async () => {
    const user = await AV.User.loginWithAuthData({ code: 'dev:resident' } as unknown as AV.AuthData, 'lc_weapp');
    expect(user.id).toMatch(/^[0-9a-f]{24}$/);
    expect(user.getSessionToken()).toBeTruthy();
    expect(user.get('nickname')).toBe('王秀兰');
    expect(user.get('homeCommunityName')).toBe('朝阳社区');
    expect(user.createdAt).toBeInstanceOf(Date);
    await AV.User.logOut();
  });

  it('gives the same user for the same WeChat identity on every login', async () => {
    const a = await signIn('resident');
    const b = await signIn('resident');
    expect(a.userId).toBe(b.userId);
    expect(a.token).not.toBe(b.token);
  });

  it('never returns the WeChat session_key', async () => {
    const response = await linli.host.inject({
      method: 'POST',
      url: '/1.1/users',
      headers: signedHeaders(),
      payload: { authData: { lc_weapp: { code: 'dev:resident' } } },
    });
    expect(response.statusCode).toBe(201);
    expect(response.body).not.toMatch(/session_?key/i);
  });

  it('refuses an unknown code and a reused one-time code with a coded error', async () => {
    const login = (code: string) => AV.User.loginWithAuthData({ code } as unknown as AV.AuthData, 'lc_weapp');
    expect(await errorCodeOf(login('not-a-real-code'))).toBe(ERRORS.WECHAT_CODE_INVALID.code);
    await login('dev:someone#n1');
    await AV.User.logOut();
    expect(await errorCodeOf(login('dev:someone#n1'))).toBe(ERRORS.WECHAT_CODE_INVALID.code);
  });

  it('restores the user from a session token with AV.User.become', async () => {
    const client = await signIn('grid');
    const user = await AV.User.become(client.token!);
    expect(user.id).toBe(client.userId);
    expect(user.getSessionToken()).toBe(client.token);
    expect(user.get('roles')).toEqual([{ role: 'gridWorker', scopeId: 'chaoyang' }]);
    await AV.User.logOut();
  });
});

describe('AV.Cloud.run', () => {
  it('answers {result} and decodes Dates on the way out', async () => {
    const resident = await signIn('resident');
    const me = await resident.call('users.me');
    expect(me.nickname).toBe('王秀兰');
    expect(me.createdAt).toBeInstanceOf(Date);
  });

  it('treats an empty body as {}', async () => {
    const response = await linli.host.inject({
      method: 'POST',
      url: '/1.1/functions/communities.list',
      headers: signedHeaders(),
      payload: '',
    });
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).result.length).toBeGreaterThan(5);
  });

  it('also answers on /1.1/call/:name', async () => {
    const response = await linli.host.inject({
      method: 'POST',
      url: '/1.1/call/communities.list',
      headers: signedHeaders(),
      payload: { level: 'community' },
    });
    const names = JSON.parse(response.body).result.map((r: { name: string }) => r.name);
    expect(names).toEqual(expect.arrayContaining(['朝阳社区', '三湾街社区', '大坡顶村', '康乐社区', '东方社区', '汇丰社区', '民安社区']));
  });

  it('decodes SDK-encoded Dates on the way in', async () => {
    const response = await linli.host.inject({
      method: 'POST',
      url: '/1.1/functions/communities.list',
      headers: signedHeaders(),
      payload: { level: { __type: 'Date', iso: '2026-01-01T00:00:00.000Z' } },
    });
    // A Date where a level is expected is bad input: decoded, then refused by the schema.
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).code).toBe(ERRORS.INVALID_INPUT.code);
  });
});

describe('errors reach the SDK as AV.Error with the declared code', () => {
  it('bad input: 142 with the field in Chinese', async () => {
    const resident = await signIn('resident');
    try {
      await resident.call('users.updateProfile', { nickname: 'x'.repeat(30) });
      throw new Error('should fail');
    } catch (error) {
      const e = error as AV.Error & { rawMessage: string; fields: Array<{ path: string }> };
      expect(e.code).toBe(ERRORS.INVALID_INPUT.code);
      expect(e.message).toContain('昵称最多20个字');
      expect(e.fields[0]!.path).toBe('nickname');
    }
  });

  it('an unknown function: 405', async () => {
    const code = await errorCodeOf(AV.Cloud.run('nothing.here', {}));
    expect(code).toBe(ERRORS.FUNCTION_NOT_FOUND.code);
  });

  it('signed-in function called anonymously: 211', async () => {
    expect(await errorCodeOf(anonymous.call('users.me'))).toBe(211);
  });

  it('a role the caller lacks: 403', async () => {
    const resident = await signIn('resident');
    expect(await errorCodeOf(resident.call('roles.list', {}))).toBe(ERRORS.ROLE_REQUIRED.code);
  });

  it('invalid JSON: 107, never a 500', async () => {
    const response = await linli.host.inject({
      method: 'POST',
      url: '/1.1/functions/communities.list',
      headers: signedHeaders(),
      payload: '{"level": ',
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ code: ERRORS.INVALID_JSON.code, error: ERRORS.INVALID_JSON.message });
  });

  it('a body over the limit: 413', async () => {
    const response = await linli.host.inject({
      method: 'POST',
      url: '/1.1/functions/communities.list',
      headers: signedHeaders(),
      payload: JSON.stringify({ parentId: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(JSON.parse(response.body).code).toBe(ERRORS.PAYLOAD_TOO_LARGE.code);
  });
});

describe('app signature', () => {
  it('refuses a wrong app key with a coded 401', async () => {
    const response = await linli.host.inject({
      method: 'POST',
      url: '/1.1/functions/communities.list',
      headers: { ...signedHeaders(), 'x-lc-sign': `${'0'.repeat(32)},${Date.now()}` },
    });
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body).code).toBe(ERRORS.APP_SIGNATURE_INVALID.code);
  });

  it('refuses a signature from too long ago', async () => {
    const ts = String(Date.now() - 60 * 60_000);
    const sign = crypto.createHash('md5').update(ts + linli.config.appKey).digest('hex');
    const response = await linli.host.inject({
      method: 'POST',
      url: '/1.1/functions/communities.list',
      headers: { ...signedHeaders(), 'x-lc-sign': `${sign},${ts}` },
    });
    expect(response.statusCode).toBe(401);
  });

  it('refuses another app id, and the SDK sees 401', async () => {
    const response = await linli.host.inject({
      method: 'POST',
      url: '/1.1/functions/communities.list',
      headers: { ...signedHeaders(), 'x-lc-id': 'someone-else' },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('an expired session gets 211', async () => {
    const resident = await signIn('resident');
    linli.clock.advance(31 * DAY);
    try {
      expect(await errorCodeOf(resident.call('users.me'))).toBe(211);
      expect(await errorCodeOf(AV.User.become(resident.token!))).toBe(211);
    } finally {
      linli.clock.advance(-31 * DAY);
    }
  });

  it('auth.logout revokes the session on the server', async () => {
    const resident = await signIn('resident');
    const other = await signIn('resident');
    await resident.call('auth.logout');
    expect(await errorCodeOf(resident.call('users.me'))).toBe(211);
    // Only that session: the same person on another device stays signed in.
    await expect(other.call('users.me')).resolves.toMatchObject({ nickname: '王秀兰' });
  });

  it('a made-up token gets 211 even on a public function', async () => {
    const code = await errorCodeOf(AV.Cloud.run('communities.list', {}, { sessionToken: 'forged' }));
    expect(code).toBe(211);
  });
});

describe('console accounts', () => {
  it('sign in with username and password', async () => {
    const admin = await signInConsole('chaoyang-admin', 'Linli2026dev');
    const me = await admin.call('users.me');
    expect(me.username).toBe('chaoyang-admin');
    expect(me.isResident).toBe(false);
    expect(me.roles).toEqual([{ role: 'communityAdmin', scopeId: 'chaoyang' }]);
  });

  it('five wrong passwords lock the account, even against the right one, until the lock ends', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await errorCodeOf(AV.User.logIn('kangle-admin', 'wrong-password'))).toBe(ERRORS.LOGIN_FAILED.code);
    }
    expect(await errorCodeOf(AV.User.logIn('kangle-admin', 'Linli2026dev'))).toBe(ERRORS.ACCOUNT_LOCKED.code);
    linli.clock.advance(16 * 60_000);
    await expect(signInConsole('kangle-admin', 'Linli2026dev')).resolves.toBeTruthy();
  });

  it('an unknown username answers like a wrong password', async () => {
    expect(await errorCodeOf(AV.User.logIn('nobody', 'whatever'))).toBe(ERRORS.LOGIN_FAILED.code);
  });

  it('changing the password signs out the other sessions', async () => {
    const here = await signInConsole('district-admin', 'Linli2026dev');
    const elsewhere = await signInConsole('district-admin', 'Linli2026dev');
    await here.call('auth.changePassword', { currentPassword: 'Linli2026dev', newPassword: 'NewPassw0rd2026' });
    expect(await errorCodeOf(elsewhere.call('users.me'))).toBe(211);
    await expect(here.call('users.me')).resolves.toBeTruthy();
    expect(await errorCodeOf(AV.User.logIn('district-admin', 'Linli2026dev'))).toBe(ERRORS.LOGIN_FAILED.code);
    await expect(signInConsole('district-admin', 'NewPassw0rd2026')).resolves.toBeTruthy();
  });
});

describe('the catalog', () => {
  it('lists every function with its access rule and an input JSON Schema', async () => {
    const response = await fetch(`${linli.url}/api/functions`);
    const { functions } = (await response.json()) as { functions: Array<{ name: string; access: { label: string }; input: { type: string } }> };
    const names = functions.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['communities.list', 'users.me', 'auth.logout', 'roles.grant']));
    const grant = functions.find((f) => f.name === 'roles.grant')!;
    expect(grant.access.label).toBe('社区管理员、区级管理员');
    expect(grant.input).toMatchObject({ type: 'object', required: ['userId', 'role', 'scopeId'] });
  });
});

describe('CORS for the H5 preview and the console', () => {
  it('answers a preflight with the LeanCloud headers allowed', async () => {
    const response = await linli.host.inject({
      method: 'OPTIONS',
      url: '/1.1/functions/users.me',
      headers: { origin: 'http://localhost:10086', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-lc-id,x-lc-sign,x-lc-session,content-type' },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-headers']).toMatch(/X-LC-Session/i);
  });
});
