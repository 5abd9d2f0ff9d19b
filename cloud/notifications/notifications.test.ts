import fs from 'node:fs';
import path from 'node:path';
import { ERRORS } from '../../types';
import { SUBSCRIBE_TAPS, TEMPLATE_NAMES, TEMPLATE_TITLES } from '../../types/notifications-model';
import { loadConfig } from '../config';
import { errorCodeOf, signIn, startTestLinli, type Client, type TestLinli } from '../testing/linli';
import { openidOf } from '../wechat/fake-server';
import { enqueue, messagesFor, type OutgoingMessage } from './outbox.storage';
import { MESSAGE_PLAN } from './templates';
import { runOutboxOnce } from './worker';

// `progress` (办理进度) is long-term here, as for a 政务民生 mini-program WeChat approved; the rest one-time.
let linli: TestLinli;
let resident: Client;
beforeAll(async () => {
  linli = await startTestLinli({ LINLI_LONG_TERM_TEMPLATES: 'progress' });
  resident = await signIn('notice-1');
});
afterAll(() => linli.stop());

let seq = 0;
function message(userId: string, template: OutgoingMessage['template'], data: Record<string, string> = {}): OutgoingMessage {
  seq++;
  return {
    dedupeKey: `test:${seq}`,
    userId,
    template,
    page: null,
    data: { thing1: '安置区北门外没有直通路', time2: '2026年3月23日 10:00', thing3: '朝阳社区', thing4: `第${seq}步`, ...data },
    notBefore: linli.clock.now(),
  };
}
const sendsTo = async (persona: string) => (await linli.fakeLog()).filter((c) => c.api === 'subscribeMessage.send' && c.detail.touser === openidOf(persona));

describe('a long-term template (长期订阅)', () => {
  it('sends every step until the resident switches it off in WeChat; then 43101 is final and the ledger shows it off', async () => {
    const me = await signIn('notice-long');
    await linli.subscribe(me, 'notice-long', ['progress']);
    await enqueue(linli.services.db, [message(me.userId!, 'progress'), message(me.userId!, 'progress'), message(me.userId!, 'progress')], linli.clock.now());
    expect(await runOutboxOnce(linli.services)).toBe(3);
    expect((await me.call('notifications.mine', {})).find((n) => n.template === 'progress')).toMatchObject({ kind: 'long-term', on: true, credits: null });

    await linli.fake('/__fake/switch-off', { openid: openidOf('notice-long'), templateId: linli.config.templates.progress.id });
    await enqueue(linli.services.db, [message(me.userId!, 'progress')], linli.clock.now());
    await runOutboxOnce(linli.services);
    expect((await messagesFor(linli.services.db, me.userId!)).map((m) => m.status)).toEqual(['sent', 'sent', 'sent', 'refused']);
    expect((await me.call('notifications.mine', {})).find((n) => n.template === 'progress')).toMatchObject({ on: false });
    // Off in the ledger: the next one is 未订阅 without asking WeChat again.
    await enqueue(linli.services.db, [message(me.userId!, 'progress')], linli.clock.now());
    await runOutboxOnce(linli.services);
    expect((await messagesFor(linli.services.db, me.userId!)).at(-1)).toMatchObject({ status: 'unsubscribed' });
    expect((await sendsTo('notice-long')).map((c) => c.errcode)).toEqual([0, 0, 0, 43101]);
  });
});

describe('a one-time template (一次性订阅)', () => {
  it('a report the WeChat client never made (no tap at WeChat) earns the ledger a credit but WeChat refuses: 43101, sent once at most', async () => {
    const me = await signIn('notice-forged');
    // Straight to the host, as a tampered client could: WeChat itself never saw an 允许.
    await me.call('notifications.report', { results: { [linli.config.templates.reviewResult.id]: 'accept' } });
    await enqueue(linli.services.db, [message(me.userId!, 'reviewResult')], linli.clock.now());
    await runOutboxOnce(linli.services);
    expect((await messagesFor(linli.services.db, me.userId!)).map((m) => m.status)).not.toContain('sent');
    expect((await sendsTo('notice-forged')).map((c) => c.errcode)).toEqual([43101]);
  });

  it('one accepted tap: exactly one message; the second is 未订阅 and WeChat is not called', async () => {
    const me = await signIn('notice-once');
    await linli.subscribe(me, 'notice-once', ['reviewResult']);
    await enqueue(linli.services.db, [message(me.userId!, 'reviewResult'), message(me.userId!, 'reviewResult')], linli.clock.now());
    await runOutboxOnce(linli.services);
    expect((await messagesFor(linli.services.db, me.userId!)).map((m) => [m.status, m.last_error])).toEqual([
      ['sent', null],
      ['unsubscribed', '未订阅：居民没有可用的订阅次数'],
    ]);
    expect(await sendsTo('notice-once')).toHaveLength(1);
  });

  it("a field over WeChat's limits is caught before sending, and the credit stays for the next message", async () => {
    const me = await signIn('notice-long-text');
    await linli.subscribe(me, 'notice-long-text', ['reviewResult']);
    await enqueue(linli.services.db, [message(me.userId!, 'reviewResult', { thing4: '这是一段远远超过二十个字的说明文字，微信会拒绝它' })], linli.clock.now());
    await runOutboxOnce(linli.services);
    expect(await messagesFor(linli.services.db, me.userId!)).toMatchObject([{ status: 'rejected', last_error: 'thing4：20个以内字符' }]);
    expect(await sendsTo('notice-long-text')).toHaveLength(0);
    expect((await me.call('notifications.mine', {})).find((n) => n.template === 'reviewResult')).toMatchObject({ on: true, credits: 1 });
  });
});

describe('what the mini-program reports', () => {
  it('counts accepted taps, not rejected ones; "ban" clears what was left', async () => {
    const id = linli.config.templates.eventReminder.id;
    await resident.call('notifications.report', { results: { [id]: 'accept' } });
    await resident.call('notifications.report', { results: { [id]: 'acceptWithAudio' } });
    await resident.call('notifications.report', { results: { [id]: 'reject' } });
    const after = await resident.call('notifications.mine', {});
    expect(after.find((n) => n.template === 'eventReminder')).toMatchObject({ title: '活动提醒', credits: 2, on: true });
    expect(after.find((n) => n.template === 'eventResult')).toMatchObject({ credits: 0, on: false });
    await resident.call('notifications.report', { results: { [id]: 'ban' } });
    expect((await resident.call('notifications.mine', {})).find((n) => n.template === 'eventReminder')).toMatchObject({ credits: 0, on: false });
  });

  it('takes at most 3 templates at a time, as WeChat asks for at most 3', async () => {
    const results = Object.fromEntries(TEMPLATE_NAMES.slice(0, 4).map((n) => [linli.config.templates[n].id, 'accept' as const]));
    expect(await errorCodeOf(resident.call('notifications.report', { results }))).toBe(ERRORS.INVALID_INPUT.code);
  });

  it('the template ids are public, by our names, so the sheet can open inside the tap', async () => {
    const ids = await resident.call('notifications.templateIds', {});
    expect(ids.progress).toBe(linli.config.templates.progress.id);
    expect(Object.keys(ids).sort()).toEqual([...TEMPLATE_NAMES].sort());
  });
});

describe('production', () => {
  const env = {
    NODE_ENV: 'production',
    LINLI_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
    LINLI_APP_KEY: 'k'.repeat(24),
    WECHAT_APP_SECRET: 's'.repeat(32),
    WECHAT_API_BASE: 'https://api.weixin.qq.com',
    LINLI_PUBLIC_URL: 'https://linli.example.cn',
  };
  const realIds = Object.fromEntries(
    ['EVENT_RESULT', 'EVENT_REMINDER', 'EVENT_CHANGE', 'BOOKING_RESULT', 'BOOKING_REMINDER', 'PROGRESS', 'REVIEW_RESULT', 'ELDER_ALERT'].map((k, i) => [`LINLI_TEMPLATE_${k}`, `Wx${i}aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789ab`]),
  );
  it('refuses to start with a placeholder template id, naming it', () => {
    expect(() => loadConfig({ ...env, ...realIds, LINLI_TEMPLATE_PROGRESS: 'tpl-progress' })).toThrow(/订阅消息模板编号仍是占位值：progress（办理进度）/);
  });
  it('starts with real ids, and rejects an unknown long-term name', () => {
    expect(loadConfig({ ...env, ...realIds }).templates.progress).toEqual({ id: realIds.LINLI_TEMPLATE_PROGRESS, kind: 'one-time' });
    expect(() => loadConfig({ ...env, ...realIds, LINLI_LONG_TERM_TEMPLATES: 'progres' })).toThrow(/未知模板：progres/);
  });
});

describe('docs/notifications.md', () => {
  const doc = fs.readFileSync(path.join(__dirname, '../../docs/notifications.md'), 'utf8');
  const rows = (heading: string) => {
    const section = doc.split(/^## /m).find((s) => s.startsWith(heading))!;
    return section
      .split('\n')
      .filter((l) => /^\| `/.test(l))
      .map((l) => l.split('|').slice(1, -1).map((c) => [...c.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)));
  };
  it('lists every tap with exactly the templates the code asks for', () => {
    const table = Object.fromEntries(rows('Which tap asks').map(([taps, templates]) => [taps![0], templates]));
    expect(table).toEqual(Object.fromEntries(Object.entries(SUBSCRIBE_TAPS).map(([k, v]) => [k, [...v]])));
  });
  it('lists every message with the template whose credit it spends', () => {
    const table = Object.fromEntries(rows('Which message spends').map(([kinds, templates]) => [kinds![0], templates![0]]));
    expect(table).toEqual(MESSAGE_PLAN);
  });
  it('names each template with the title the resident sees', () => {
    for (const name of TEMPLATE_NAMES) expect(doc).toContain(`\`${name}\` ${TEMPLATE_TITLES[name]}`);
  });
});
