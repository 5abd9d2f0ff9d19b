import { MINUTE } from '../core/clock';
import type { Services } from '../core/services';
import { WechatError, WECHAT_SUBSCRIPTION_REFUSED } from '../wechat/client';
import { claim, dueMessages, settle } from './outbox.storage';

/** Waits before the 1st, 2nd, … retry of a message WeChat failed to take. */
export const RETRY_DELAYS_MS = [1, 5, 30, 120, 360].map((m) => m * MINUTE);

/**
 * Sends what is due, once each. A refusal (43101: the resident has no subscription left
 * for this template) is final: retrying would only burn quota. Other failures retry with
 * growing delays, then give up.
 *
 * @returns how many messages were sent
 */
export async function runOutboxOnce(services: Services, limit = 50): Promise<number> {
  const now = services.clock.now();
  let sent = 0;
  for (const message of await dueMessages(services.db, now, limit)) {
    if (!(await claim(services.db, message.id))) continue;
    if (!message.openid) {
      await settle(services.db, message.id, { status: 'skipped', error: '用户没有微信身份（后台账号或已注销）', at: now });
      continue;
    }
    try {
      await services.wechat.sendSubscribeMessage({
        toOpenid: message.openid,
        templateId: message.template,
        page: message.page ?? undefined,
        data: JSON.parse(message.data) as Record<string, string>,
      });
      await settle(services.db, message.id, { status: 'sent', at: now });
      sent++;
    } catch (error) {
      const errcode = error instanceof WechatError ? error.errcode : -1;
      const text = error instanceof Error ? error.message : String(error);
      if (errcode === WECHAT_SUBSCRIPTION_REFUSED) {
        await settle(services.db, message.id, { status: 'refused', error: text, at: now });
      } else if (message.attempts + 1 > RETRY_DELAYS_MS.length) {
        await settle(services.db, message.id, { status: 'failed', error: text, at: now });
      } else {
        const delay = RETRY_DELAYS_MS[message.attempts]!;
        await settle(services.db, message.id, { status: 'pending', error: text, notBefore: new Date(now.getTime() + delay), at: now });
      }
    }
  }
  return sent;
}

/** Runs the outbox (and the jobs that ride along with it) every `intervalMs` until stopped. */
export function startOutboxWorker(services: Services, intervalMs: number, jobs: Array<(s: Services) => Promise<unknown>> = []): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      for (const job of jobs) await job(services);
      await runOutboxOnce(services);
    } catch (error) {
      console.error('outbox worker:', error);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
