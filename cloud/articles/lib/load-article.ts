import { AppError } from '../../../types';
import type { Article } from '../../../types/articles';
import { getRegion } from '../../communities/communities.storage';
import type { SessionUser } from '../../core/define-function';
import type { Services } from '../../core/services';
import { coverFileId } from './article-files';
import { toArticle } from './article-view';
import { signedFileUrl } from '../../files/uploads';
import { mayEditArticle } from '../articles.permissions';
import { getArticleRow, hasPledged, type ArticleRow } from '../articles.storage';

/** The scope's region, for permission checks; an unknown scope is the writer's mistake. */
export async function scopeOf(services: Services, scopeId: string): Promise<{ id: string; level: string }> {
  const region = await getRegion(services.db, scopeId);
  if (!region || (region.level !== 'community' && region.level !== 'district')) {
    throw new AppError('COMMUNITY_NOT_FOUND', '发布范围需为一个社区/村或全区');
  }
  return region;
}

/** The row an admin may edit; NOT_FOUND for anyone else, so drafts are not revealed. */
export async function editableArticle(services: Services, caller: SessionUser, id: string): Promise<ArticleRow> {
  const row = await getArticleRow(services.db, id);
  if (!row || !mayEditArticle(caller.grants, await scopeOf(services, row.scope_id))) throw new AppError('NOT_FOUND');
  return row;
}

export async function articleFor(services: Services, id: string, caller: SessionUser | null): Promise<Article> {
  const row = await getArticleRow(services.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const canEdit = caller ? mayEditArticle(caller.grants, await scopeOf(services, row.scope_id)) : false;
  const pledgedByMe = caller && row.pledge_prompt ? await hasPledged(services.db, id, caller.id) : false;
  const article = toArticle(row, services.clock.now(), { canEdit, pledgedByMe });
  // An editor sees an uploaded cover while the article is still a draft, through a signed
  // link; readers get the public one, served only once the article is published.
  const coverFile = canEdit ? coverFileId(row.cover_url) : null;
  return coverFile ? { ...article, coverUrl: signedFileUrl(services, coverFile) } : article;
}
