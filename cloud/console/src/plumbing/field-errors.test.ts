import { ERRORS } from '../../../../types/errors';
import { signInConsole, startTestLinli, type Client, type TestLinli } from '../../../testing/linli';
import { NETWORK_MESSAGE, toAppError } from '../sdk/errors';
import { toFieldErrors } from './field-errors';

/** The error a promise rejects with, as the SDK gives it (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

const EVENT_FORM = ['title', 'category', 'organizer', 'venue', 'startsAt', 'endsAt', 'capacity', 'partners'];

describe('errors from the real host, through the SDK, in the event form', () => {
  let linli: TestLinli;
  let admin: Client;
  beforeAll(async () => {
    linli = await startTestLinli();
    admin = await signInConsole('chaoyang-admin', 'Linli2026dev');
  });
  afterAll(() => linli.stop());

  const start = () => new Date(linli.clock.now().getTime() + 86_400_000);
  const event = () => ({ title: '免费理发', category: '志愿服务' as const, scopeId: 'chaoyang', organizer: '朝阳社区', venue: '活动室', startsAt: start(), endsAt: new Date(start().getTime() + 3_600_000) });

  it('puts each bad input next to its field, in the host’s words', async () => {
    const error = await rejection(admin.call('events.create', { ...event(), title: 'x', partners: ['好邻居协会', ''] }));
    const { fields, message } = toFieldErrors(error, EVENT_FORM);
    expect(fields).toEqual(
      expect.arrayContaining([
        { name: ['title'], errors: ['标题至少2个字'] },
        { name: ['partners'], errors: [expect.any(String)] },
      ]),
    );
    expect(message).toBeNull();
  });

  it('puts a coded error about one field (end before start) on that field', async () => {
    const error = await rejection(admin.call('events.create', { ...event(), endsAt: new Date(start().getTime() - 3_600_000) }));
    // The host names the rule that broke; it belongs under the end time.
    expect(toFieldErrors(error, EVENT_FORM)).toEqual({ fields: [{ name: ['endsAt'], errors: ['结束时间要晚于开始时间'] }], message: null });
  });

  it('shows a refusal that is about no field above the form', async () => {
    const error = await rejection(admin.call('events.create', { ...event(), scopeId: 'kangle' }));
    expect(toFieldErrors(error, EVENT_FORM)).toEqual({ fields: [], message: ERRORS.OUT_OF_SCOPE.message });
  });

  it('shows a bad input whose field this form does not have above it, with what was wrong', async () => {
    const error = await rejection(admin.call('events.create', { ...event(), scopeId: '' }));
    const { fields, message } = toFieldErrors(error, EVENT_FORM);
    expect(fields).toEqual([]);
    expect(message).toMatch(/^填写的内容有误/);
  });
});

describe('coded errors into messages', () => {
  it('uses the declared Chinese message when the SDK only has English', () => {
    const e = toAppError(Object.assign(new Error('Forbidden [403 POST http://x/1.1/functions/audit.list]'), { code: 403 }));
    expect(e).toMatchObject({ kind: 'ROLE_REQUIRED', message: '您没有使用这项功能的权限' });
  });

  it('keeps the host’s own Chinese message and its fields', () => {
    const e = toAppError({ code: 142, rawMessage: '填写的内容有误：标题至少2个字', fields: [{ path: 'title', message: '标题至少2个字' }, { bogus: 1 }] });
    expect(e).toMatchObject({ kind: 'INVALID_INPUT', message: '填写的内容有误：标题至少2个字', fields: [{ path: 'title', message: '标题至少2个字' }] });
  });

  it('says the network is down when no answer came', () => {
    expect(toAppError({ code: -1, message: 'Request has been terminated' }).message).toBe(NETWORK_MESSAGE);
    expect(toAppError(new TypeError('Failed to fetch')).message).toBe(NETWORK_MESSAGE);
  });

  it('places a wrong password on the password field of the sign-in form', () => {
    const { fields } = toFieldErrors({ code: 210, rawMessage: '用户名或密码不正确' }, ['username', 'password']);
    expect(fields).toEqual([{ name: ['password'], errors: ['用户名或密码不正确'] }]);
  });
});
