import { Text } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import { InlineError, LoadingState } from '../../components/states';
import type { PagedList } from '../../hooks/use-paged-list';
import '../honors.scss';

/** Under a paged list: the next page's error with 重试, its loading, 加载更多, or the end. */
export function ListFooter<T>({ list, endText }: { list: PagedList<T>; endText: string }) {
  if (list.moreError)
    return (
      <>
        <InlineError error={list.moreError} />
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
        加载更多
      </ActionButton>
    );
  return <Text className="lt-body lt-muted lt-hn-end">{endText}</Text>;
}
