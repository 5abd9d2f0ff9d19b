import { Text } from '@tarojs/components';
import type { PagedList } from '../hooks/use-paged-list';
import { ActionButton } from './action-button';
import { ErrorState, InlineError, LoadingState } from './states';
import './list-footer.scss';

/**
 * Under a `usePagedList` list: the next page's error with 重试, its loading, 加载更多, or the
 * end. Every paged list that shows a 加载更多 button ends with this one.
 *
 * @example
 * <ListFooter list={list} endText="已经是全部感谢了" />
 */
export function ListFooter<T>({ list, endText, moreText = '加载更多' }: { list: PagedList<T>; endText?: string; moreText?: string }) {
  if (list.moreError)
    return (
      <>
        <InlineError error={list.moreError} />
        {/* A failed refresh also lands in moreError; with no further page, retrying is a refresh. */}
        <ActionButton tone="secondary" onClick={() => void (list.hasMore ? list.loadMore() : list.refresh())}>
          重试
        </ActionButton>
      </>
    );
  if (list.loadingMore) return <LoadingState text="正在加载更多…" />;
  // Loads by itself at the bottom too; the button is for whoever does not scroll on.
  if (list.hasMore)
    return (
      <ActionButton tone="secondary" onClick={() => void list.loadMore()}>
        {moreText}
      </ActionButton>
    );
  return endText ? <Text className="lt-body lt-muted lt-list-end">{endText}</Text> : null;
}

/** Before a paged list's first page is here: its loading, or its error with 重试 (a refresh). */
export function ListState<T>({ list }: { list: PagedList<T> }) {
  return list.status === 'error' ? <ErrorState error={list.error} onRetry={() => void list.refresh()} /> : <LoadingState />;
}
