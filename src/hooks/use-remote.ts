import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { AppError } from '../../types/errors';
import { toAppError } from '../cloud/errors';

export interface Remote<T> {
  status: 'loading' | 'ready' | 'error';
  data: T | null;
  error: AppError | null;
  reload: () => void;
}

/**
 * One value fetched from the cloud, with the three states every screen shows: loading,
 * the value, or an error with 重试. Answers that arrive after a newer request are dropped.
 *
 * @example const regions = useRemote(loadRegions, []);
 */
export function useRemote<T>(load: () => Promise<T>, deps: DependencyList): Remote<T> {
  const [state, setState] = useState<Omit<Remote<T>, 'reload'>>({ status: 'loading', data: null, error: null });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ status: 'loading', data: s.data, error: null }));
    loadRef
      .current()
      .then((data) => {
        if (mine === generation.current) setState({ status: 'ready', data, error: null });
      })
      .catch((error: unknown) => {
        if (mine === generation.current) setState((s) => ({ status: 'error', data: s.data, error: toAppError(error) }));
      });
  }, []);

  // The caller's deps say when the value is a different value; `load` may be a new
  // closure on every render and is read through a ref.
  useEffect(reload, deps);

  return { ...state, reload };
}
