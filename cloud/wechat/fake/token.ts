import crypto from 'node:crypto';
import type { FakeModule } from './state';
import { bodyOf } from './state';

/**
 * getStableAccessToken: 7200 s tokens; wrong appid 40013, wrong secret 40125 (WeChat's
 * codes). `/__fake/expire-tokens` makes every token stale at once (WeChat answers 40001).
 */
export const registerTokens: FakeModule = (app, context) => {
  app.post('/cgi-bin/stable_token', async (req) => {
    const body = bodyOf<{ appid: string; secret: string; grant_type: string }>(req);
    let reply: { errcode: number; errmsg: string } | { access_token: string; expires_in: number };
    if (body.grant_type !== 'client_credential') reply = { errcode: 40002, errmsg: 'invalid grant_type' };
    else if (context.appId && body.appid !== context.appId) reply = { errcode: 40013, errmsg: 'invalid appid' };
    else if (context.secret && body.secret !== context.secret) reply = { errcode: 40125, errmsg: 'invalid appsecret' };
    else {
      const token = crypto.randomBytes(24).toString('hex');
      context.tokens.set(token, context.clock.now().getTime() + 7200_000);
      reply = { access_token: token, expires_in: 7200 };
    }
    context.record('stable_token', { appid: body.appid }, 'errcode' in reply ? reply : {});
    return reply;
  });

  app.post('/__fake/expire-tokens', async () => {
    context.tokens.clear();
    return { ok: true };
  });
};
