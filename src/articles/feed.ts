import type { ArticleCategory, ArticleSummary } from '../../types/articles-model';
import type { ProfileState } from '../account/profile';
import { call } from '../cloud/client';
import type { SessionStatus } from '../cloud/session';
import type { PageResult } from '../hooks/use-paged-list';

/** Whose feed to show: a community's (its own items and the district's) or everything. */
export type FeedScope =
  | { status: 'pending' }
  | { status: 'ready'; communityId: string | undefined; communityName: string | null };

/**
 * The feed a reader gets on 首页: their home community's, or, for a visitor, someone who
 * has not chosen a community yet, or when the profile cannot be loaded, everything
 * published. Pending while that is not known yet, so the page does not fetch everything
 * first and then the community's.
 */
export function feedScope(session: SessionStatus, profile: Pick<ProfileState, 'status' | 'profile'>): FeedScope {
  const everything: FeedScope = { status: 'ready', communityId: undefined, communityName: null };
  // A profile already loaded stays valid through a silent re-login.
  if (profile.profile && session !== 'signedOut' && session !== 'failed') {
    return {
      status: 'ready',
      communityId: profile.profile.homeCommunityId ?? undefined,
      communityName: profile.profile.homeCommunityName ?? null,
    };
  }
  if (session === 'signedOut' || session === 'failed') return everything;
  if (session === 'signedIn' && profile.status === 'error') return everything;
  return { status: 'pending' };
}

export const PINNED_ON_HOME = 3;
export const LATEST_ON_HOME = 5;

export interface HomeFeed {
  pinned: ArticleSummary[];
  /** The newest items that are not pinned (those have their own section above). */
  latest: ArticleSummary[];
}

export async function loadHomeFeed(communityId: string | undefined): Promise<HomeFeed> {
  const [pinned, latest] = await Promise.all([
    call('articles.list', { communityId, pinnedOnly: true, limit: PINNED_ON_HOME }),
    // The host leaves the pinned ones out, so a few items are enough however many are pinned.
    call('articles.list', { communityId, excludePinned: true, limit: LATEST_ON_HOME }),
  ]);
  return { pinned: pinned.items, latest: latest.items };
}

export interface ListFilter {
  communityId?: string;
  category?: ArticleCategory;
}

/** One page of the 资讯 list for `usePagedList`. */
export async function fetchArticlesPage(filter: ListFilter, cursor: string | null): Promise<PageResult<ArticleSummary, string>> {
  const page = await call('articles.list', {
    ...(filter.communityId && { communityId: filter.communityId }),
    ...(filter.category && { category: filter.category }),
    ...(cursor !== null && { cursor }),
    limit: 20,
  });
  return { items: page.items, next: page.nextCursor };
}
