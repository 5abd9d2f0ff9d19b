import { Input, Switch, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import '../petitions.scss';

/** The element id of a field, so the form can scroll to the first one the host refused. */
export const fieldId = (name: string) => `lt-pt-field-${name}`;

/**
 * One field: its label (with 选填 where it may be left out), a hint, the control, and the
 * host's message for it right underneath, where the resident is looking.
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
    <View id={fieldId(name)} className={`lt-pt-field${error ? ' lt-pt-field--error' : ''}`}>
      <Text className="lt-pt-field__label">
        {label}
        {optional ? <Text className="lt-pt-field__optional">（选填）</Text> : null}
      </Text>
      {hint ? <View className="lt-pt-field__hint">{hint}</View> : null}
      {children}
      {error ? (
        <View className="lt-pt-field__error" role="alert">
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
  type = 'text',
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  /** Read by screen readers and by the browser tests to find the box. */
  label: string;
}) {
  return (
    <View className="lt-field">
      <Input value={value} type={type} maxLength={maxLength} placeholder={placeholder} aria-label={label} onChange={onChange} />
    </View>
  );
}

/** A few lines of text, with a count when there is a limit worth seeing. */
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
    <View className="lt-field lt-pt-textarea">
      <TextArea value={value} maxLength={maxLength} placeholder={placeholder} aria-label={label} showCount onChange={onChange} />
    </View>
  );
}

/**
 * Options as big buttons, two a row (or one a row with `wide`). A picker wheel is hard
 * to stop at the right line, and a pop-up list is what 长辈模式 avoids.
 */
export function ChoiceGrid<T extends string>({
  options,
  value,
  onChange,
  wide,
}: {
  options: readonly { value: T; text: string }[];
  value: T | null;
  onChange: (value: T) => void;
  wide?: boolean;
}) {
  return (
    <View className={`lt-pt-choices${wide ? ' lt-pt-choices--wide' : ''}`}>
      {options.map((o) => {
        const on = o.value === value;
        return (
          <View
            key={o.value}
            className={`lt-pt-choice${on ? ' lt-pt-choice--on' : ''}`}
            role="button"
            aria-pressed={on}
            onClick={() => onChange(o.value)}
          >
            {on ? `✓ ${o.text}` : o.text}
          </View>
        );
      })}
    </View>
  );
}

/** An on/off setting whose whole row is the target, with 开/关 in words beside the switch. */
export function ToggleRow({ title, text, checked, onChange }: { title: string; text: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <View className="lt-card lt-pt-toggle" role="switch" aria-checked={checked} aria-label={title} onClick={() => onChange(!checked)}>
      <View className="lt-pt-toggle__text">
        <Text className="lt-card__title">{title}</Text>
        <Text className="lt-body lt-muted">{text}</Text>
      </View>
      <View className="lt-pt-toggle__switch">
        <Switch checked={checked} />
        <Text className="lt-pt-toggle__state">{checked ? '开' : '关'}</Text>
      </View>
    </View>
  );
}
