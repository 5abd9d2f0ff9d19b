import { FixedClock, HOUR } from '../core/clock';
import { createWechatClient, WechatError, WECHAT_CODE_INVALID, WECHAT_SUBSCRIPTION_REFUSED } from './client';
import { openidOf, startFakeWechat, type FakeWechat } from './fake-server';

let fake: FakeWechat;
const clock = new FixedClock(new Date('2026-03-22T00:00:00Z'));
let tokenRequests = 0;
const countingFetch: typeof fetch = (input, init) => {
  if (String(input).includes('/cgi-bin/stable_token')) tokenRequests++;
  return fetch(input, init);
};
const client = () => createWechatClient({ baseUrl: fake.url, appId: 'wx-test', secret: 's', clock, fetch: countingFetch });

beforeAll(async () => {
  fake = await startFakeWechat();
});
afterAll(() => fake.close());
beforeEach(() => {
  tokenRequests = 0;
});

describe('jscode2session', () => {
  it('maps a dev persona code to a stable openid', async () => {
    expect(await client().code2Session('dev:resident')).toEqual({ openid: openidOf('resident'), unionid: undefined });
  });
  it('answers 40029 for an unknown code, as WeChat does', async () => {
    await expect(client().code2Session('garbage')).rejects.toMatchObject({ errcode: WECHAT_CODE_INVALID });
  });
});

describe('access token', () => {
  it('is fetched once and reused until it nears expiry', async () => {
    const wechat = client();
    const first = await wechat.getAccessToken();
    expect(await wechat.getAccessToken()).toBe(first);
    expect(tokenRequests).toBe(1);
    clock.advance(2 * HOUR);
    expect(await wechat.getAccessToken()).not.toBe(first);
    expect(tokenRequests).toBe(2);
  });

  it('is refreshed once when WeChat says it went stale, and the call succeeds', async () => {
    const wechat = client();
    await wechat.getAccessToken();
    await fetch(`${fake.url}/__fake/expire-tokens`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    await expect(wechat.sendSubscribeMessage({ toOpenid: 'o1', templateId: 't', data: { thing1: '义诊' } })).resolves.toHaveProperty('msgid');
    expect(tokenRequests).toBe(2);
  });
});

describe('subscribe messages', () => {
  it('are recorded by the fake with their fields', async () => {
    await client().sendSubscribeMessage({
      toOpenid: 'o-msg',
      templateId: 'tpl-reminder',
      page: 'packages/events/detail?id=1',
      data: { thing1: '爱心义诊进社区', time2: '2026年3月22日 09:00' },
    });
    const messages = (await (await fetch(`${fake.url}/__fake/messages`)).json()) as Array<{ touser: string; data: Record<string, { value: string }> }>;
    expect(messages.find((m) => m.touser === 'o-msg')?.data.thing1).toEqual({ value: '爱心义诊进社区' });
  });

  it('a refusal arrives as WechatError 43101', async () => {
    await fetch(`${fake.url}/__fake/refuse`, { method: 'POST', body: JSON.stringify({ openid: 'o-no' }), headers: { 'content-type': 'application/json' } });
    const error = await client()
      .sendSubscribeMessage({ toOpenid: 'o-no', templateId: 't', data: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatError);
    expect((error as WechatError).errcode).toBe(WECHAT_SUBSCRIPTION_REFUSED);
  });
});

describe('phone number and mini-program code', () => {
  it('exchanges a phone code for the number', async () => {
    expect(await client().getPhoneNumber('phone:13812345678')).toEqual({ phoneNumber: '13812345678', countryCode: '86' });
  });
  it('returns a PNG for the unlimited mini-program code', async () => {
    const png = await client().getUnlimitedQrCode({ scene: 'e=abc&s=u1', page: 'packages/events/detail' });
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });
  it('refuses a scene longer than 32 characters with WeChat\'s error', async () => {
    await expect(client().getUnlimitedQrCode({ scene: 'x'.repeat(33) })).rejects.toMatchObject({ errcode: 40169 });
  });
});
