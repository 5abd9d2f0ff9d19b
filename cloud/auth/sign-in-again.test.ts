import AV from 'leancloud-storage';
import { ERRORS } from '../../types';
import { DAY } from '../core/clock';
import { errorCodeOf, startTestLinli, type TestLinli } from '../testing/linli';

/**
 * The real SDK keeps the signed-in user (and its token) in storage and sends that token
 * with every request, the login that should replace it included. Whatever ended the
 * session, one login must bring the resident back.
 */
let linli: TestLinli;
beforeAll(async () => {
  linli = await startTestLinli();
});
afterAll(() => linli.stop());
afterEach(async () => {
  await AV.User.logOut();
});

let nonce = 0;
/** What the mini-program does on launch or after a 211 on weapp: wx.login, then POST /1.1/users. */
const wechatLogin = (persona: string) => AV.User.loginWithAuthData({ code: `dev:${persona}#${++nonce}` } as unknown as AV.AuthData, 'lc_weapp');
const me = () => AV.Cloud.run('users.me', {});

async function holdingDeadToken(persona: string, end: (user: AV.User) => Promise<unknown>): Promise<{ dead: string; id: string }> {
  const user = await wechatLogin(persona);
  await end(user);
  // The SDK still holds the user, and the host now refuses its token.
  expect(AV.User.current()?.getSessionToken()).toBe(user.getSessionToken());
  expect(await errorCodeOf(me())).toBe(ERRORS.SESSION_INVALID.code);
  return { dead: user.getSessionToken(), id: user.id! };
}

describe('a resident whose session ended signs in again in one step, with the dead token still stored', () => {
  it('after the session expired (clock past 30 days)', async () => {
    const { dead, id } = await holdingDeadToken('again-expired', async () => linli.clock.advance(31 * DAY));
    try {
      const again = await wechatLogin('again-expired');
      expect(again.id).toBe(id);
      expect(again.getSessionToken()).not.toBe(dead);
      await expect(me()).resolves.toMatchObject({ objectId: id });
    } finally {
      linli.clock.advance(-31 * DAY);
    }
  });

  it('after signing out on another device (auth.logout on the host)', async () => {
    const { id } = await holdingDeadToken('again-logout', (user) => AV.Cloud.run('auth.logout', {}, { sessionToken: user.getSessionToken() }));
    const again = await wechatLogin('again-logout');
    expect(again.id).toBe(id);
    await expect(me()).resolves.toMatchObject({ objectId: id });
  });

  it('after deleting the account: the same WeChat user starts afresh as a new resident', async () => {
    const { id } = await holdingDeadToken('again-deleted', () => AV.Cloud.run('users.deleteAccount', { confirm: '注销' }));
    const again = await wechatLogin('again-deleted');
    expect(again.id).not.toBe(id);
    await expect(me()).resolves.toMatchObject({ objectId: again.id, phoneMasked: null });
  });

  it('a console account, with a dead token stored, logs in with its password', async () => {
    const admin = await AV.User.logIn('chaoyang-admin', 'Linli2026dev');
    await AV.Cloud.run('auth.logout', {});
    expect(await errorCodeOf(me())).toBe(ERRORS.SESSION_INVALID.code);
    const again = await AV.User.logIn('chaoyang-admin', 'Linli2026dev');
    expect(again.id).toBe(admin.id);
    await expect(me()).resolves.toMatchObject({ objectId: admin.id });
  });

  it('a dead token still gets 211 everywhere else, so the client knows to sign in again', async () => {
    await holdingDeadToken('again-elsewhere', (user) => AV.Cloud.run('auth.logout', {}, { sessionToken: user.getSessionToken() }));
    expect(await errorCodeOf(AV.Cloud.run('notifications.templateIds', {}))).toBe(ERRORS.SESSION_INVALID.code);
  });
});
