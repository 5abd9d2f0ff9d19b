import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { AppError } from '../../types/errors';
import type { Remote } from '../hooks/use-remote';
import { ROUTES, TABS } from '../routes';
import { ActionButton } from './action-button';
import './states.scss';

/** While something is on its way. Says so in words: a spinner alone is easy to miss. */
export function LoadingState({ text = '正在加载，请稍候…' }: { text?: string }) {
  return (
    <View className="lt-state lt-state--loading" aria-live="polite">
      <View className="lt-state__spinner" />
      <Text className="lt-state__text">{text}</Text>
    </View>
  );
}

/** Nothing to show yet, and what the resident can do about it. */
export function EmptyState({ title, description, action }: { title: string; description?: ReactNode; action?: ReactNode }) {
  return (
    <View className="lt-state lt-state--empty">
      <Text className="lt-state__title">{title}</Text>
      {description ? <View className="lt-state__text">{description}</View> : null}
      {action ? <View className="lt-state__action">{action}</View> : null}
    </View>
  );
}

/** Where a dead end leads back to: the resident's own list of such things. */
export interface WayBack {
  label: string;
  url: string;
}

function go(url: string) {
  const path = url.split('?')[0];
  if (TABS.some((t) => t.path === path)) void Taro.switchTab({ url });
  else void Taro.redirectTo({ url });
}

/**
 * Whether retrying cannot help: the thing is gone (404) or is not the viewer's to see
 * (403). Such a page says what happened in plain words and offers the way back instead.
 */
export function isDeadEnd(error: AppError | null): boolean {
  return error !== null && (error.status === 404 || error.status === 403);
}

/**
 * A failed load. Gone or not allowed: what happened in plain words, and the way back (the
 * resident's list of such things, and 首页). Anything else: the host's own message and a
 * full-size 重试.
 */
export function ErrorState({
  error,
  onRetry,
  title = '没有加载出来',
  thing = '这项内容',
  backTo,
}: {
  error: AppError | null;
  onRetry?: () => void;
  title?: string;
  /** What the page shows, for the words of a dead end: 这个活动, 这件事. */
  thing?: string;
  backTo?: WayBack;
}) {
  if (isDeadEnd(error)) {
    const gone = error!.status === 404;
    return (
      <View className="lt-state lt-state--error" role="alert">
        <Text className="lt-state__title">{gone ? `${thing}已经找不到了` : `您不能查看${thing}`}</Text>
        <Text className="lt-state__text">
          {gone
            ? `${thing}可能已被取消或删除，也可能链接不完整。`
            : `${thing}只对本人和负责办理的工作人员开放。如果您觉得应该能看到，请联系社区。`}
        </Text>
        <View className="lt-state__action lt-stack">
          {backTo ? (
            <ActionButton tone="primary" onClick={() => go(backTo.url)}>
              {backTo.label}
            </ActionButton>
          ) : null}
          <ActionButton tone={backTo ? 'secondary' : 'primary'} onClick={() => go(ROUTES.home)}>
            回到首页
          </ActionButton>
        </View>
      </View>
    );
  }
  return (
    <View className="lt-state lt-state--error" role="alert">
      <Text className="lt-state__title">{title}</Text>
      {error ? <Text className="lt-state__text">{error.message}</Text> : null}
      {onRetry ? (
        <View className="lt-state__action">
          <ActionButton tone="primary" onClick={onRetry}>
            重试
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}

/** An error next to the control that caused it (a save that failed), not a pop-up. */
export function InlineError({ error }: { error: AppError | null }) {
  if (!error) return null;
  return (
    <View className="lt-inline-error" role="alert">
      <Text>{error.message}</Text>
      {error.fields.map((f) => (
        <Text key={f.path} className="lt-inline-error__field">
          {f.message}
        </Text>
      ))}
    </View>
  );
}

/**
 * What stands in for a value that is not here yet: its error with 重试 when loading failed
 * and nothing came before, else its loading. The page decides when it is not ready.
 *
 * @example
 * const bench = useRemote(() => call('grid.workbench', {}), []);
 * if (!bench.data) return <RemoteState remote={bench} />;
 */
export function RemoteState<T>({ remote, text }: { remote: Remote<T>; text?: string }) {
  return remote.status === 'error' && !remote.data ? <ErrorState error={remote.error} onRetry={remote.reload} /> : <LoadingState text={text} />;
}
