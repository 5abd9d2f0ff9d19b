import { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { getSession } from '../cloud/session';
import { queryOf } from '../platform/share';
import { useGroupEntry } from './group-entry';
import { absoluteImage } from './share';

export type SharedKind = 'event' | 'article' | 'honor';

/**
 * The share cards of a page residents pass into group chats (an event, an article, a
 * 光荣榜 entry): 转发 with the host's 5:4 card image, 朋友圈 with the same path as a query,
 * and, opened from a group card, which group the sharer's card reached. Whoever is signed
 * in when WeChat asks for the card is its sharer, so `path` gets the current user.
 *
 * @example
 * useShareCards('article', id, sharer, { title: () => title ?? '邻里通 社区资讯', path: (me) => articlePath(id, me) });
 */
export function useShareCards(
  kind: SharedKind,
  id: string,
  sharer: string | undefined,
  card: { title: () => string; timelineTitle?: () => string; path: (sharer: string | null) => string },
): void {
  useGroupEntry(kind, id, sharer);
  useShareAppMessage(() => ({
    title: card.title(),
    path: card.path(getSession().userId),
    imageUrl: absoluteImage(`/api/share-cards/${kind}/${encodeURIComponent(id)}.png`),
  }));
  // 朋友圈 (onShareTimeline) opens this same page with the query only.
  useShareTimeline(() => ({ title: (card.timelineTitle ?? card.title)(), query: queryOf(card.path(getSession().userId)) }));
}
