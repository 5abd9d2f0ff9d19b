import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { AppError } from '../../types/errors';
import { toAppError } from '../cloud/errors';

/** One page of a list function's answer; `next` is null on the last page. */
export interface PageResult<T, C> {
  items: T[];
  next: C | null;
}

export interface PagedList<T> {
  items: T[];
  /** Of the first page: a page shows its loading, error or empty state from this. */
  status: 'loading' | 'ready' | 'error';
  error: AppError | null;
  /** Loading a further page failed; the items already shown stay. */
  moreError: AppError | null;
  refreshing: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
}

export interface PagedListOptions {
  /**
   * Bind to the page's pull-down-refresh and reach-bottom events (the page config needs
   * `enablePullDownRefresh: true`). Off for a list inside a ScrollView, which calls
   * refresh/loadMore from its own events.
   */
  pageEvents?: boolean;
}

/**
 * A list fetched page by page: first page on mount (and when deps change), pull down to
 * refresh, next page at the bottom. Answers to a superseded request (a refresh started
 * meanwhile) are dropped, so items never appear twice.
 *
 * @example
 * const list = usePagedList((cursor) => call('events.list', { cursor }), []);
 * if (list.status === 'loading') return <LoadingState />;
 */
export function usePagedList<T, C>(
  fetchPage: (cursor: C | null) => Promise<PageResult<T, C>>,
  deps: DependencyList,
  options: PagedListOptions = {},
): PagedList<T> {
  const pageEvents = options.pageEvents ?? true;
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const generation = useRef(0);
  const cursor = useRef<C | null>(null);
  const busy = useRef(false);

  const [state, setState] = useState({
    items: [] as T[],
    status: 'loading' as PagedList<T>['status'],
    error: null as AppError | null,
    moreError: null as AppError | null,
    refreshing: false,
    loadingMore: false,
    hasMore: false,
  });

  const loadFirst = useCallback(async (asRefresh: boolean) => {
    const mine = ++generation.current;
    busy.current = true;
    setState((s) => (asRefresh ? { ...s, refreshing: true, moreError: null } : { ...s, status: 'loading', error: null, moreError: null }));
    try {
      const page = await fetchRef.current(null);
      if (mine !== generation.current) return;
      cursor.current = page.next;
      setState({
        items: page.items,
        status: 'ready',
        error: null,
        moreError: null,
        refreshing: false,
        loadingMore: false,
        hasMore: page.next !== null,
      });
    } catch (error) {
      if (mine !== generation.current) return;
      const appError = toAppError(error);
      // A failed refresh keeps what is on screen; only a failed first load replaces it.
      setState((s) =>
        asRefresh && s.status === 'ready'
          ? { ...s, refreshing: false, moreError: appError }
          : { ...s, status: 'error', error: appError, refreshing: false },
      );
    } finally {
      if (mine === generation.current) busy.current = false;
    }
  }, []);

  const refresh = useCallback(() => loadFirst(true), [loadFirst]);

  const loadMore = useCallback(async () => {
    if (busy.current || cursor.current === null) return;
    const mine = generation.current;
    busy.current = true;
    setState((s) => ({ ...s, loadingMore: true, moreError: null }));
    try {
      const page = await fetchRef.current(cursor.current);
      if (mine !== generation.current) return;
      cursor.current = page.next;
      setState((s) => ({ ...s, items: [...s.items, ...page.items], loadingMore: false, hasMore: page.next !== null }));
    } catch (error) {
      if (mine !== generation.current) return;
      setState((s) => ({ ...s, loadingMore: false, moreError: toAppError(error) }));
    } finally {
      if (mine === generation.current) busy.current = false;
    }
  }, []);

  // The caller's deps say when the list is a different list (a new filter, say).
  useEffect(() => {
    void loadFirst(false);
  }, deps);

  usePullDownRefresh(() => {
    if (!pageEvents) return;
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (pageEvents) void loadMore();
  });

  return { ...state, refresh, loadMore };
}
