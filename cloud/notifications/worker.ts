import crypto from 'node:crypto';
import os from 'node:os';
import { MINUTE } from '../core/clock';
import { newId } from '../core/crypto';
import { repeatEvery } from '../core/repeat';
import type { Services } from '../core/services';
import { WechatError, WECHAT_ARGUMENT_INVALID, WECHAT_SUBSCRIPTION_REFUSED } from '../wechat/client';
import { keywordProblem } from '../wechat/keyword-rules';
import { claimDue, releaseClaims, settle } from './outbox.storage';
import { clearSubscription, payForMessage, refundMessage } from './subscriptions.storage';
import { TEMPLATE_KEYWORDS, templateNameOf } from './templates';

/** Waits before the 1st, 2nd, … retry of a message WeChat failed to take. */
export const RETRY_DELAYS_MS = [1, 5, 30, 120, 360].map((m) => m * MINUTE);

/** How long one send may take at most (the WeChat client's own timeout, cloud/wechat/client.ts). */
export const SEND_TIMEOUT_MS = 10_000;

/** This process, as the holder of outbox leases: a host restarted is a new holder. */
const PROCESS_ID = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;

export interface OutboxRunOptions {
  /** How many messages one run takes. */
  limit?: number;
  /** Checked between messages: once true, what was taken and not yet sent goes back to the queue. */
  stopping?: () => boolean;
}

/** What the outbox records when the resident has no subscription left for the template. */
export const UNSUBSCRIBED_NOTE = '未订阅：居民没有可用的订阅次数';

/** A one-time message taken over from a dead host that had paid for it, and WeChat says its credit is gone. */
export const SENT_BEFORE_NOTE = '接手发送时微信答复 43101：中断的主机已发出此条（一次性订阅只能发一条）';

/**
 * Sends what is due, once each, and only what WeChat would take:
 * - a message whose fields break WeChat's limits is "rejected" without a call (47003);
 * - a message needs a credit of its template (one per accepted tap) or a long-term
 *   subscription; without one it is "unsubscribed" (未订阅), final, and WeChat is not called;
 *   the payment is recorded on the message with the spend, so a host taking over a message
 *   sends it on the dead host's payment;
 * - a refusal (43101: the resident switched the template off) is final and clears the ledger;
 * - other failures give the credit back and retry with growing delays, then give up.
 *
 * Messages are taken under a lease (config.outboxLeaseMs): one a dead host left `sending` is
 * taken again when its lease runs out, and a message recorded as sent is never taken again.
 * The one gap no outbox can close: a host killed after WeChat accepted a message and before
 * "sent" was recorded sends it again; for a one-time subscription WeChat itself refuses that
 * second send (43101), and a message taken over with its credit already spent that gets
 * 43101 is recorded as sent (SENT_BEFORE_NOTE): the resident's one credit for it went on the
 * dead host's send, and clearing the resident's subscriptions would be wrong.
 *
 * @returns how many messages were sent
 */
export async function runOutboxOnce(services: Services, options: number | OutboxRunOptions = {}): Promise<number> {
  const { limit = 50, stopping = () => false } = typeof options === 'number' ? { limit: options } : options;
  const now = services.clock.now();
  const holder = `${PROCESS_ID}:${newId().slice(0, 8)}`;
  const leaseUntil = now.getTime() + services.config.outboxLeaseMs;
  // A send is started only while it can finish inside the lease: past this point another
  // host may already have taken the message, and both would send it.
  const lastStart = leaseUntil - SEND_TIMEOUT_MS - 1000;
  const taken = await claimDue(services.db, { now, leaseUntil: new Date(leaseUntil), holder, limit });
  let sent = 0;
  for (const [index, message] of taken.entries()) {
    if (stopping() || (index > 0 && services.clock.now().getTime() > lastStart)) {
      await releaseClaims(services.db, holder, taken.slice(index).map((m) => m.id));
      break;
    }
    if (!message.openid) {
      await settle(services.db, message.id, holder, { status: 'skipped', error: '用户没有微信身份（后台账号或已注销）', at: now });
      continue;
    }
    const template = templateNameOf(services.config, message.template);
    if (!template) {
      await settle(services.db, message.id, holder, { status: 'rejected', error: `未配置的订阅消息模板：${message.template}`, at: now });
      continue;
    }
    const data = JSON.parse(message.data) as Record<string, string>;
    const problem = keywordProblem(TEMPLATE_KEYWORDS[template], data);
    if (problem) {
      await settle(services.db, message.id, holder, { status: 'rejected', error: `${problem.key}：${problem.reason}`, at: now });
      continue;
    }
    const { id: templateId, kind } = services.config.templates[template];
    const bill = { messageId: message.id, holder, userId: message.user_id, template };
    // Paid on an earlier claim whose host died before it could settle.
    const paidBefore = message.paid === 'credit' || message.paid === 'long-term' ? message.paid : null;
    const paid = paidBefore ?? (await payForMessage(services.db, bill, kind));
    if (!paid) {
      await settle(services.db, message.id, holder, { status: 'unsubscribed', error: UNSUBSCRIBED_NOTE, at: now });
      continue;
    }
    try {
      await services.wechat.sendSubscribeMessage({ toOpenid: message.openid, templateId, page: message.page ?? undefined, data });
      await settle(services.db, message.id, holder, { status: 'sent', at: now });
      sent++;
    } catch (error) {
      const errcode = error instanceof WechatError ? error.errcode : -1;
      const text = error instanceof Error ? error.message : String(error);
      if (errcode === WECHAT_SUBSCRIPTION_REFUSED && paidBefore === 'credit' && kind === 'one-time') {
        await settle(services.db, message.id, holder, { status: 'sent', error: SENT_BEFORE_NOTE, at: now });
        continue;
      }
      if (errcode === WECHAT_SUBSCRIPTION_REFUSED) {
        await clearSubscription(services.db, message.user_id, template, now);
        await settle(services.db, message.id, holder, { status: 'refused', error: text, at: now });
        continue;
      }
      // WeChat did not take it: the credit is still the resident's.
      if (paid === 'credit') await refundMessage(services.db, bill);
      // attempts already counts this claim.
      if (errcode === WECHAT_ARGUMENT_INVALID) {
        await settle(services.db, message.id, holder, { status: 'rejected', error: text, at: now });
      } else if (message.attempts > RETRY_DELAYS_MS.length) {
        await settle(services.db, message.id, holder, { status: 'failed', error: text, at: now });
      } else {
        const delay = RETRY_DELAYS_MS[message.attempts - 1]!;
        await settle(services.db, message.id, holder, { status: 'pending', error: text, notBefore: new Date(now.getTime() + delay), at: now });
      }
    }
  }
  return sent;
}

export interface OutboxWorker {
  /** Stops taking work, gives back what was taken and not sent, and waits for the send under way. */
  stop(): Promise<void>;
}

/** Runs the outbox every `intervalMs` until stopped. */
export function startOutboxWorker(services: Services, intervalMs: number): OutboxWorker {
  return repeatEvery(intervalMs, async (stopping) => {
    try {
      // Keep going while there is a full batch: a rush should not wait a tick per 50.
      while (!stopping() && (await runOutboxOnce(services, { limit: 20, stopping })) >= 20);
    } catch (error) {
      services.log?.error({ err: error }, 'outbox worker');
    }
  });
}
