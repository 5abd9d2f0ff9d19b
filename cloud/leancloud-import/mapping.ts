import fs from 'node:fs';
import { z } from 'zod';
import { STAFF_ROLES } from '../../types/access';
import { ARTICLE_CATEGORIES } from '../../types/articles-model';
import { EVENT_CATEGORIES } from '../../types/events-model';

/**
 * The mapping file: which LeanCloud class goes to which Linli domain, which column to
 * which field, which role name to which role and scope. Nothing outside it is guessed:
 * classes, fields and roles it does not name are reported, not imported.
 *
 * @example
 * {
 *   "roles": { "communityAdmin_chaoyang": { "role": "communityAdmin", "scope": "chaoyang" } },
 *   "classes": {
 *     "Article": { "domain": "articles", "scope": "chaoyang", "defaultCategory": "社区动态",
 *                  "fields": { "title": "title", "body": "content", "cover": "cover" } }
 *   }
 * }
 */
const column = z.string().min(1);

/** Where a row belongs: a fixed region, or a column whose values name regions. */
const scoped = {
  scope: z.string().min(1),
  scopeField: column.optional(),
  scopes: z.record(z.string(), z.string()).default({}),
};

const ArticleClass = z.object({
  domain: z.literal('articles'),
  ...scoped,
  fields: z.object({
    title: column,
    body: column,
    summary: column.optional(),
    cover: column.optional(),
    category: column.optional(),
    pinned: column.optional(),
    publishedAt: column.optional(),
    author: column.optional(),
    /** A boolean column that marks drafts (e.g. isDraft). */
    draft: column.optional(),
  }),
  categories: z.record(z.string(), z.enum(ARTICLE_CATEGORIES)).default({}),
  defaultCategory: z.enum(ARTICLE_CATEGORIES),
});

const EventClass = z.object({
  domain: z.literal('events'),
  ...scoped,
  fields: z.object({
    title: column,
    startsAt: column,
    venue: column,
    description: column.optional(),
    endsAt: column.optional(),
    capacity: column.optional(),
    category: column.optional(),
    organizer: column.optional(),
    signupClosesAt: column.optional(),
  }),
  categories: z.record(z.string(), z.enum(EVENT_CATEGORIES)).default({}),
  defaultCategory: z.enum(EVENT_CATEGORIES),
  /** Used when the row names no organizer. */
  organizer: z.string().min(2).max(40).default('社区居委会'),
  /** Hours an event lasts when the row has no end time. */
  defaultHours: z.number().positive().max(72).default(2),
  /** Residents may cancel until this many minutes before the start. */
  cancelCutoffMinutes: z.number().int().min(0).default(120),
});

const RegistrationClass = z.object({
  domain: z.literal('eventRegistrations'),
  fields: z.object({ event: column, user: column, status: column.optional() }),
  /** Values of the status column that mean the resident cancelled: not imported. */
  cancelledValues: z.array(z.union([z.string(), z.number(), z.boolean()])).default([]),
});

export const LeancloudMapping = z.object({
  roles: z.record(z.string(), z.object({ role: z.enum(STAFF_ROLES), scope: z.string().min(1) })).default({}),
  users: z
    .object({
      nickname: column.optional(),
      avatarUrl: column.optional(),
      homeCommunity: column.optional(),
      communities: z.record(z.string(), z.string()).default({}),
    })
    .default({ communities: {} }),
  classes: z.record(z.string(), z.discriminatedUnion('domain', [ArticleClass, EventClass, RegistrationClass])).default({}),
  /** Classes left out on purpose: listed in the report as ignored, not as unmapped. */
  ignore: z.array(z.string()).default([]),
});
export type LeancloudMapping = z.infer<typeof LeancloudMapping>;
export type ArticleClassMapping = z.infer<typeof ArticleClass>;
export type EventClassMapping = z.infer<typeof EventClass>;
export type RegistrationClassMapping = z.infer<typeof RegistrationClass>;

export function loadMapping(file: string): LeancloudMapping {
  const parsed = LeancloudMapping.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`映射文件 ${file} 有误：\n${parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}
