import { act, renderHook } from '@testing-library/react';
import { AppError } from '../../types/errors';
import { useAction } from './use-action';

describe('a button’s write (useAction)', () => {
  it('is busy while the write runs and ignores a second tap meanwhile', async () => {
    const { result } = renderHook(() => useAction());
    let finish: () => void = () => undefined;
    const work = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    let first: Promise<void> = Promise.resolve();
    act(() => {
      first = result.current.run(work);
    });
    expect(result.current.busy).toBe(true);
    await act(() => result.current.run(work));
    expect(work).toHaveBeenCalledTimes(1);
    await act(async () => {
      finish();
      await first;
    });
    expect(result.current).toMatchObject({ busy: false, error: null });
  });

  it('keeps what failed for the page to show, and clears it on the next try', async () => {
    const { result } = renderHook(() => useAction());
    await act(() => result.current.run(() => Promise.reject(new AppError('RATE_LIMITED'))));
    expect(result.current.error?.kind).toBe('RATE_LIMITED');
    expect(result.current.busy).toBe(false);
    await act(() => result.current.run(async () => undefined));
    expect(result.current.error).toBeNull();
  });

  it('hands the failure to the page’s own handler instead, when it has one (a form’s fields)', async () => {
    const { result } = renderHook(() => useAction());
    const onError = jest.fn();
    await act(() => result.current.run(() => Promise.reject(new AppError('RATE_LIMITED')), onError));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'RATE_LIMITED' }));
    expect(result.current.error).toBeNull();
  });
});
