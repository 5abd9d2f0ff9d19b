import { keywordProblem } from '../keyword-rules';
import type { FakeModule, FakeTemplate } from './state';
import { bodyOf, queryOf } from './state';

export interface RecordedMessage {
  msgid: string;
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  at: string;
}

/** What a user chose for one template in the requestSubscribeMessage sheet. */
export type SubscribeChoice = 'accept' | 'acceptWithAudio' | 'acceptWithAlert' | 'acceptWithForcePush' | 'reject' | 'ban' | 'filter';

const ACCEPTS: readonly string[] = ['accept', 'acceptWithAudio', 'acceptWithAlert', 'acceptWithForcePush'];

/**
 * subscribeMessage.send with WeChat's rules:
 * - unknown template 40037; empty or bad touser 40003;
 * - data checked against the template's keywords and WeChat's value limits: 47003;
 * - 一次性订阅: each accepted tap allows exactly one send, then 43101;
 * - 长期订阅: repeated sends until the user switches it off, then 43101;
 * - never accepted: 43101.
 *
 * Controls: `/__fake/subscribe` is the user's tap in the sheet, `/__fake/switch-off` the
 * user turning a template off in settings, `/__fake/refuse` turning off all messages,
 * `/__fake/fail` makes WeChat answer -1 a few times. `/__fake/messages` lists what was sent.
 */
export const registerSubscribe: FakeModule = (app, context, options) => {
  const templates = new Map<string, FakeTemplate>((options.templates ?? []).map((t) => [t.id, t]));
  const messages: RecordedMessage[] = [];
  /** openid → template id → credits left (one-time) or on/off (long-term). */
  const grants = new Map<string, Map<string, { credits: number; longTerm: boolean }>>();
  const failuresLeft = new Map<string, number>();

  const grantOf = (openid: string, templateId: string) => {
    let byTemplate = grants.get(openid);
    if (!byTemplate) grants.set(openid, (byTemplate = new Map()));
    let grant = byTemplate.get(templateId);
    if (!grant) byTemplate.set(templateId, (grant = { credits: 0, longTerm: false }));
    return grant;
  };

  app.post('/cgi-bin/message/subscribe/send', async (req) => {
    const body = bodyOf<{ touser: string; template_id: string; page: string; data: Record<string, { value?: unknown }> }>(req);
    const reply = (() => {
      const tokenError = context.tokenError(queryOf(req));
      if (tokenError) return tokenError;
      const template = templates.get(String(body.template_id ?? ''));
      if (!template) return { errcode: 40037, errmsg: 'invalid template_id' };
      if (!body.touser || typeof body.touser !== 'string') return { errcode: 40003, errmsg: 'invalid openid' };
      // WeChat reads only the template's keywords from data; each must be there and valid.
      const values: Record<string, string> = {};
      for (const key of template.keywords) {
        const value = body.data?.[key]?.value;
        if (value !== undefined) values[key] = String(value);
      }
      const problem = keywordProblem(template.keywords, values);
      if (problem) return { errcode: 47003, errmsg: `argument invalid! data.${problem.key}.value invalid` };
      const pending = failuresLeft.get(body.touser) ?? 0;
      if (pending > 0) {
        failuresLeft.set(body.touser, pending - 1);
        return { errcode: -1, errmsg: 'system error' };
      }
      const grant = grantOf(body.touser, template.id);
      if (template.kind === 'long-term' ? !grant.longTerm : grant.credits < 1) {
        return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
      }
      if (template.kind === 'one-time') grant.credits -= 1;
      const msgid = String(1_000_000 + messages.length);
      messages.push({
        touser: body.touser,
        template_id: template.id,
        page: body.page,
        data: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])),
        msgid,
        at: context.clock.now().toISOString(),
      });
      return { errcode: 0, errmsg: 'ok', msgid: Number(msgid) };
    })();
    context.record('subscribeMessage.send', { touser: body.touser, template_id: body.template_id, data: body.data }, reply);
    return reply;
  });

  // Test controls: not part of WeChat's API.
  app.post('/__fake/subscribe', async (req, reply) => {
    const { openid, results } = bodyOf<{ openid: string; results: Record<string, SubscribeChoice> }>(req);
    const ids = Object.keys(results ?? {});
    // requestSubscribeMessage: at most 3 templates a call (errCode 20003), all known (20001).
    if (!openid || ids.length === 0 || ids.length > 3) return reply.status(400).send({ errCode: 20003, errMsg: 'requestSubscribeMessage:fail count of template ids is invalid' });
    if (ids.some((id) => !templates.has(id))) return reply.status(400).send({ errCode: 20001, errMsg: 'requestSubscribeMessage:fail no template data' });
    for (const id of ids) {
      const grant = grantOf(openid, id);
      const accepted = ACCEPTS.includes(results![id]!);
      if (templates.get(id)!.kind === 'long-term') grant.longTerm = accepted;
      else if (accepted) grant.credits += 1;
      else if (results![id] === 'ban') grant.credits = 0;
    }
    return { ok: true };
  });
  app.post('/__fake/switch-off', async (req) => {
    const { openid, templateId } = bodyOf<{ openid: string; templateId: string }>(req);
    Object.assign(grantOf(String(openid), String(templateId)), { credits: 0, longTerm: false });
    return { ok: true };
  });
  app.post('/__fake/refuse', async (req) => {
    const openid = String(bodyOf<{ openid: string }>(req).openid);
    for (const id of templates.keys()) Object.assign(grantOf(openid, id), { credits: 0, longTerm: false });
    return { ok: true };
  });
  app.get('/__fake/subscriptions', async (req) => {
    const openid = String(queryOf(req).openid ?? '');
    return Object.fromEntries(grants.get(openid) ?? []);
  });
  app.post('/__fake/fail', async (req) => {
    const { openid, times } = bodyOf<{ openid: string; times: number }>(req);
    failuresLeft.set(String(openid), Number(times));
    return { ok: true };
  });
  app.get('/__fake/messages', async () => messages);
  app.delete('/__fake/messages', async () => {
    messages.length = 0;
    return { ok: true };
  });
};
