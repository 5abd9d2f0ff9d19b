import type { Article } from '../../types/articles-model';
import { call } from '../cloud/client';
import { shareVisit } from '../platform/storage';

/**
 * Loads one article for its detail page. The host counts a visit for the sharer each time
 * `sharer` is passed (with this phone's `device`), so it goes along until one load has succeeded and never again from
 * this page: reloading after signing in, or pulling to refresh, is not another visit
 * brought by the card. A failed first load keeps it for the retry.
 *
 * @example const load = articleLoader('demo-dongfang-water', params.sharer); await load();
 */
export function articleLoader(id: string, sharer: string | null | undefined): () => Promise<Article> {
  let pendingSharer = sharer || null;
  return async () => {
    const sharerNow = pendingSharer;
    const article = await call('articles.get', sharerNow ? { id, ...shareVisit(sharerNow) } : { id });
    pendingSharer = null;
    return article;
  };
}
