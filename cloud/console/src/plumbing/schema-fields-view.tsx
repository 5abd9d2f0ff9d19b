import {
  ProFormDatePicker,
  ProFormDateTimePicker,
  ProFormDigit,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Fragment, type ReactNode } from 'react';
import type { FieldSpec } from './schema-fields';

export interface SchemaFieldsProps {
  fields: readonly FieldSpec[];
  /** A field the page renders itself, in the schema's place (a scope picker, the editor). */
  replace?: Record<string, ReactNode>;
  /** A line of help under a field. */
  extra?: Record<string, ReactNode>;
  /** Props for a field's input (placeholder, width, ...). */
  fieldProps?: Record<string, Record<string, unknown>>;
  /** Fields shown but not changeable (e.g. the kind of a room once saved). */
  disabled?: readonly string[];
}

/** ProForm fields for specs read off a function's schema (see schemaToFields). */
export function SchemaFields({ fields, replace = {}, extra = {}, fieldProps = {}, disabled = [] }: SchemaFieldsProps) {
  return (
    <>
      {fields.map((f) => {
        if (f.name in replace) return <Fragment key={f.name}>{replace[f.name]}</Fragment>;
        const common = {
          name: f.name,
          label: f.label,
          rules: f.rules,
          extra: extra[f.name],
          disabled: disabled.includes(f.name),
        };
        const own = fieldProps[f.name] ?? {};
        switch (f.kind) {
          case 'text':
            if (own.type === 'password') return <ProFormText.Password key={f.name} {...common} fieldProps={{ maxLength: f.maxLength, autoComplete: 'new-password', ...own, type: undefined }} />;
            return <ProFormText key={f.name} {...common} fieldProps={{ maxLength: f.maxLength, ...own }} />;
          case 'textarea':
            return <ProFormTextArea key={f.name} {...common} fieldProps={{ maxLength: f.maxLength, showCount: true, autoSize: { minRows: 3, maxRows: 10 }, ...own }} />;
          case 'select':
            return <ProFormSelect key={f.name} {...common} options={f.options} fieldProps={own} />;
          case 'multiSelect':
            return <ProFormSelect key={f.name} {...common} options={f.options} mode="multiple" fieldProps={own} />;
          case 'tags':
            // Free words (协办单位, 需携带材料): typed and confirmed with Enter or a comma.
            return (
              <ProFormSelect
                key={f.name}
                {...common}
                mode="tags"
                fieldProps={{ tokenSeparators: [',', '，', '、'], open: false, suffixIcon: null, placeholder: '输入后按回车添加', ...own }}
              />
            );
          case 'digit':
            return <ProFormDigit key={f.name} {...common} min={f.min} max={f.max} fieldProps={{ precision: 0, ...own }} />;
          case 'switch':
            return <ProFormSwitch key={f.name} {...common} fieldProps={own} />;
          case 'dateTime':
            return <ProFormDateTimePicker key={f.name} {...common} fieldProps={{ format: 'YYYY-MM-DD HH:mm', showTime: { format: 'HH:mm' }, ...own }} />;
          case 'date':
            return <ProFormDatePicker key={f.name} {...common} fieldProps={own} />;
          case 'other':
            // No generic input for this shape: only a page's own field (in `replace`) shows it.
            return null;
        }
      })}
    </>
  );
}
