type Listener = (resolve: jest.Mock) => void;

function load(taroEnv: 'weapp' | 'h5', needAuthorization = true) {
  jest.resetModules();
  process.env.TARO_ENV = taroEnv;
  const Taro = require('@tarojs/taro') as Record<string, unknown>;
  let listener: Listener | null = null;
  if (taroEnv === 'weapp') {
    Taro.getPrivacySetting = ({ success }: { success: (r: { needAuthorization: boolean }) => void }) =>
      success({ needAuthorization });
    Taro.onNeedPrivacyAuthorization = (l: Listener) => (listener = l);
  }
  const privacy = require('./privacy') as typeof import('./privacy');
  return { privacy, fire: (resolve: jest.Mock) => listener?.(resolve) };
}

afterEach(() => localStorage.clear());
afterAll(() => {
  delete process.env.TARO_ENV;
});

describe('on weapp', () => {
  it('asks WeChat whether consent is still needed', async () => {
    await expect(load('weapp', true).privacy.checkConsentNeeded()).resolves.toBe(true);
    await expect(load('weapp', false).privacy.checkConsentNeeded()).resolves.toBe(false);
  });

  it('holds a covered call until the resident agrees, naming the agree button', () => {
    const { privacy, fire } = load('weapp');
    privacy.installPrivacyListener();
    const resolve = jest.fn();
    fire(resolve);
    privacy.reportExposure();
    privacy.answerPending(true);
    expect(resolve.mock.calls).toEqual([
      [{ event: 'exposureAuthorization' }],
      [{ event: 'agree', buttonId: privacy.PRIVACY_AGREE_BUTTON_ID }],
    ]);
  });

  it('fails the held call when the resident declines', () => {
    const { privacy, fire } = load('weapp');
    privacy.installPrivacyListener();
    const resolve = jest.fn();
    fire(resolve);
    privacy.answerPending(false);
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
  });

  it('lets a newer request replace an unanswered one, which then fails', () => {
    const { privacy, fire } = load('weapp');
    privacy.installPrivacyListener();
    const first = jest.fn();
    const second = jest.fn();
    fire(first);
    fire(second);
    privacy.answerPending(true);
    expect(first).toHaveBeenCalledWith({ event: 'disagree' });
    expect(second).toHaveBeenCalledWith({ event: 'agree', buttonId: privacy.PRIVACY_AGREE_BUTTON_ID });
  });
});

describe('in the H5 preview (no WeChat privacy API)', () => {
  it('needs consent until the resident agrees, then remembers it', async () => {
    const { privacy } = load('h5');
    await expect(privacy.checkConsentNeeded()).resolves.toBe(true);
    privacy.recordConsent();
    await expect(privacy.checkConsentNeeded()).resolves.toBe(false);
  });

  it('asks again when the policy version changes', async () => {
    const { privacy } = load('h5');
    localStorage.setItem('linli.privacyConsent', JSON.stringify({ data: '2020-01-01' }));
    await expect(privacy.checkConsentNeeded()).resolves.toBe(true);
  });
});
