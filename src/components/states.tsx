import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { AppError } from '../../types/errors';
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

/** A failed load: the host's own message and a full-size 重试. */
export function ErrorState({
  error,
  onRetry,
  title = '没有加载出来',
}: {
  error: AppError | null;
  onRetry?: () => void;
  title?: string;
}) {
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
