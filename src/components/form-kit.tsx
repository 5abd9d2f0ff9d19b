import { Input, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useState, type ReactNode } from 'react';
import type { AppError } from '../../types/errors';
import { useSession } from '../hooks/use-session';
import { ActionButton } from './action-button';
import { firstErrorField, type FormErrors, type FormFields } from './form-errors';
import { SignInPrompt } from './sign-in-prompt';
import { InlineError, LoadingState } from './states';
import './form-kit.scss';

/**
 * The one form kit of the mini-program: every form (petitions, honors, bookings, account,
 * staff pages) builds from these, so a field looks, reads out and grows in 长辈模式 the
 * same everywhere. Sizes come from the theme (var(--lt-*)), which 长辈模式 enlarges.
 */

/** The element id of a field, so a form can scroll to the first one with a message. */
export const fieldId = (name: string) => `lt-form-field-${name}`;

/**
 * One field: its label (with 选填 where it may be left out), a hint, the control, and its
 * message right underneath, where the resident is looking.
 */
export function FormField({
  name,
  label,
  hint,
  error,
  optional,
  children,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  children: ReactNode;
}) {
  return (
    <View id={fieldId(name)} className={`lt-form-field${error ? ' lt-form-field--error' : ''}`}>
      <Text className="lt-form-field__label">
        {label}
        {optional ? <Text className="lt-form-field__optional">（选填）</Text> : null}
      </Text>
      {hint ? <View className="lt-form-field__hint">{hint}</View> : null}
      {children}
      {error ? <FieldError>{error}</FieldError> : null}
    </View>
  );
}

/** A message in the form's error style, for a note that belongs to no single field. */
export function FieldError({ children }: { children: ReactNode }) {
  return (
    <View className="lt-form-error" role="alert">
      {children}
    </View>
  );
}

/** A one-line text box in the app's bordered field. */
export function TextInput({
  value,
  onChange,
  placeholder,
  maxLength,
  type = 'text',
  label,
  onConfirm,
  className,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  /** Read by screen readers and by the browser tests to find the box. */
  label: string;
  /** The keyboard's 完成/回车. */
  onConfirm?: () => void;
  className?: string;
}) {
  return (
    <View className={`lt-field lt-form-input${className ? ` ${className}` : ''}`}>
      <Input value={value} type={type} maxLength={maxLength} placeholder={placeholder} aria-label={label} onChange={onChange} onConfirm={onConfirm ? () => onConfirm() : undefined} />
    </View>
  );
}

/** A few lines of text with a count, since the host has a limit worth seeing. */
export function TextBox({
  value,
  onChange,
  placeholder,
  maxLength,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength: number;
  label: string;
}) {
  return (
    <View className="lt-field lt-form-textarea">
      <TextArea value={value} maxLength={maxLength} placeholder={placeholder} aria-label={label} showCount onChange={onChange} />
    </View>
  );
}

export interface Choice<T extends string> {
  value: T;
  text: string;
  /** A second line in smaller text, e.g. a staff member's role. */
  sub?: string;
}

/**
 * Options as big buttons, two a row (one with `wide`): a picker wheel is hard to stop at
 * the right line, and a pop-up list is what 长辈模式 avoids.
 */
export function ChoiceGrid<T extends string>({
  options,
  value,
  onChange,
  wide,
}: {
  options: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T) => void;
  wide?: boolean;
}) {
  return (
    <View className={`lt-form-choices${wide ? ' lt-form-choices--wide' : ''}`}>
      {options.map((o) => {
        const on = o.value === value;
        return (
          <View key={o.value} className={`lt-form-choice${on ? ' lt-form-choice--on' : ''}`} role="button" aria-pressed={on} onClick={() => onChange(o.value)}>
            <Text>{on ? `✓ ${o.text}` : o.text}</Text>
            {o.sub ? <Text className="lt-form-choice__sub">{o.sub}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}

/**
 * Short choices in a row, as wide as their words and wrapping, of which one applies: a
 * filter (全部社区 / 朝阳社区, 即将开始 / 进行中 / 已结束, a 栏目). The same boxes as
 * `ChoiceGrid`, so a chosen filter and a chosen answer look alike (✓, the frame). `caption`
 * is the row's visible name (范围, 栏目), on a line of its own in 长辈模式.
 */
export function ChoiceChips<T extends string>({
  options,
  value,
  onChange,
  label,
  caption,
}: {
  options: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T) => void;
  /** The group's name for screen readers (and the browser tests). */
  label: string;
  caption?: string;
}) {
  return (
    <View className="lt-form-choices lt-form-choices--chips" role="group" aria-label={label}>
      {caption ? <Text className="lt-form-choices__caption">{caption}</Text> : null}
      {options.map((o) => {
        const on = o.value === value;
        return (
          // The label is a Text of its own: in the H5 preview a bare text node under Taro's
          // pull-to-refresh wrapper hit-tests as the wrapper, which browser tests then take
          // for something covering the button.
          <View
            key={o.value}
            className={`lt-form-choice${on ? ' lt-form-choice--on' : ''}`}
            role="button"
            aria-pressed={on}
            onClick={() => {
              if (!on) onChange(o.value);
            }}
          >
            <Text>{on ? `✓ ${o.text}` : o.text}</Text>
          </View>
        );
      })}
    </View>
  );
}

/** An on/off setting whose whole row is the target, with 开/关 in words beside the switch. */
export function ToggleRow({ title, text, checked, onChange }: { title: string; text: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <View className="lt-card lt-form-toggle" role="switch" aria-checked={checked} aria-label={title} onClick={() => onChange(!checked)}>
      <View className="lt-form-toggle__text">
        <Text className="lt-card__title">{title}</Text>
        <Text className="lt-body lt-muted">{text}</Text>
      </View>
      <View className="lt-form-toggle__switch">
        {/* Drawn, not NutUI's Switch: that one writes ARIA props the browser does not know
            (ariarole, ariachecked: axe's aria-valid-attr), and the row itself is the switch. */}
        <View className={`lt-toggle${checked ? ' lt-toggle--on' : ''}`} aria-hidden>
          <View className="lt-toggle__knob" />
        </View>
        <Text className="lt-form-toggle__state">{checked ? '开' : '关'}</Text>
      </View>
    </View>
  );
}

/** What is wrong, by the submit button: how many fields and which, by their labels. */
export function ErrorSummary({ errors }: { errors: FormErrors | null }) {
  return errors?.summary ? <FieldError>{errors.summary}</FieldError> : null;
}

/**
 * The foot of a form: what is wrong (every field by name, or the host's message), then the
 * one button that sends it, busy while it goes.
 */
export function SubmitBar({
  errors,
  error,
  busy,
  disabled,
  onSubmit,
  children,
}: {
  /** A form-kit form's messages (`useFormErrors`). */
  errors?: FormErrors | null;
  /** A failure that belongs to no field (`useAction().error`). */
  error?: AppError | null;
  busy: boolean;
  disabled?: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <>
      <ErrorSummary errors={errors ?? null} />
      <InlineError error={error ?? null} />
      <View className="lt-gap-top">
        <ActionButton loading={busy} disabled={disabled} onClick={onSubmit}>
          {children}
        </ActionButton>
      </View>
    </>
  );
}

/**
 * What a sent form leaves on the page: what was sent, in words, and where to go next (the
 * list it went to; one more of the same).
 */
export function SubmittedNotice({
  title,
  children,
  next,
  again,
}: {
  title: string;
  children: ReactNode;
  next: { text: string; onClick: () => void };
  again: { text: string; onClick: () => void };
}) {
  return (
    <View>
      <View className="lt-card lt-card--notice" role="status">
        <Text className="lt-card__title">{title}</Text>
        {children}
      </View>
      <View className="lt-stack">
        <ActionButton onClick={next.onClick}>{next.text}</ActionButton>
        <ActionButton tone="secondary" onClick={again.onClick}>
          {again.text}
        </ActionButton>
      </View>
    </View>
  );
}

/**
 * A form only a signed-in resident may send: its sign-in first, then the form, then what
 * was sent (`done`), from which `again` opens an empty form.
 *
 * @example
 * <SignedInForm signInReason="登录后才能推荐。" form={(sent) => <NominationForm onSubmitted={sent} />}
 *   done={(n, again) => <Submitted nomination={n} onAnother={again} />} />
 */
export function SignedInForm<T>({
  signInReason,
  form,
  done,
}: {
  signInReason: string;
  form: (onSubmitted: (result: T) => void) => ReactNode;
  done: (result: T, again: () => void) => ReactNode;
}) {
  const session = useSession();
  const [result, setResult] = useState<{ value: T } | null>(null);
  if (session.status === 'restoring' || session.status === 'signingIn') return <LoadingState text="正在登录，请稍候…" />;
  if (session.status !== 'signedIn') return <SignInPrompt reason={signInReason} />;
  if (result) return <>{done(result.value, () => setResult(null))}</>;
  return <>{form((value) => setResult({ value }))}</>;
}

/**
 * A form's messages: `fail` shows them all at once and scrolls to the first field that has
 * one; `edit` wraps a setter so changing a field takes its message away.
 *
 * @example
 * const form = useFormErrors({ title: '一句话说明', description: '详细情况' });
 * <TextInput value={title} onChange={form.edit('title', setTitle)} … />
 */
export function useFormErrors(fields: FormFields) {
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const fail = useCallback(
    (next: FormErrors) => {
      setErrors(next);
      const first = firstErrorField(next, fields);
      // The resident may be down by the button; bring the first problem into view.
      if (first) void Taro.pageScrollTo({ selector: `#${fieldId(first)}`, duration: 200 }).catch(() => undefined);
    },
    [fields],
  );
  const clearField = useCallback((name: string) => {
    setErrors((current) => {
      if (!current?.fields[name]) return current;
      const { [name]: _fixed, ...rest } = current.fields;
      return Object.keys(rest).length > 0 ? { ...current, fields: rest } : null;
    });
  }, []);
  const edit =
    <T,>(name: string, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      clearField(name);
    };
  return { errors, fail, clear: () => setErrors(null), clearField, edit, error: (name: string) => errors?.fields[name] };
}
