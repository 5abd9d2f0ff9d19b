import type { AppError } from '../../types/errors';

/**
 * The client against a fake SDK: `./av` is the module boundary (everything the client
 * knows of leancloud-storage goes through getAV()).
 */
interface FakeAV {
  Cloud: { run: jest.Mock };
  User: { loginWithMiniApp: jest.Mock; loginWithAuthData: jest.Mock; current: jest.Mock; logOut: jest.Mock };
}

function sdkError(code: number, message: string) {
  // What the SDK rejects with after keepErrorRawMessage(true).
  return Object.assign(new Error(message), { code, rawMessage: message });
}

function load(taroEnv: 'weapp' | 'h5') {
  jest.resetModules();
  process.env.TARO_ENV = taroEnv;
  // As built: the weapp here is the production one (WeChat login); development weapp builds offer personas.
  (globalThis as { LINLI_DEV_LOGIN?: boolean }).LINLI_DEV_LOGIN = taroEnv === 'h5';
  const av: FakeAV = {
    Cloud: { run: jest.fn() },
    User: {
      loginWithMiniApp: jest.fn().mockResolvedValue({ id: 'u1' }),
      loginWithAuthData: jest.fn().mockResolvedValue({ id: 'u2' }),
      current: jest.fn().mockReturnValue(null),
      logOut: jest.fn().mockResolvedValue(undefined),
    },
  };
  jest.doMock('./av', () => ({ getAV: () => av }));
  const client = require('./client') as typeof import('./client');
  const session = require('./session') as typeof import('./session');
  const storage = require('../platform/storage') as typeof import('../platform/storage');
  return { av, ...client, ...session, ...storage };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the call to fail');
}

beforeEach(() => localStorage.clear());
afterAll(() => {
  delete process.env.TARO_ENV;
});

describe('when the host answers with an error', () => {
  it('gives the declared kind and the host’s own Chinese message', async () => {
    const { av, call } = load('weapp');
    av.Cloud.run.mockRejectedValue(sdkError(1201, '所选社区不存在，请重新选择'));
    const error = await rejection(call('users.updateProfile', { homeCommunityId: 'nope' }));
    expect(error.name).toBe('AppError');
    expect(error.kind).toBe('COMMUNITY_NOT_FOUND');
    expect(error.message).toBe('所选社区不存在，请重新选择');
  });

  it('keeps the per-field messages of an invalid input', async () => {
    const { av, call } = load('weapp');
    const fields = [{ path: 'nickname', message: '昵称最多20个字' }];
    av.Cloud.run.mockRejectedValue(Object.assign(sdkError(142, '填写的内容有误，请检查后再提交'), { fields }));
    const error = await rejection(call('users.updateProfile', { nickname: 'x'.repeat(30) }));
    expect(error.kind).toBe('INVALID_INPUT');
    expect(error.fields).toEqual(fields);
  });

  it('treats a code it does not know as an internal error but keeps the message', async () => {
    const { av, call } = load('weapp');
    av.Cloud.run.mockRejectedValue(sdkError(4242, '活动名额已满'));
    const error = await rejection(call('users.me', {}));
    expect(error.kind).toBe('INTERNAL');
    expect(error.message).toBe('活动名额已满');
  });

  it('says the network is down instead of showing the SDK’s English', async () => {
    const { av, call } = load('weapp');
    av.Cloud.run.mockRejectedValue(sdkError(-1, 'request:fail timeout'));
    const error = await rejection(call('users.me', {}));
    expect(error.kind).toBe('INTERNAL');
    expect(error.message).toBe('网络连接不上，请检查网络后再试');
  });

  it('passes the answer through when there is no error', async () => {
    const { av, call } = load('weapp');
    av.Cloud.run.mockResolvedValue([{ id: 'c1', name: '朝阳社区' }]);
    await expect(call('communities.list', {})).resolves.toEqual([{ id: 'c1', name: '朝阳社区' }]);
    expect(av.Cloud.run).toHaveBeenCalledWith('communities.list', {});
  });
});

describe('when the session has expired (211)', () => {
  it('signs in again with WeChat once and retries the call', async () => {
    const { av, call } = load('weapp');
    av.Cloud.run.mockRejectedValueOnce(sdkError(211, '登录已失效，请重新登录')).mockResolvedValueOnce({ nickname: '王秀兰' });
    await expect(call('users.me', {})).resolves.toEqual({ nickname: '王秀兰' });
    expect(av.User.loginWithMiniApp).toHaveBeenCalledTimes(1);
    expect(av.Cloud.run).toHaveBeenCalledTimes(2);
  });

  it('retries only once: a second 211 reaches the page', async () => {
    const { av, call } = load('weapp');
    av.Cloud.run.mockRejectedValue(sdkError(211, '登录已失效，请重新登录'));
    const error = await rejection(call('users.me', {}));
    expect(error.kind).toBe('SESSION_INVALID');
    expect(av.User.loginWithMiniApp).toHaveBeenCalledTimes(1);
    expect(av.Cloud.run).toHaveBeenCalledTimes(2);
  });

  it('shares one login between calls that fail together (wx.login codes are single-use)', async () => {
    const { av, call } = load('weapp');
    av.Cloud.run
      .mockRejectedValueOnce(sdkError(211, '登录已失效，请重新登录'))
      .mockRejectedValueOnce(sdkError(211, '登录已失效，请重新登录'))
      .mockResolvedValue('ok');
    await expect(Promise.all([call('users.me', {}), call('communities.list', {})])).resolves.toEqual(['ok', 'ok']);
    expect(av.User.loginWithMiniApp).toHaveBeenCalledTimes(1);
  });

  it('tells why the new login failed when it does', async () => {
    const { av, call } = load('weapp');
    av.Cloud.run.mockRejectedValue(sdkError(211, '登录已失效，请重新登录'));
    av.User.loginWithMiniApp.mockRejectedValue(sdkError(1102, '微信服务暂时不可用，请稍后再试'));
    const error = await rejection(call('users.me', {}));
    expect(error.kind).toBe('WECHAT_UNAVAILABLE');
    expect(av.Cloud.run).toHaveBeenCalledTimes(1);
  });

  it('does not sign in again after the resident signed out', async () => {
    const { av, call, endSession } = load('weapp');
    await endSession();
    av.Cloud.run.mockRejectedValue(sdkError(211, '登录已失效，请重新登录'));
    const error = await rejection(call('users.me', {}));
    expect(error.kind).toBe('SESSION_INVALID');
    expect(av.User.loginWithMiniApp).not.toHaveBeenCalled();
  });

  it('does not sign in again for a call that asked not to (signing out)', async () => {
    const { av, call } = load('weapp');
    av.Cloud.run.mockRejectedValue(sdkError(211, '登录已失效，请重新登录'));
    await rejection(call('auth.logout', {}, { reLogin: false }));
    expect(av.User.loginWithMiniApp).not.toHaveBeenCalled();
  });

  it('in the H5 preview, signs in again as the same persona', async () => {
    const { av, call, signInAsPersona } = load('h5');
    await signInAsPersona('dev:grid');
    av.User.loginWithAuthData.mockClear();
    av.Cloud.run.mockRejectedValueOnce(sdkError(211, '登录已失效，请重新登录')).mockResolvedValueOnce('ok');
    await expect(call('users.me', {})).resolves.toBe('ok');
    expect(av.User.loginWithAuthData).toHaveBeenCalledWith({ code: 'dev:grid' }, 'lc_weapp');
  });
});

describe('when the app launches', () => {
  it('keeps the session the SDK restored from storage without a request', async () => {
    const { av, restoreSession, getSession } = load('weapp');
    av.User.current.mockReturnValue({ id: 'u9' });
    await restoreSession();
    expect(getSession()).toMatchObject({ status: 'signedIn', userId: 'u9' });
    expect(av.User.loginWithMiniApp).not.toHaveBeenCalled();
  });

  it('signs a new resident in with WeChat silently', async () => {
    const { av, restoreSession, getSession } = load('weapp');
    await restoreSession();
    expect(av.User.loginWithMiniApp).toHaveBeenCalledTimes(1);
    expect(getSession()).toMatchObject({ status: 'signedIn', userId: 'u1' });
  });

  it('leaves a resident who signed out signed out', async () => {
    const { av, restoreSession, getSession, writeString, STORAGE_KEYS } = load('weapp');
    writeString(STORAGE_KEYS.signedOut, '1');
    await restoreSession();
    expect(av.User.loginWithMiniApp).not.toHaveBeenCalled();
    expect(getSession().status).toBe('signedOut');
  });
});
