import { AppError } from '../../types';
import { publishArticle } from '../../types/articles';
import { DAY } from '../core/clock';
import { defineFunction } from '../core/define-function';
import { updateArticleRow } from './articles.storage';
import { articleFor, editableArticle } from './lib/load-article';

/** How far ahead an item may be scheduled. */
const MAX_SCHEDULE_AHEAD = 90 * DAY;

export default defineFunction(publishArticle, async (input, { services, caller }) => {
  const row = await editableArticle(services, caller, input.id);
  const now = services.clock.now();
  // A time already past publishes now; a scheduled time must be within 90 days.
  const at = input.at && input.at > now ? input.at : now;
  if (at.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD) {
    throw new AppError('INVALID_INPUT', '定时发布最多可提前90天', [{ path: 'at', message: '定时发布最多可提前90天' }]);
  }
  await updateArticleRow(services.db, row.id, { status: 'published', publish_at: at.toISOString(), updated_at: now.toISOString() });
  return articleFor(services, row.id, caller);
});
