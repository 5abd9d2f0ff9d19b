import { AppError } from '../../types';
import { createArticle } from '../../types/articles';
import { defineFunction } from '../core/define-function';
import { newId } from '../core/crypto';
import { mayEditArticle } from './articles.permissions';
import { insertArticle } from './articles.storage';
import { coverPath } from './lib/article-files';
import { articleFor, scopeOf } from './lib/load-article';
import { sanitizeArticleHtml } from './lib/sanitize';

export default defineFunction(createArticle, async (input, { services, caller }) => {
  if (!mayEditArticle(caller.grants, await scopeOf(services, input.scopeId))) throw new AppError('OUT_OF_SCOPE');
  if (input.pledgePrompt && input.category !== '倡议') {
    throw new AppError('INVALID_INPUT', '只有“倡议”栏目可以设置承诺', [{ path: 'pledgePrompt', message: '只有“倡议”栏目可以设置承诺' }]);
  }
  const bodyHtml = sanitizeArticleHtml(input.bodyHtml);
  if (!bodyHtml) throw new AppError('INVALID_INPUT', '正文不能为空', [{ path: 'bodyHtml', message: '正文不能为空' }]);
  const now = services.clock.now().toISOString();
  const id = newId();
  const cover = input.coverId ? { fileId: input.coverId, ownerId: caller.id } : undefined;
  const written = await insertArticle(services.db, {
    id,
    scope_id: input.scopeId,
    category: input.category,
    title: input.title,
    summary: input.summary,
    cover_url: cover ? coverPath(cover.fileId) : input.coverId === null ? null : input.coverUrl,
    body_html: bodyHtml,
    reporters: JSON.stringify(input.reporters),
    correspondents: JSON.stringify(input.correspondents),
    pinned: input.pinned ? 1 : 0,
    pledge_prompt: input.pledgePrompt,
    status: 'draft',
    publish_at: null,
    created_by: caller.id,
    created_at: now,
    updated_at: now,
  }, cover);
  if (!written) throw new AppError('FILE_UNUSABLE', undefined, [{ path: 'coverId', message: '这张封面图不能使用，请重新上传' }]);
  return articleFor(services, id, caller);
});
