import { Alert, Drawer, Spin } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { toAppError } from '../sdk/errors';

export interface DetailDrawerProps<T> {
  /** The item shown; null keeps the drawer closed. */
  id: string | null;
  load(id: string): Promise<T>;
  /** The drawer's title once loaded; `fallback` while loading. */
  title(item: T): ReactNode;
  fallback: string;
  width?: number;
  onClose(): void;
  /** Buttons at the top right, given the item and a way to load it again after a change. */
  extra?(item: T, reload: () => void): ReactNode;
  children(item: T, reload: () => void): ReactNode;
}

/**
 * A drawer showing one item: loaded when opened (a spinner meanwhile), the host's message
 * when it could not be, and loaded again after an action in it changed the item.
 */
export function DetailDrawer<T>({ id, load, title, fallback, width = 760, onClose, extra, children }: DetailDrawerProps<T>) {
  const [item, setItem] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    if (!id) return;
    setError(null);
    load(id).then(setItem, (e: unknown) => setError(toAppError(e).message));
    // `load` is the page's call for this kind of item; a new id is what asks for a new load.
  }, [id]);
  useEffect(() => {
    setItem(null);
    reload();
  }, [reload]);
  return (
    <Drawer open={!!id} width={width} title={item ? title(item) : fallback} onClose={onClose} destroyOnClose extra={item && extra?.(item, reload)}>
      {error && <Alert type="error" showIcon message={error} />}
      {!item && !error && <Spin />}
      {item && children(item, reload)}
    </Drawer>
  );
}
