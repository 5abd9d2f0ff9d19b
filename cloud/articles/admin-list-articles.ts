import { adminListArticles } from '../../types/articles';
import { defineFunction } from '../core/define-function';
import { articleConsoleScopes } from './articles.permissions';
import { toSummary } from './lib/article-view';
import { listForAdmin } from './articles.storage';

export default defineFunction(adminListArticles, async (input, { services, caller }) => {
  const now = services.clock.now();
  const mine = articleConsoleScopes(caller.grants);
  const { rows, total } = await listForAdmin(services.db, {
    scopeIds: mine,
    status: input.status,
    now,
    category: input.category,
    q: input.q,
    offset: (input.page - 1) * input.pageSize,
    limit: input.pageSize,
  });
  return { items: rows.map((r) => toSummary(r, now)), total };
});
