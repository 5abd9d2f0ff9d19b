import { AppError } from '../../types';
import { pledgeArticle } from '../../types/articles';
import { defineFunction } from '../core/define-function';
import { isVisibleToReaders } from './articles.permissions';
import { countPledges, getArticleRow, hasPledged, insertPledge } from './articles.storage';

export default defineFunction(pledgeArticle, async (input, { services, caller }) => {
  const row = await getArticleRow(services.db, input.id);
  const now = services.clock.now();
  if (!row || !isVisibleToReaders(row, now)) throw new AppError('NOT_FOUND');
  if (!row.pledge_prompt) throw new AppError('NOT_FOUND', '这篇资讯没有可响应的倡议');
  // The insert re-checks that the article is still out: an unpublish meanwhile wins.
  if (!(await insertPledge(services.db, row.id, caller.id, now)) && !(await hasPledged(services.db, row.id, caller.id))) throw new AppError('NOT_FOUND');
  return { count: await countPledges(services.db, row.id), pledgedByMe: true as const };
});
