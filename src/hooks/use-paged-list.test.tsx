import { act, renderHook, waitFor } from '@testing-library/react';
import { AppError } from '../../types/errors';
import { usePagedList, type PageResult } from './use-paged-list';

/** A list function whose answers the test releases one by one. */
function controlledFetch() {
  const pending: { cursor: number | null; resolve: (r: PageResult<string, number>) => void; reject: (e: unknown) => void }[] = [];
  const fetchPage = jest.fn(
    (cursor: number | null) =>
      new Promise<PageResult<string, number>>((resolve, reject) => pending.push({ cursor, resolve, reject })),
  );
  const answer = async (index: number, result: PageResult<string, number> | Error) => {
    const call = pending[index];
    if (!call) throw new Error(`no request #${index}`);
    await act(async () => {
      if (result instanceof Error) call.reject(result);
      else call.resolve(result);
    });
  };
  return { fetchPage, pending, answer };
}

describe('a paged list', () => {
  it('shows the first page, then appends the next at the bottom', async () => {
    const api = controlledFetch();
    const { result } = renderHook(() => usePagedList(api.fetchPage, []));
    expect(result.current.status).toBe('loading');
    await api.answer(0, { items: ['义诊', '法制讲座'], next: 2 });
    expect(result.current).toMatchObject({ status: 'ready', items: ['义诊', '法制讲座'], hasMore: true });

    act(() => void result.current.loadMore());
    expect(api.fetchPage).toHaveBeenLastCalledWith(2);
    await api.answer(1, { items: ['免费理发'], next: null });
    expect(result.current).toMatchObject({ items: ['义诊', '法制讲座', '免费理发'], hasMore: false });
  });

  it('does not ask for a further page after the last one', async () => {
    const api = controlledFetch();
    const { result } = renderHook(() => usePagedList(api.fetchPage, []));
    await api.answer(0, { items: ['义诊'], next: null });
    await act(() => result.current.loadMore());
    expect(api.fetchPage).toHaveBeenCalledTimes(1);
  });

  it('replaces the items on refresh and drops a next page that was overtaken', async () => {
    const api = controlledFetch();
    const { result } = renderHook(() => usePagedList(api.fetchPage, []));
    await api.answer(0, { items: ['a', 'b'], next: 2 });
    act(() => void result.current.loadMore());
    act(() => void result.current.refresh());
    await api.answer(2, { items: ['new'], next: null });
    await api.answer(1, { items: ['stale'], next: null });
    expect(result.current.items).toEqual(['new']);
    expect(result.current.refreshing).toBe(false);
  });

  it('shows the error of a failed first page, and loads again on retry', async () => {
    const api = controlledFetch();
    const { result } = renderHook(() => usePagedList(api.fetchPage, []));
    await api.answer(0, new AppError('INTERNAL'));
    expect(result.current.status).toBe('error');
    expect(result.current.error?.message).toBe('服务器开小差了，请稍后再试');
    act(() => void result.current.refresh());
    await api.answer(1, { items: ['义诊'], next: null });
    expect(result.current).toMatchObject({ status: 'ready', items: ['义诊'], error: null });
  });

  it('keeps what is shown when a further page fails', async () => {
    const api = controlledFetch();
    const { result } = renderHook(() => usePagedList(api.fetchPage, []));
    await api.answer(0, { items: ['义诊'], next: 2 });
    act(() => void result.current.loadMore());
    await api.answer(1, Object.assign(new Error('request:fail'), { code: -1 }));
    expect(result.current.items).toEqual(['义诊']);
    expect(result.current.moreError?.message).toBe('网络连接不上，请检查网络后再试');
    expect(result.current.hasMore).toBe(true);
  });

  it('starts over when its deps change', async () => {
    const api = controlledFetch();
    const { rerender } = renderHook(({ community }) => usePagedList(api.fetchPage, [community]), {
      initialProps: { community: 'c1' },
    });
    rerender({ community: 'c2' });
    await waitFor(() => expect(api.fetchPage).toHaveBeenCalledTimes(2));
    expect(api.pending.map((p) => p.cursor)).toEqual([null, null]);
  });
});
