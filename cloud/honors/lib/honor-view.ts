import {
  NOMINATION_STATUS_TEXT,
  THANKS_FLOW,
  type HonorEntry,
  type HonorEntrySummary,
  type HonorListSummary,
  type Nomination,
  type NominationStatus,
  type ThanksPost,
  type ThanksStatus,
  type ThanksTarget,
} from '../../../types/honors';
import type { Services } from '../../core/services';
import { signedFileUrl } from '../../files/uploads';
import type { HonorEntryRow, HonorListRow, NominationRow, ThanksRow } from '../honors.storage';

export function toListSummary(row: HonorListRow): HonorListSummary {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    scopeId: row.scope_id,
    scopeName: row.scope_name,
    categories: JSON.parse(row.categories) as string[],
    entryCount: row.entry_count,
    published: row.published === 1,
  };
}

function excerptOf(html: string): string {
  const text = html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
  return [...text].length > 60 ? `${[...text].slice(0, 60).join('')}…` : text;
}

export function toEntrySummary(services: Services, row: HonorEntryRow): HonorEntrySummary {
  return {
    id: row.id,
    listId: row.list_id,
    name: row.name,
    category: row.category,
    communityName: row.community_name,
    photoUrl: row.photo_file_id ? signedFileUrl(services, row.photo_file_id) : null,
    excerpt: excerptOf(row.story_html),
    likes: row.likes,
  };
}

export function toEntry(services: Services, row: HonorEntryRow, likedByMe: boolean): HonorEntry {
  return { ...toEntrySummary(services, row), listTitle: row.list_title, year: row.year, storyHtml: row.story_html, likedByMe };
}

export function toNomination(row: NominationRow): Nomination {
  const status = row.status as NominationStatus;
  return {
    id: row.id,
    year: row.year,
    communityId: row.community_id,
    communityName: row.community_name,
    nomineeName: row.nominee_name,
    category: row.category,
    reason: row.reason,
    status,
    statusText: NOMINATION_STATUS_TEXT[status],
    declineReason: row.decline_reason,
    nominatorName: row.nominator_name,
    createdAt: new Date(row.created_at),
  };
}

export function toThanks(services: Services, row: ThanksRow): ThanksPost {
  const status = row.status as ThanksStatus;
  return {
    id: row.id,
    authorName: row.author_name ?? '居民',
    targetKind: row.target_kind as ThanksTarget,
    targetName: row.target_name,
    communityName: row.community_name,
    text: row.text,
    photoUrl: row.photo_file_id ? signedFileUrl(services, row.photo_file_id) : null,
    status,
    statusText: THANKS_FLOW[status].text,
    reports: row.reports,
    createdAt: new Date(row.created_at),
  };
}
