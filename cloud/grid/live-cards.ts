import { timingOf } from '../events/lib/event-view';
import { MINUTE } from '../core/clock';
import type { Services } from '../core/services';
import { WechatError } from '../wechat/client';
import { WECHAT_ACTIVITY_ID_EXPIRED, WECHAT_ACTIVITY_ID_INVALID, WECHAT_TARGET_STATE_INVALID } from '../wechat/fake-group-chat';
import { eventStatus } from '../../types/events-model';
import { CARD_PAGES } from '../../types/grid-model';
import { LIVE_CARD_STATE } from './card-facts';
import { activeLiveCards, insertLiveCard, settleLiveCard, usableLiveCard } from './grid.storage';

/** At most one setUpdatableMsg a minute per event: sign-ups in a burst become one update. */
export const LIVE_UPDATE_GAP_MS = MINUTE;
/** An id that would expire within this is not handed out for a new share. */
const RENEW_BEFORE_MS = 60 * MINUTE;

/**
 * The 动态消息 id for a sharer's event card: the one already made if it stays valid a while
 * longer, else a new one from WeChat (ids live 24 h). The card first shows what was true
 * at share time; the outbox job keeps it current.
 */
export async function liveCardFor(
  services: Services,
  eventId: string,
  sharerId: string,
  shown: { count: number; limit: number },
): Promise<{ activityId: string; expiresAt: Date }> {
  const now = services.clock.now();
  const existing = await usableLiveCard(services.db, eventId, sharerId, new Date(now.getTime() + RENEW_BEFORE_MS));
  if (existing) return { activityId: existing.activity_id, expiresAt: new Date(existing.expires_at) };
  const made = await services.wechat.createActivityId();
  await insertLiveCard(services.db, {
    activity_id: made.activityId,
    event_id: eventId,
    sharer_id: sharerId,
    expires_at: made.expiresAt.toISOString(),
    status: 'active',
    // What updateShareMenu puts on the card at share time.
    sent_state: 0,
    sent_count: shown.count,
    sent_limit: shown.limit,
    sent_at: now.toISOString(),
    created_at: now.toISOString(),
  });
  return made;
}

/**
 * Rides along with the outbox worker: for each live card whose event changed (count or
 * state) since the last update, and whose last update is a minute old, sends one
 * setUpdatableMsg. State 1 (WeChat's words: 已开始) is final and is sent when the event
 * starts, ends or is cancelled (LIVE_CARD_STATE says why there is no 已结束): the card is then done. An expired or unknown id
 * is retired, never retried; other failures wait for the next run.
 *
 * @returns how many updates WeChat accepted
 */
export async function runLiveCardsOnce(services: Services): Promise<number> {
  const now = services.clock.now();
  let sent = 0;
  for (const card of await activeLiveCards(services.db)) {
    if (new Date(card.expires_at) <= now) {
      await settleLiveCard(services.db, card.activity_id, { status: 'expired' });
      continue;
    }
    const status = eventStatus(timingOf(card), now);
    // What WeChat can show of each status, and what it cannot: LIVE_CARD_STATE.
    const state = LIVE_CARD_STATE[status];
    const count = card.confirmed_count;
    const limit = card.capacity;
    if (card.sent_state === state && card.sent_count === count && card.sent_limit === limit) continue;
    if (card.sent_at && now.getTime() - new Date(card.sent_at).getTime() < LIVE_UPDATE_GAP_MS) continue;
    try {
      await services.wechat.setUpdatableMsg({
        activityId: card.activity_id,
        targetState: state,
        parameters:
          state === 0
            ? { member_count: String(count), room_limit: String(limit) }
            : { path: finalPath(card), version_type: services.config.production ? 'release' : 'develop' },
      });
      await settleLiveCard(services.db, card.activity_id, { status: state === 1 ? 'final' : undefined, sent: { state, count, limit, at: now } });
      sent++;
    } catch (error) {
      const code = error instanceof WechatError ? error.errcode : -1;
      if (code === WECHAT_ACTIVITY_ID_EXPIRED || code === WECHAT_ACTIVITY_ID_INVALID) await settleLiveCard(services.db, card.activity_id, { status: 'expired' });
      else if (code === WECHAT_TARGET_STATE_INVALID) await settleLiveCard(services.db, card.activity_id, { status: 'final' });
      // Anything else (WeChat busy) waits for the next run.
    }
  }
  return sent;
}

/**
 * Where 进入 on the final card goes: the event page as the share opened it (sharer kept, so
 * opens from the group still count), which says 已结束 / 已取消 in words the card cannot.
 */
function finalPath(card: { event_id: string; sharer_id: string }): string {
  return `${CARD_PAGES.event}?id=${encodeURIComponent(card.event_id)}&sharer=${encodeURIComponent(card.sharer_id)}`;
}
