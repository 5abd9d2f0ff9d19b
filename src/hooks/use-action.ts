import { useCallback, useRef, useState } from 'react';
import type { AppError } from '../../types/errors';
import { toAppError } from '../cloud/errors';

export interface Action {
  /** While the write is under way: the button shows its loading and a second tap does nothing. */
  busy: boolean;
  /** What the last try failed with, for an `InlineError` beside the button; cleared on the next try. */
  error: AppError | null;
  /**
   * Runs one write. A failure lands in `error`, or in `onError` when the page has its own
   * place for it (a form's field messages).
   */
  run: (work: () => Promise<void>, onError?: (error: AppError) => void) => Promise<void>;
}

/**
 * One button's write to the host (提交, 保存, 通知家属): busy while it runs, its error kept
 * for the page to show where the resident is looking. A second tap while it runs is ignored.
 *
 * @example
 * const send = useAction();
 * <ActionButton loading={send.busy} onClick={() => void send.run(async () => { await call('grid.feedback', input); setSent(true); })}>提交</ActionButton>
 * <InlineError error={send.error} />
 */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const running = useRef(false);
  const run = useCallback(async (work: () => Promise<void>, onError?: (error: AppError) => void) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      const failed = toAppError(e);
      if (onError) onError(failed);
      else setError(failed);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
