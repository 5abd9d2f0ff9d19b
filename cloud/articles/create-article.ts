import { AppError } from '../../types';
import { createArticle } from '../../types/articles';
import { defineFunction } from '../core/define-function';
import { newId } from '../core/crypto';
import { mayEditArticle } from './articles.permissions';
import { insertArticle } from './articles.storage';
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
  await insertArticle(services.db, {
    id,
    scope_id: input.scopeId,
    category: input.category,
    title: input.title,
    summary: input.summary,
    cover_url: input.coverUrl,
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
  });
  return articleFor(services, id, caller);
});
