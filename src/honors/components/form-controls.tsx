import { Input, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import '../honors.scss';

/** The element id of a field, so a form can scroll to the first one the host refused. */
export const fieldId = (name: string) => `lt-hn-field-${name}`;

/**
 * One field: its label (with 选填 where it may be left out), a hint, the control, and the
 * host's message right underneath, where the resident is looking.
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
    <View id={fieldId(name)} className={`lt-hn-field${error ? ' lt-hn-field--error' : ''}`}>
      <Text className="lt-hn-field__label">
        {label}
        {optional ? <Text className="lt-hn-field__optional">（选填）</Text> : null}
      </Text>
      {hint ? <View className="lt-hn-field__hint">{hint}</View> : null}
      {children}
      {error ? (
        <View className="lt-hn-field__error" role="alert">
          {error}
        </View>
      ) : null}
    </View>
  );
}

/** A one-line text box in the app's bordered field. */
export function TextInput({
  value,
  onChange,
  placeholder,
  maxLength,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  /** Read by screen readers and by the browser tests to find the box. */
  label: string;
}) {
  return (
    <View className="lt-field">
      <Input value={value} maxLength={maxLength} placeholder={placeholder} aria-label={label} onChange={onChange} />
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
    <View className="lt-field lt-hn-textarea">
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
 * Options as big buttons, two a row (one with `wide`): a pop-up list is what 长辈模式
 * avoids, and a wheel is hard to stop at the right line.
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
    <View className={`lt-hn-choices${wide ? ' lt-hn-choices--wide' : ''}`}>
      {options.map((o) => {
        const on = o.value === value;
        return (
          <View
            key={o.value}
            className={`lt-hn-choice${on ? ' lt-hn-choice--on' : ''}`}
            role="button"
            aria-pressed={on}
            onClick={() => onChange(o.value)}
          >
            <Text>{on ? `✓ ${o.text}` : o.text}</Text>
            {o.sub ? <Text className="lt-hn-choice__sub">{o.sub}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
