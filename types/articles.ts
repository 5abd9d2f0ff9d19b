import { z } from 'zod';
import { PUBLIC, SIGNED_IN, rolesOnly } from './access';
import { defineContract } from './contract';
import { ARTICLE_CATEGORIES, ARTICLE_STATUSES, Article, ArticlePage, ArticleSummary } from './articles-model';

// The words, tables and shapes live in the zod-free model module, so the mini-program
// can use them without bundling zod; the contracts below add the schemas.
export * from './articles-model';

const id = z.string().min(1, '不能为空').max(64);

export const ListArticlesInput = z.object({
  /** Items of this community plus the district-wide ones; all published items when absent. */
  communityId: id.optional(),
  category: z.enum(ARTICLE_CATEGORIES).optional(),
  pinnedOnly: z.boolean().optional(),
  /** The feed under the pinned card leaves the pinned items out. */
  excludePinned: z.boolean().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
});
export const listArticles = defineContract({
  name: 'articles.list',
  summary: '资讯列表：本社区与全区的已发布内容，置顶在前，按发布时间倒序，游标分页',
  kind: 'query',
  access: PUBLIC,
  input: ListArticlesInput,
}).returns<ArticlePage>();

export const GetArticleInput = z.object({
  id,
  /** The user id carried by a share card, when the reader came from one. */
  sharer: z.string().max(64).optional(),
  /** A random id the device keeps, so an anonymous visit from a share card counts once per device. */
  device: z.string().max(64).optional(),
});
export const getArticle = defineContract({
  name: 'articles.get',
  summary: '一篇资讯的正文；从分享卡片打开时记录分享人',
  kind: 'query',
  access: PUBLIC,
  input: GetArticleInput,
}).returns<Article>();

const title = z.string().trim().min(2, '标题至少2个字').max(60, '标题最多60个字');
const ArticleFields = z.object({
  title,
  summary: z.string().trim().max(200, '摘要最多200个字').default(''),
  coverUrl: z.string().max(500).regex(/^(https:\/\/|\/)/, '封面图地址需以 https:// 或 / 开头').nullable().default(null),
  /**
   * A photo the editor uploaded (`POST /api/uploads`, re-encoded like every photo) to be the
   * cover, by its id; it wins over `coverUrl`. null takes the cover off.
   */
  coverId: id.nullable().optional(),
  bodyHtml: z.string().min(1, '正文不能为空').max(100_000, '正文太长了'),
  category: z.enum(ARTICLE_CATEGORIES, { message: '请选择栏目' }),
  scopeId: id,
  reporters: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  correspondents: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  pinned: z.boolean().default(false),
  /** A campaign's pledge wording, e.g. 我承诺：节约每一滴水; null for no pledge. */
  pledgePrompt: z.string().trim().min(2).max(60, '承诺语最多60个字').nullable().default(null),
});

export const CreateArticleInput = ArticleFields;
export const createArticle = defineContract({
  name: 'articles.create',
  summary: '新建资讯（草稿）',
  kind: 'command',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: CreateArticleInput,
}).returns<Article>();

export const UpdateArticleInput = z.object({ id }).extend(
  Object.fromEntries(Object.entries(ArticleFields.shape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof ArticleFields.shape]: z.ZodOptional<(typeof ArticleFields.shape)[K]>;
  },
);
export const updateArticle = defineContract({
  name: 'articles.update',
  summary: '修改资讯',
  kind: 'command',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: UpdateArticleInput,
}).returns<Article>();

export const PublishArticleInput = z.object({
  id,
  /** Publish at this time (定时发布); now when absent. */
  at: z.coerce.date({ message: '发布时间不正确' }).optional(),
});
export const publishArticle = defineContract({
  name: 'articles.publish',
  summary: '立即发布或定时发布',
  kind: 'command',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: PublishArticleInput,
}).returns<Article>();

export const UnpublishArticleInput = z.object({ id });
export const unpublishArticle = defineContract({
  name: 'articles.unpublish',
  summary: '下线资讯',
  kind: 'command',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: UnpublishArticleInput,
}).returns<Article>();

export const PledgeInput = z.object({ id });
export const pledgeArticle = defineContract({
  name: 'articles.pledge',
  summary: '响应倡议、作出承诺（每人一次，重复提交不重复计数）',
  kind: 'command',
  access: SIGNED_IN,
  input: PledgeInput,
}).returns<{ count: number; pledgedByMe: true }>();

export const AdminListArticlesInput = z.object({
  status: z.enum(ARTICLE_STATUSES).optional(),
  category: z.enum(ARTICLE_CATEGORIES).optional(),
  /** Words in the title. */
  q: z.string().trim().max(40).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export const adminListArticles = defineContract({
  name: 'articles.adminList',
  summary: '后台资讯列表：管辖范围内的草稿、定时、已发布与已下线',
  kind: 'query',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: AdminListArticlesInput,
}).returns<{ items: ArticleSummary[]; total: number }>();

export const articlesContracts = [
  adminListArticles,
  listArticles,
  getArticle,
  createArticle,
  updateArticle,
  publishArticle,
  unpublishArticle,
  pledgeArticle,
] as const;
