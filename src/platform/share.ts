/**
 * The query of a page path (`packages/events/detail/index?id=1&sharer=u` → `id=1&sharer=u`):
 * what onShareTimeline takes, since a Moments share opens the page it was shared from.
 */
export function queryOf(pagePath: string): string {
  const at = pagePath.indexOf('?');
  return at < 0 ? '' : pagePath.slice(at + 1);
}
