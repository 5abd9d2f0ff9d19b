/** 资讯 categories. 倡议 are campaigns and may carry a pledge (e.g. 节水爱水). */
export const ARTICLE_CATEGORIES = ['社区动态', '通知公告', '倡议', '公示', '专题报道'] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];

/** draft → published (now, or scheduled for later) → unpublished; republishing is allowed. */
export const ARTICLE_STATUSES = ['draft', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: '草稿',
  scheduled: '定时发布',
  published: '已发布',
  unpublished: '已下线',
};

export interface ArticleSummary {
  id: string;
  title: string;
  summary: string;
  coverUrl: string | null;
  category: ArticleCategory;
  /** A community id, or the district's id for district-wide items. */
  scopeId: string;
  scopeName: string;
  /** 'district' for items meant for the whole district (shown as 全区). */
  scopeLevel: 'district' | 'community';
  pinned: boolean;
  status: ArticleStatus;
  publishAt: Date | null;
  /** Campaigns with a pledge show its count in lists too. */
  pledgeCount: number | null;
}

export interface Article extends ArticleSummary {
  /** Sanitized on save: a safe subset of HTML that Taro's RichText renders. */
  bodyHtml: string;
  reporters: string[];
  correspondents: string[];
  pledge: { prompt: string; count: number; pledgedByMe: boolean } | null;
  /** Whether the caller may edit it (an admin of its scope). */
  canEdit: boolean;
}

export interface ArticlePage {
  items: ArticleSummary[];
  /** Pass back to get the next page; null at the end. */
  nextCursor: string | null;
}
