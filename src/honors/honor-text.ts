import type { Region } from '../../types/communities';
import type { AppError } from '../../types/errors';
import { THANKS_TARGET_TEXT, type HonorListSummary, type ThanksPost } from '../../types/honors-model';
import { ROUTES } from '../routes';

/**
 * The profile page's path; with `sharer` (the sharing user's id) for a share card, so the
 * host can count who the card brought.
 *
 * @example entryPath('demo-honor-husband', 'u1') // '/packages/honors/entry/index?id=demo-honor-husband&sharer=u1'
 */
export function entryPath(id: string, sharer?: string | null): string {
  const query = `id=${encodeURIComponent(id)}`;
  return sharer ? `${ROUTES.honorEntry}?${query}&sharer=${encodeURIComponent(sharer)}` : `${ROUTES.honorEntry}?${query}`;
}

/**
 * The entry a profile page shows. From a link it is `id`; from the poster's mini-program
 * code WeChat opens the page with the code's `scene` (the entry id, URL-encoded) instead.
 */
export function entryIdFromParams(params: Partial<Record<string, string>>): string {
  const raw = params.id || params.scene || '';
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    // A malformed escape in a hand-typed link: the raw text is the best guess.
    return raw.trim();
  }
}

/** The district's own id (its lists come first), once the regions are known. */
export function districtIdOf(regions: readonly Region[] | null): string | null {
  return regions?.find((r) => r.level === 'district')?.id ?? null;
}

export interface YearGroup {
  year: number;
  lists: HonorListSummary[];
}

/** Lists by year, newest year first; within a year the district's list before communities'. */
export function groupListsByYear(lists: readonly HonorListSummary[], districtId: string | null): YearGroup[] {
  const byYear = new Map<number, HonorListSummary[]>();
  for (const list of lists) {
    const group = byYear.get(list.year) ?? [];
    group.push(list);
    byYear.set(list.year, group);
  }
  const districtFirst = (a: HonorListSummary, b: HonorListSummary) =>
    Number(b.scopeId === districtId) - Number(a.scopeId === districtId) || a.scopeName.localeCompare(b.scopeName, 'zh-CN');
  return [...byYear.entries()].sort(([a], [b]) => b - a).map(([year, group]) => ({ year, lists: [...group].sort(districtFirst) }));
}

/** The character a name avatar shows: the family name, which is how neighbours say it (李师傅). */
export function initialOf(name: string): string {
  return Array.from(name.trim())[0] ?? '好';
}

/** 致 周丽（社区工作人员）: whom a thank-you is for, and what they are. */
export function thanksHeading(post: Pick<ThanksPost, 'targetKind' | 'targetName'>): string {
  return `致 ${post.targetName}（${THANKS_TARGET_TEXT[post.targetKind]}）`;
}

/** Reasons offered for 举报 as buttons; typing is hard for many, so a tap is enough. */
export const REPORT_REASONS = ['内容不实', '广告推销', '不文明用语', '泄露隐私'] as const;

/**
 * Where each of the host's refusals belongs on a form: validation errors carry field
 * paths; domain errors name none and are placed by kind.
 */
export const HONOR_ERROR_FIELDS: Partial<Record<AppError['kind'], string>> = {
  COMMUNITY_NOT_FOUND: 'communityId',
  THANKS_TARGET_UNKNOWN: 'targetUserId',
  FILE_UNUSABLE: 'photoId',
  HONOR_CATEGORY_UNKNOWN: 'category',
};
