import { AppError } from '../../types';
import { getArticle } from '../../types/articles';
import { defineFunction } from '../core/define-function';
import { recordVisitFromShare } from '../shares/record-visit';
import { articleFor } from './lib/load-article';
import { mayReadArticle } from './articles.permissions';

export default defineFunction(getArticle, async (input, { services, caller, ip }) => {
  const article = await articleFor(services, input.id, caller);
  // Readers see only what is out; its admins also see drafts and scheduled items.
  if (!mayReadArticle(article)) throw new AppError('NOT_FOUND');
  if (input.sharer && article.status === 'published') {
    await recordVisitFromShare(services, { targetKind: 'article', targetId: article.id, sharerId: input.sharer, visitorId: caller?.id ?? null, ip, device: input.device });
  }
  return article;
});
