import { timingOf } from '../events/lib/event-view';
import { CARD_PAGES, type ShareTargetKind } from '../../types/grid-model';
import { eventStatus, EVENT_STATUS_TEXT, type EventStatus } from '../../types/events-model';
import { formatDate, formatRange } from '../../types/time';
import type { Services } from '../core/services';
import { getEventRow } from '../events/events.storage';
import { articleForCard, honorForCard } from './grid.storage';

/** What a share card says without being opened. */
export interface CardFacts {
  kind: ShareTargetKind;
  id: string;
  /** 活动 / 资讯 / 光荣榜 */
  badge: string;
  title: string;
  /** Up to three short lines: when, where, seats. */
  lines: string[];
  /** The line that must stand out (seats left, status). */
  highlight: string | null;
  /** The mini-program page (no leading slash) the card opens. */
  page: string;
  /** For an event with limited seats: what its 动态消息 shows. */
  live: { capacity: number; confirmed: number; state: 0 | 1 } | null;
}

/**
 * What the 动态消息 (updatable message) in a group chat can say, by event status. WeChat
 * offers exactly two states, with its own fixed words (updatableMessage.setUpdatableMsg,
 * 动态消息 guide):
 * - 0 "成员正在加入，当前 {member_count}/{room_limit} 人" (orange), which can move to 0 or 1;
 * - 1 "已开始" (grey), final: WeChat refuses any change after it (47502), and its `path`
 *   is where 进入 opens the mini-program.
 * There is no "已结束" or "已取消" state and no free text, so the card cannot say either.
 * What we do with that: the card counts sign-ups while the event is ahead (including full
 * or signup closed: the count is still true), and goes to the final state 1 as soon as
 * the event starts, ends or is cancelled (it stops inviting people to join). The words a
 * resident then needs, 已结束 or 已取消 with the reason, are on the event page the card
 * opens (its status badge and the note where 报名 would be). An id WeChat has expired (24 h
 * after it was made) cannot be updated at all: the card keeps its last count, and a new
 * share gets a new id. See docs/grid.md.
 */
export const LIVE_CARD_STATE: Record<EventStatus, 0 | 1> = {
  upcoming: 0,
  open: 0,
  full: 0,
  signupClosed: 0,
  noSignup: 0,
  ongoing: 1,
  ended: 1,
  cancelled: 1,
};

/** The facts of a shareable target, or null when it does not exist or is not public. */
export async function cardFacts(services: Services, kind: ShareTargetKind, id: string): Promise<CardFacts | null> {
  const now = services.clock.now();
  if (kind === 'event') {
    const e = await getEventRow(services.db, id);
    if (!e || e.state === 'draft') return null;
    const status = eventStatus(timingOf(e), now);
    let highlight: string;
    if (status === 'open' && e.capacity > 0) highlight = `剩余 ${e.capacity - e.confirmed_count} 个名额`;
    else if (status === 'open') highlight = '报名中·不限名额';
    else highlight = EVENT_STATUS_TEXT[status];
    return {
      kind,
      id,
      badge: '社区活动',
      title: e.title,
      lines: [formatRange(e.starts_at, e.ends_at), e.venue],
      highlight,
      page: CARD_PAGES.event,
      live: e.requires_signup === 1 && e.capacity > 0 ? { capacity: e.capacity, confirmed: e.confirmed_count, state: LIVE_CARD_STATE[status] } : null,
    };
  }
  if (kind === 'article') {
    const a = await articleForCard(services.db, id);
    if (!a || a.status !== 'published' || (a.publish_at && a.publish_at > now.toISOString())) return null;
    return {
      kind,
      id,
      badge: a.category,
      title: a.title,
      lines: [a.summary.slice(0, 40), `发布：${formatDate(a.publish_at ?? a.created_at)}`],
      highlight: null,
      page: CARD_PAGES.article,
      live: null,
    };
  }
  const h = await honorForCard(services.db, id);
  if (!h || h.published !== 1) return null;
  return { kind, id, badge: '光荣榜', title: h.name, lines: [h.title, h.category], highlight: '为身边的好人点赞', page: CARD_PAGES.honor, live: null };
}
