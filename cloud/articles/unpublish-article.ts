import { unpublishArticle } from '../../types/articles';
import { defineFunction } from '../core/define-function';
import { updateArticleRow } from './articles.storage';
import { articleFor, editableArticle } from './lib/load-article';

export default defineFunction(unpublishArticle, async (input, { services, caller }) => {
  const row = await editableArticle(services, caller, input.id);
  await updateArticleRow(services.db, row.id, { status: 'unpublished', updated_at: services.clock.now().toISOString() });
  return articleFor(services, row.id, caller);
});
