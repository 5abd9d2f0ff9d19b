import { FixedClock, HOUR, MINUTE } from '../core/clock';
import { createWechatClient, WechatError, WECHAT_CODE_INVALID, WECHAT_CODE_USED, WECHAT_SUBSCRIPTION_REFUSED } from './client';
import { openidOf, startFakeWechat, type FakeWechat } from './fake-server';

let fake: FakeWechat;
const clock = new FixedClock(new Date('2026-03-22T00:00:00Z'));
let tokenRequests = 0;
const countingFetch: typeof fetch = (input, init) => {
  if (String(input).includes('/cgi-bin/stable_token')) tokenRequests++;
  return fetch(input, init);
};
const client = () => createWechatClient({ baseUrl: fake.url, appId: 'wx-test', secret: 's', clock, fetch: countingFetch });

const ONE_TIME = 'tpl-once';
const LONG_TERM = 'tpl-long';
const KEYWORDS = ['thing1', 'time2', 'phrase3'];

beforeAll(async () => {
  fake = await startFakeWechat({
    clock,
    appId: 'wx-test',
    secret: 's',
    templates: [
      { id: ONE_TIME, kind: 'one-time', keywords: KEYWORDS },
      { id: LONG_TERM, kind: 'long-term', keywords: KEYWORDS },
    ],
  });
});
const post = (path: string, body: unknown) =>
  fetch(`${fake.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const valid = { thing1: '爱心义诊进社区', time2: '2026年3月22日 09:00', phrase3: '报名成功' };
const send = (toOpenid: string, templateId = ONE_TIME, data: Record<string, string> = valid) => client().sendSubscribeMessage({ toOpenid, templateId, data });
const errcodeOf = (promise: Promise<unknown>) => promise.then(() => 0, (e: WechatError) => e.errcode);
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

  it('takes a wx.login code once: 40163 when it is used again', async () => {
    const { code } = (await (await post('/__fake/wx-login', { persona: 'once' })).json()) as { code: string };
    expect(await client().code2Session(code)).toMatchObject({ openid: openidOf('once') });
    expect(await errcodeOf(client().code2Session(code))).toBe(WECHAT_CODE_USED);
    expect(await errcodeOf(client().code2Session('dev:nonce#a1'))).toBe(0);
    expect(await errcodeOf(client().code2Session('dev:nonce#a1'))).toBe(WECHAT_CODE_USED);
  });

  it('lets a wx.login code expire after five minutes (40029)', async () => {
    const { code } = (await (await post('/__fake/wx-login', { persona: 'slow' })).json()) as { code: string };
    clock.advance(5 * MINUTE);
    expect(await errcodeOf(client().code2Session(code))).toBe(WECHAT_CODE_INVALID);
  });

  it('answers 45011 when one user logs in more than 100 times a minute', async () => {
    const codes = await Promise.all(Array.from({ length: 101 }, (_, i) => errcodeOf(client().code2Session(`dev:hammer#${i}`))));
    expect(codes.filter((c) => c === 0)).toHaveLength(100);
    expect(codes.filter((c) => c === 45011)).toHaveLength(1);
  });

  it('refuses a wrong secret with 40125', async () => {
    const wrong = createWechatClient({ baseUrl: fake.url, appId: 'wx-test', secret: 'nope', clock });
    expect(await errcodeOf(wrong.code2Session('dev:resident'))).toBe(40125);
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
    await post('/__fake/subscribe', { openid: 'o1', results: { [LONG_TERM]: 'accept' } });
    await expect(wechat.sendSubscribeMessage({ toOpenid: 'o1', templateId: LONG_TERM, data: valid })).resolves.toHaveProperty('msgid');
    expect(tokenRequests).toBe(2);
  });
});

describe('subscribe messages', () => {
  it('a user who never accepted gets nothing: 43101', async () => {
    expect(await errcodeOf(send('o-never'))).toBe(WECHAT_SUBSCRIPTION_REFUSED);
  });

  it('one accepted one-time template allows exactly one message, recorded with its fields', async () => {
    await post('/__fake/subscribe', { openid: 'o-once', results: { [ONE_TIME]: 'accept' } });
    expect(await errcodeOf(send('o-once'))).toBe(0);
    expect(await errcodeOf(send('o-once'))).toBe(WECHAT_SUBSCRIPTION_REFUSED);
    const messages = (await (await fetch(`${fake.url}/__fake/messages`)).json()) as Array<{ touser: string; data: Record<string, { value: string }> }>;
    expect(messages.filter((m) => m.touser === 'o-once').map((m) => m.data.thing1)).toEqual([{ value: '爱心义诊进社区' }]);
  });

  it('two accepted taps allow two messages; a rejected tap none', async () => {
    await post('/__fake/subscribe', { openid: 'o-twice', results: { [ONE_TIME]: 'accept' } });
    await post('/__fake/subscribe', { openid: 'o-twice', results: { [ONE_TIME]: 'acceptWithAudio' } });
    await post('/__fake/subscribe', { openid: 'o-twice', results: { [ONE_TIME]: 'reject' } });
    expect([await errcodeOf(send('o-twice')), await errcodeOf(send('o-twice')), await errcodeOf(send('o-twice'))]).toEqual([0, 0, 43101]);
  });

  it('a long-term template sends again and again until the user switches it off', async () => {
    await post('/__fake/subscribe', { openid: 'o-long', results: { [LONG_TERM]: 'accept' } });
    for (let i = 0; i < 3; i++) expect(await errcodeOf(send('o-long', LONG_TERM))).toBe(0);
    await post('/__fake/switch-off', { openid: 'o-long', templateId: LONG_TERM });
    expect(await errcodeOf(send('o-long', LONG_TERM))).toBe(WECHAT_SUBSCRIPTION_REFUSED);
  });

  it("refuses fields over WeChat's limits with 47003, without spending the subscription", async () => {
    await post('/__fake/subscribe', { openid: 'o-fields', results: { [ONE_TIME]: 'accept' } });
    expect(await errcodeOf(send('o-fields', ONE_TIME, { ...valid, thing1: '一'.repeat(21) }))).toBe(47003);
    expect(await errcodeOf(send('o-fields', ONE_TIME, { ...valid, phrase3: '报名已经成功' }))).toBe(47003);
    expect(await errcodeOf(send('o-fields', ONE_TIME, { ...valid, time2: '下周一上午' }))).toBe(47003);
    expect(await errcodeOf(send('o-fields', ONE_TIME, { thing1: '义诊', time2: '09:00' }))).toBe(47003);
    expect(await errcodeOf(send('o-fields'))).toBe(0);
  });

  it('refuses an unknown template (40037) and more than 3 templates in one request', async () => {
    expect(await errcodeOf(send('o-any', 'tpl-unknown'))).toBe(40037);
    const four = await post('/__fake/subscribe', { openid: 'o-any', results: { a: 'accept', b: 'accept', c: 'accept', d: 'accept' } });
    expect(four.status).toBe(400);
  });

  it('a refusal arrives as WechatError 43101, and every call can be read back', async () => {
    await post('/__fake/subscribe', { openid: 'o-no', results: { [ONE_TIME]: 'accept' } });
    await post('/__fake/refuse', { openid: 'o-no' });
    const error = await send('o-no').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatError);
    expect((error as WechatError).errcode).toBe(WECHAT_SUBSCRIPTION_REFUSED);
    const log = (await (await fetch(`${fake.url}/__fake/log`)).json()) as Array<{ api: string; errcode: number; detail: { touser?: string } }>;
    expect(log.filter((c) => c.detail.touser === 'o-no').map((c) => [c.api, c.errcode])).toEqual([['subscribeMessage.send', 43101]]);
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
