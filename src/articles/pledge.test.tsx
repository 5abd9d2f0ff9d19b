import { act, renderHook } from '@testing-library/react';
import { AppError } from '../../types/errors';

const mockCall = jest.fn();
jest.mock('../cloud/client', () => ({ call: (name: string, input: unknown) => mockCall(name, input) }));

import { initialPledgeState, pledgeReducer, usePledge } from './pledge';
import { latestPledgeCount, rememberPledgeCount, usePledgeCount } from './pledge-counts';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the pledge box', () => {
  beforeEach(() => mockCall.mockReset());

  it('pledges, then shows the count from the host and 您已承诺', async () => {
    const answer = deferred<{ count: number; pledgedByMe: true }>();
    mockCall.mockReturnValue(answer.promise);
    const pledge = { count: 12, pledgedByMe: false };
    const { result } = renderHook(() => usePledge('demo-dongfang-water', pledge, true));

    act(() => void result.current.pledge());
    expect(result.current.saving).toBe(true);
    expect(mockCall).toHaveBeenCalledWith('articles.pledge', { id: 'demo-dongfang-water' });

    // Two neighbours pledged meanwhile: the host's count is the one to show.
    await act(async () => answer.resolve({ count: 15, pledgedByMe: true }));
    expect(result.current).toMatchObject({ count: 15, pledgedByMe: true, saving: false, error: null });
  });

  it('sends one request however often it is tapped', async () => {
    mockCall.mockReturnValue(new Promise(() => undefined));
    const pledge = { count: 0, pledgedByMe: false };
    const { result } = renderHook(() => usePledge('a', pledge, true));
    act(() => {
      void result.current.pledge();
      void result.current.pledge();
    });
    act(() => void result.current.pledge());
    expect(mockCall).toHaveBeenCalledTimes(1);
  });

  it('does nothing more once the host says this reader has pledged (after a reload)', () => {
    const pledge = { count: 3, pledgedByMe: true };
    const { result } = renderHook(() => usePledge('a', pledge, true));
    act(() => void result.current.pledge());
    expect(mockCall).not.toHaveBeenCalled();
    expect(result.current.pledgedByMe).toBe(true);
  });

  it('asks a signed-out reader to sign in instead of sending, and stops asking once signed in', () => {
    const pledge = { count: 3, pledgedByMe: false };
    const { result, rerender } = renderHook(({ signedIn }) => usePledge('a', pledge, signedIn), { initialProps: { signedIn: false } });
    act(() => void result.current.pledge());
    expect(mockCall).not.toHaveBeenCalled();
    expect(result.current.askedToSignIn).toBe(true);
    rerender({ signedIn: true });
    expect(result.current.askedToSignIn).toBe(false);
  });

  it('shows why a pledge failed and lets the reader try again', async () => {
    mockCall.mockRejectedValueOnce(new AppError('RATE_LIMITED')).mockResolvedValueOnce({ count: 4, pledgedByMe: true });
    const pledge = { count: 3, pledgedByMe: false };
    const { result } = renderHook(() => usePledge('a', pledge, true));
    await act(() => result.current.pledge());
    expect(result.current).toMatchObject({ pledgedByMe: false, saving: false, count: 3 });
    expect(result.current.error?.message).toBe('操作太频繁了，请稍等一会儿再试');
    await act(() => result.current.pledge());
    expect(result.current).toMatchObject({ pledgedByMe: true, count: 4, error: null });
  });

  it('takes a fresh answer from the host (another resident signed in on this phone)', () => {
    const { result, rerender } = renderHook(({ pledge }) => usePledge('a', pledge, true), {
      initialProps: { pledge: { count: 5, pledgedByMe: true } },
    });
    rerender({ pledge: { count: 5, pledgedByMe: false } });
    expect(result.current.pledgedByMe).toBe(false);
  });
});

describe('the pledge rules', () => {
  it('an answer that changes nothing leaves the state as it is (no render for nothing)', () => {
    const state = initialPledgeState({ count: 2, pledgedByMe: true });
    expect(pledgeReducer(state, { type: 'loaded', count: 2, pledgedByMe: true })).toBe(state);
  });

  it('a reload that arrives while a pledge is on its way does not undo it', () => {
    const saving = pledgeReducer(initialPledgeState({ count: 1, pledgedByMe: false }), { type: 'tapped', signedIn: true });
    const reloaded = pledgeReducer(saving, { type: 'loaded', count: 1, pledgedByMe: false });
    expect(reloaded.saving).toBe(true);
    expect(pledgeReducer(reloaded, { type: 'saved', count: 2 })).toMatchObject({ count: 2, pledgedByMe: true });
  });
});

describe('the count a list shows after a pledge', () => {
  it('is the new one, though the list was loaded before', async () => {
    mockCall.mockResolvedValueOnce({ count: 8, pledgedByMe: true });
    const pledge = { count: 7, pledgedByMe: false };
    const { result } = renderHook(() => ({ box: usePledge('campaign', pledge, true), row: usePledgeCount('campaign', 7) }));
    expect(result.current.row).toBe(7);
    await act(() => result.current.box.pledge());
    expect(result.current.row).toBe(8);
  });

  it('keeps the larger count (pledges are never withdrawn), and none for an item without a pledge', () => {
    rememberPledgeCount('other', 5);
    rememberPledgeCount('other', 3);
    expect(latestPledgeCount('other', 4)).toBe(5);
    expect(latestPledgeCount('other', 9)).toBe(9);
    expect(latestPledgeCount('other', null)).toBeNull();
  });
});
