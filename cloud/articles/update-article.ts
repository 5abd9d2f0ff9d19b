import { AppError } from '../../types';
import { updateArticle } from '../../types/articles';
import { defineFunction } from '../core/define-function';
import { mayEditArticle } from './articles.permissions';
import { PledgeOffCampaign, updateArticleRow } from './articles.storage';
import { coverFileId, coverPath } from './lib/article-files';
import { articleFor, editableArticle, scopeOf } from './lib/load-article';
import { sanitizeArticleHtml } from './lib/sanitize';

export default defineFunction(updateArticle, async (input, { services, caller }) => {
  const row = await editableArticle(services, caller, input.id);
  if (input.scopeId !== undefined && !mayEditArticle(caller.grants, await scopeOf(services, input.scopeId))) {
    throw new AppError('OUT_OF_SCOPE');
  }
  const category = input.category ?? row.category;
  const pledgePrompt = input.pledgePrompt !== undefined ? input.pledgePrompt : row.pledge_prompt;
  if (pledgePrompt && category !== '倡议') {
    throw new AppError('INVALID_INPUT', '只有“倡议”栏目可以设置承诺', [{ path: 'pledgePrompt', message: '只有“倡议”栏目可以设置承诺' }]);
  }
  const bodyHtml = input.bodyHtml !== undefined ? sanitizeArticleHtml(input.bodyHtml) : undefined;
  if (bodyHtml === '') throw new AppError('INVALID_INPUT', '正文不能为空', [{ path: 'bodyHtml', message: '正文不能为空' }]);
  // A new upload wins over a typed address; null takes the cover off.
  // The cover it already has, sent again, is no change.
  const cover = input.coverId && input.coverId !== coverFileId(row.cover_url) ? { fileId: input.coverId, ownerId: caller.id } : undefined;
  const coverUrl = cover ? coverPath(cover.fileId) : input.coverId === null ? null : input.coverId ? undefined : input.coverUrl;
  const written = await updateArticleRow(services.db, row.id, {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.summary !== undefined && { summary: input.summary }),
    ...(coverUrl !== undefined && { cover_url: coverUrl }),
    ...(bodyHtml !== undefined && { body_html: bodyHtml }),
    ...(input.category !== undefined && { category: input.category }),
    ...(input.scopeId !== undefined && { scope_id: input.scopeId }),
    ...(input.reporters !== undefined && { reporters: JSON.stringify(input.reporters) }),
    ...(input.correspondents !== undefined && { correspondents: JSON.stringify(input.correspondents) }),
    ...(input.pinned !== undefined && { pinned: input.pinned ? 1 : 0 }),
    ...(input.pledgePrompt !== undefined && { pledge_prompt: input.pledgePrompt }),
    updated_at: services.clock.now().toISOString(),
  }, { cover, dropFileId: coverUrl !== undefined && coverUrl !== row.cover_url ? coverFileId(row.cover_url) : null }).catch((error: unknown) => {
    // The pledge rule, checked again as the row is written (another edit may have changed the category meanwhile).
    if (error instanceof PledgeOffCampaign) throw new AppError('INVALID_INPUT', '只有“倡议”栏目可以设置承诺', [{ path: 'pledgePrompt', message: '只有“倡议”栏目可以设置承诺' }]);
    throw error;
  });
  if (!written) throw new AppError('FILE_UNUSABLE', undefined, [{ path: 'coverId', message: '这张封面图不能使用，请重新上传' }]);
  return articleFor(services, row.id, caller);
});
