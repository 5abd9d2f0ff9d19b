import type { Article, ArticleCategory, ArticleStatus, ArticleSummary } from '../../../types/articles';
import type { ArticleRow, ArticleSummaryRow } from '../articles.storage';

/** The status a person sees: "published" with its time still ahead is "scheduled". */
export function articleStatus(row: Pick<ArticleRow, 'status' | 'publish_at'>, now: Date): ArticleStatus {
  if (row.status === 'published') return row.publish_at && row.publish_at > now.toISOString() ? 'scheduled' : 'published';
  return row.status as ArticleStatus;
}


export function toSummary(row: ArticleSummaryRow, now: Date): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    coverUrl: row.cover_url,
    category: row.category as ArticleCategory,
    scopeId: row.scope_id,
    scopeName: row.scope_name,
    scopeLevel: row.scope_level === 'district' ? 'district' : 'community',
    pinned: row.pinned === 1,
    status: articleStatus(row, now),
    publishAt: row.publish_at ? new Date(row.publish_at) : null,
    pledgeCount: row.pledge_prompt ? row.pledge_count : null,
  };
}

export function toArticle(row: ArticleRow, now: Date, viewer: { pledgedByMe: boolean; canEdit: boolean }): Article {
  return {
    ...toSummary(row, now),
    bodyHtml: row.body_html,
    reporters: JSON.parse(row.reporters) as string[],
    correspondents: JSON.parse(row.correspondents) as string[],
    pledge: row.pledge_prompt ? { prompt: row.pledge_prompt, count: row.pledge_count, pledgedByMe: viewer.pledgedByMe } : null,
    canEdit: viewer.canEdit,
  };
}
