import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import type { Remote } from './use-remote';

/**
 * The page's pull-down (enablePullDownRefresh in its config) reloads `remote`, and the
 * spinner stops once the reload has an answer, good or bad.
 *
 * @example const remote = useRemote(load, [id]); usePullToRefresh(remote);
 */
export function usePullToRefresh(remote: Pick<Remote<unknown>, 'status' | 'reload'>): void {
  const pulling = useRef(false);
  usePullDownRefresh(() => {
    pulling.current = true;
    remote.reload();
  });
  useEffect(() => {
    if (pulling.current && remote.status !== 'loading') {
      pulling.current = false;
      void Taro.stopPullDownRefresh();
    }
  }, [remote.status]);
}
