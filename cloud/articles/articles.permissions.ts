import type { RoleGrant } from '../../types';
import { administers, communitiesWhere } from '../core/scope';

/**
 * Every access rule of articles (资讯), as pure functions the handlers call: who writes (role,
 * scope) and who reads what (state, time). Read here first.
 */

/** Who may write an article of a scope: that community's admins, or a district admin. */
export function mayEditArticle(grants: readonly RoleGrant[], scope: { id: string; level: string }): boolean {
  return administers(grants, scope);
}

/**
 * Out for readers: published and its time reached (a scheduled one is not yet). Pledges,
 * share counts and the cover's public link follow the same rule.
 */
export function isVisibleToReaders(row: { status: string; publish_at: string | null }, now: Date): boolean {
  return row.status === 'published' && !(row.publish_at && row.publish_at > now.toISOString());
}

/**
 * Who reads one article (`status` as a person sees it, articles/lib/article-view.ts): everyone once it is out; a draft, a scheduled or an unpublished
 * one only those who may edit it (anyone else is told it does not exist). Which community
 * it belongs to does not hide a published article: the feed chooses by community, a link
 * opens anywhere.
 */
export function mayReadArticle(article: { status: 'draft' | 'scheduled' | 'published' | 'unpublished'; canEdit: boolean }): boolean {
  return article.status === 'published' || article.canEdit;
}

/** The scopes whose articles, of every state, the console lists for a person; 'all' for a district admin. */
export function articleConsoleScopes(grants: readonly RoleGrant[]): string[] | 'all' {
  return communitiesWhere(grants, ['communityAdmin']);
}
