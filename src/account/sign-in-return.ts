import Taro from '@tarojs/taro';
import { ROUTES, TABS } from '../routes';

/**
 * Coming back after signing in through the H5 preview's persona page: a resident who was
 * asked to sign in (by 我承诺 on an article, say) lands where they were, not on 我的.
 */

/** What Taro knows of the page on screen: its path and its query. */
export interface PageRouter {
  path: string;
  params: Partial<Record<string, string>>;
}

/**
 * The route of the page on screen, query included, as a `navigateTo` url. Taro's H5
 * router adds `stamp` and `$taroTimestamp` to every page and a `?stamp=` to its path;
 * those are its own bookkeeping, not part of the route. Values stay as they arrived
 * (still URL-encoded), since the pages decode their own params.
 *
 * @example routeOf({ path: '/packages/articles/detail/index?stamp=3', params: { id: 'a1', stamp: '3' } }) // '/packages/articles/detail/index?id=a1'
 */
export function routeOf(router: PageRouter): string {
  const path = `/${router.path.split('?')[0]!.replace(/^\//, '')}`;
  const query = Object.entries(router.params)
    .filter(([key, value]) => value !== undefined && key !== 'stamp' && !key.startsWith('$taro'))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

/** The persona page, returning to `back` (a route) once signed in; to 我的 without one. */
export function personaPath(back?: string | null): string {
  return back ? `${ROUTES.persona}?back=${encodeURIComponent(back)}` : ROUTES.persona;
}

const KNOWN_PATHS = new Set<string>(Object.values(ROUTES));

/**
 * The route the persona page's `back` names, if it is one of this app's pages (and not
 * the persona page itself, which would only sign in again); null otherwise.
 */
export function backRoute(raw: string | undefined): string | null {
  if (!raw) return null;
  let route: string;
  try {
    route = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const path = route.split('?')[0]!;
  return KNOWN_PATHS.has(path) && path !== ROUTES.persona ? route : null;
}

/**
 * Goes to `route` from the persona page. A tab is switched to. The page that sent the
 * reader here (the persona page was opened over it) is gone back to, so it keeps its
 * place and picks up the session itself; opened some other way, the route replaces the
 * persona page.
 */
export async function returnTo(route: string): Promise<void> {
  const path = route.split('?')[0]!;
  if (TABS.some((tab) => tab.path === path)) {
    await Taro.switchTab({ url: path });
    return;
  }
  const pages = Taro.getCurrentPages();
  const previous = pages[pages.length - 2];
  if (previous && `/${(previous.route ?? '').replace(/^\//, '')}` === path) await Taro.navigateBack();
  else await Taro.redirectTo({ url: route });
}
