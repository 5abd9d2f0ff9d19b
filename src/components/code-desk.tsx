import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import type { AppError } from '../../types/errors';
import { toAppError } from '../cloud/errors';
import { ActionButton } from './action-button';
import { TextInput } from './form-kit';
import { InlineError } from './states';
import './code-desk.scss';

// WeChat's scanner; the H5 preview has none, so there the code is only typed.
const onWeapp = process.env.TARO_ENV === 'weapp';

/**
 * The staff desk that takes a person's code: scan it (WeChat only: the H5 preview has no
 * camera scanner) or type what the person reads out, send it, and show who it was. Used by
 * 活动签到 (residents' check-in codes) and 志愿者签到 (volunteers' codes); each page brings its
 * own words, its call to the host and how a result reads.
 *
 * @example
 * <CodeDesk title="为居民签到" label="签到码" submitLabel="签到" send={(code) => call('events.checkIn', { code })} … />
 */
export function CodeDesk<T>({
  title,
  intro,
  scanLabel,
  hint,
  scanHint,
  label,
  placeholder,
  maxLength,
  normalize,
  submitLabel,
  send,
  onDone,
  renderDone,
  fieldClassName,
  doneClassName,
}: {
  title: string;
  /** A line under the title, e.g. how a second scan is read. */
  intro?: string;
  scanLabel: string;
  /** Where there is no scanner: how to get the code to type. */
  hint: string;
  /** Under the scan button: what to do when the code will not scan. Defaults to `hint`. */
  scanHint?: string;
  /** The code box's label (read by screen readers and the browser tests). */
  label: string;
  placeholder: string;
  maxLength: number;
  /** Tidies what is typed (upper case, grouping) as the person types. */
  normalize: (typed: string) => string;
  submitLabel: string;
  send: (code: string) => Promise<T>;
  onDone?: (result: T) => void;
  renderDone: (result: T) => ReactNode;
  /** Extra classes on the code box and the result, for the pages' browser tests. */
  fieldClassName?: string;
  doneClassName?: string;
}) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<T | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const submit = (code: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    send(code)
      .then((result) => {
        setDone(result);
        setTyped('');
        onDone?.(result);
      })
      .catch((e: unknown) => setError(toAppError(e)))
      .finally(() => setBusy(false));
  };

  const scan = () => {
    Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      .then((res) => submit(res.result))
      // Closing the scanner is not an error; there is nothing to say.
      .catch(() => undefined);
  };

  return (
    <View className="lt-card">
      <Text className="lt-card__title">{title}</Text>
      {intro ? <Text className="lt-body lt-muted">{intro}</Text> : null}
      {onWeapp ? (
        <View className="lt-gap-top">
          <ActionButton loading={busy} onClick={scan}>
            {scanLabel}
          </ActionButton>
        </View>
      ) : null}
      <Text className="lt-body lt-muted lt-code-desk__hint">{onWeapp ? (scanHint ?? hint) : hint}</Text>
      <TextInput
        className={`lt-code-desk__field${fieldClassName ? ` ${fieldClassName}` : ''}`}
        label={label}
        value={typed}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(value) => setTyped(normalize(value))}
        onConfirm={() => {
          if (typed) submit(typed);
        }}
      />
      <InlineError error={error} />
      <ActionButton loading={busy} disabled={typed.length === 0} onClick={() => submit(typed)}>
        {submitLabel}
      </ActionButton>
      {done !== null ? (
        <View className={`lt-code-desk__done${doneClassName ? ` ${doneClassName}` : ''}`} role="status">
          {renderDone(done)}
        </View>
      ) : null}
    </View>
  );
}
