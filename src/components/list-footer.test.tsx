import { fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../types/errors';
import type { PagedList } from '../hooks/use-paged-list';
import { ListFooter, ListState } from './list-footer';

function listOf(over: Partial<PagedList<number>>): PagedList<number> {
  return {
    items: [1, 2],
    status: 'ready',
    error: null,
    moreError: null,
    refreshing: false,
    loadingMore: false,
    hasMore: false,
    refresh: jest.fn(async () => undefined),
    loadMore: jest.fn(async () => undefined),
    ...over,
  };
}

const buttons = (container: HTMLElement) => [...container.querySelectorAll('.nut-button')].map((b) => b.textContent);

describe('ListFooter', () => {
  it('offers 加载更多 while there is a next page, and loads it on a tap', () => {
    const list = listOf({ hasMore: true });
    const { container } = render(<ListFooter list={list} endText="没有更多了" moreText="加载更多活动" />);
    expect(buttons(container)).toEqual(['加载更多活动']);
    expect(screen.queryByText('没有更多了')).toBeNull();
    fireEvent.click(container.querySelector('.nut-button') as Element);
    expect(list.loadMore).toHaveBeenCalledTimes(1);
  });

  it('says the next page is loading instead of offering the button twice', () => {
    const { container } = render(<ListFooter list={listOf({ hasMore: true, loadingMore: true })} />);
    expect(screen.getByText('正在加载更多…')).toBeTruthy();
    expect(buttons(container)).toEqual([]);
  });

  it('says what failed and retries the next page, or refreshes when there is none', () => {
    const more = listOf({ hasMore: true, moreError: new AppError('RATE_LIMITED') });
    const { container, unmount } = render(<ListFooter list={more} endText="没有更多了" />);
    expect(screen.getByText('操作太频繁了，请稍等一会儿再试')).toBeTruthy();
    expect(buttons(container)).toEqual(['重试']);
    fireEvent.click(container.querySelector('.nut-button') as Element);
    expect(more.loadMore).toHaveBeenCalledTimes(1);
    unmount();

    const last = listOf({ hasMore: false, moreError: new AppError('RATE_LIMITED') });
    const second = render(<ListFooter list={last} endText="没有更多了" />);
    expect(screen.queryByText('没有更多了')).toBeNull();
    fireEvent.click(second.container.querySelector('.nut-button') as Element);
    expect(last.refresh).toHaveBeenCalledTimes(1);
    expect(last.loadMore).not.toHaveBeenCalled();
  });

  it('ends with its own words, or with nothing when it has none', () => {
    const { container, rerender } = render(<ListFooter list={listOf({})} endText="已经是全部感谢了" />);
    expect(screen.getByText('已经是全部感谢了')).toBeTruthy();
    rerender(<ListFooter list={listOf({})} />);
    expect(container.textContent).toBe('');
  });
});

describe('ListState', () => {
  it('says the first page is loading, and on its failure refreshes with 重试', () => {
    const { rerender, container } = render(<ListState list={listOf({ status: 'loading', items: [] })} />);
    expect(screen.getByText('正在加载，请稍候…')).toBeTruthy();
    const failed = listOf({ status: 'error', items: [], error: new AppError('RATE_LIMITED') });
    rerender(<ListState list={failed} />);
    expect(screen.getByText('操作太频繁了，请稍等一会儿再试')).toBeTruthy();
    fireEvent.click(container.querySelector('.nut-button') as Element);
    expect(failed.refresh).toHaveBeenCalledTimes(1);
  });
});
