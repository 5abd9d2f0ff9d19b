import dayjs from 'dayjs';
import { isDayPattern, propertiesOf, unwrapNullable, type JsonSchema } from './json-schema';
import { FIELD_LABELS, OPTION_LABELS } from './labels';

/** `other`: a shape no generic input fits (weekly hours, nested lists); the page renders it. */
export type FieldKind = 'text' | 'textarea' | 'select' | 'multiSelect' | 'tags' | 'digit' | 'switch' | 'dateTime' | 'date' | 'other';

/** A validation rule in the shape antd's Form takes; built from the schema's limits. */
export interface FieldRule {
  required?: boolean;
  message: string;
  min?: number;
  max?: number;
  type?: 'string' | 'number' | 'array';
  pattern?: RegExp;
  whitespace?: boolean;
}

/** One form field, read off one property of a function's input schema. */
export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  nullable: boolean;
  options?: Array<{ label: string; value: string }>;
  min?: number;
  max?: number;
  maxLength?: number;
  initialValue?: unknown;
  rules: FieldRule[];
}

export interface SchemaFieldOptions {
  /** Labels for this form, over the shared map. */
  labels?: Record<string, string>;
  /** Option labels by field name, over the shared map. */
  optionLabels?: Record<string, Record<string, string>>;
  /** Only these properties, in this order. */
  only?: readonly string[];
  /** Leave these out (the page renders its own field, or sets the value itself). */
  omit?: readonly string[];
  /** Strings shown as a multi-line box whatever their length. */
  textarea?: readonly string[];
  /** Required in this form though optional in the function (a scheduled time to schedule). */
  required?: readonly string[];
}

/** Strings this long are edited in a multi-line box (unless a pattern makes them a code or an address). */
const TEXTAREA_FROM = 200;

/**
 * The form fields for a function's input, from its JSON Schema in the catalog: strings,
 * enums, numbers, booleans, date-times, days and arrays of strings. A property of any other
 * shape (the weekly hours of a room, nested lists) is a field of kind `other`, which the
 * page renders itself (SchemaFields' `replace`) or leaves out.
 * `id` is never a field: it says which item a form edits.
 *
 * @example
 * const fields = schemaToFields(catalog.get('events.create').input, { omit: ['scopeId'] });
 */
export function schemaToFields(schema: JsonSchema, options: SchemaFieldOptions = {}): FieldSpec[] {
  const required = new Set([...(schema.required ?? []), ...(options.required ?? [])]);
  const omit = new Set(['id', ...(options.omit ?? [])]);
  const props = new Map(propertiesOf(schema));
  const names = options.only ? options.only.filter((n) => props.has(n)) : [...props.keys()];
  const specs: FieldSpec[] = [];
  for (const name of names) {
    if (omit.has(name)) continue;
    specs.push(fieldFor(name, props.get(name)!, required.has(name), options));
  }
  return specs;
}

function fieldFor(name: string, raw: JsonSchema, required: boolean, options: SchemaFieldOptions): FieldSpec {
  const { schema, nullable } = unwrapNullable(raw);
  const label = options.labels?.[name] ?? FIELD_LABELS[name] ?? name;
  const kind = kindOf(schema, name, options) ?? 'other';
  const optionLabels = { ...OPTION_LABELS[name], ...options.optionLabels?.[name] };
  const enumValues = schema.enum ?? schema.items?.enum;
  const spec: FieldSpec = {
    name,
    label,
    kind,
    required,
    nullable,
    rules: [],
    ...(enumValues && {
      options: enumValues.map((v) => ({ value: String(v), label: optionLabels[String(v)] ?? String(v) })),
    }),
    ...(schema.default !== undefined && schema.default !== null && { initialValue: schema.default }),
  };
  const choose = kind === 'select' || kind === 'multiSelect' || kind === 'switch' || kind === 'dateTime' || kind === 'date';
  if (required && kind !== 'switch' && kind !== 'other') {
    spec.rules.push({ required: true, message: `${choose ? '请选择' : '请填写'}${label}`, ...(kind === 'text' || kind === 'textarea' ? { whitespace: true } : {}) });
  }
  if (kind === 'text' || kind === 'textarea') {
    if (schema.minLength !== undefined && schema.minLength > 1) {
      spec.rules.push({ type: 'string', min: schema.minLength, message: `${label}至少${schema.minLength}个字` });
    }
    if (schema.maxLength !== undefined) {
      spec.maxLength = schema.maxLength;
      spec.rules.push({ type: 'string', max: schema.maxLength, message: `${label}最多${schema.maxLength}个字` });
    }
    if (schema.pattern) spec.rules.push({ pattern: new RegExp(schema.pattern), message: `${label}的格式不正确` });
  }
  if (kind === 'digit') {
    spec.min = schema.minimum ?? schema.exclusiveMinimum;
    spec.max = schema.maximum ?? schema.exclusiveMaximum;
    if (spec.min !== undefined) spec.rules.push({ type: 'number', min: spec.min, message: `${label}不能小于${spec.min}` });
    if (spec.max !== undefined) spec.rules.push({ type: 'number', max: spec.max, message: `${label}不能大于${spec.max}` });
  }
  if (kind === 'tags' || kind === 'multiSelect') {
    if (schema.minItems) spec.rules.push({ type: 'array', min: schema.minItems, message: `${label}至少${schema.minItems}项` });
    if (schema.maxItems !== undefined) spec.rules.push({ type: 'array', max: schema.maxItems, message: `${label}最多${schema.maxItems}项` });
  }
  return spec;
}

function kindOf(schema: JsonSchema, name: string, options: SchemaFieldOptions): FieldKind | null {
  switch (schema.type) {
    case 'string':
      if (schema.enum) return 'select';
      if (schema.format === 'date-time') return 'dateTime';
      if (isDayPattern(schema)) return 'date';
      if (options.textarea?.includes(name) || (!schema.pattern && (schema.maxLength ?? 0) >= TEXTAREA_FROM)) return 'textarea';
      return 'text';
    case 'integer':
    case 'number':
      return 'digit';
    case 'boolean':
      return 'switch';
    case 'array':
      if (schema.items?.type !== 'string') return null;
      return schema.items.enum ? 'multiSelect' : 'tags';
    default:
      return null;
  }
}

/** Something with a `toDate()`: the dayjs values antd's pickers hold. */
interface DateLike {
  toDate(): Date;
  format(template: string): string;
}
function isDateLike(value: unknown): value is DateLike {
  return typeof value === 'object' && value !== null && typeof (value as DateLike).toDate === 'function';
}

/**
 * A form's values as the function's input: pickers' dayjs values become Dates (date-times)
 * or YYYY-MM-DD (days), an emptied optional field is left out (or sent as null where the
 * schema allows null, so clearing a cover image clears it), a field never set is left out
 * (so an edit keeps what it did not touch), and numbers typed as text become numbers. Values of fields not in `fields` pass through untouched.
 */
export function formValuesToInput(fields: readonly FieldSpec[], values: Record<string, unknown>): Record<string, unknown> {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const field = byName.get(name);
    if (!field) {
      if (value !== undefined) input[name] = value;
      continue;
    }
    // Never set (undefined) leaves the item's value alone; emptied ('' or null) clears it where it may be null.
    if (value === undefined) continue;
    const empty = value === null || (typeof value === 'string' && value.trim() === '');
    if (empty) {
      if (field.nullable) input[name] = null;
      continue;
    }
    if (field.kind === 'dateTime') input[name] = isDateLike(value) ? value.toDate() : new Date(value as string);
    else if (field.kind === 'date') input[name] = isDateLike(value) ? value.format('YYYY-MM-DD') : value;
    else if (field.kind === 'digit') input[name] = typeof value === 'string' ? Number(value) : value;
    else input[name] = value;
  }
  return input;
}

/** The form's first values: each field's default from the schema, under what the page gives. */
export function initialValuesOf(fields: readonly FieldSpec[], given: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of fields) if (f.initialValue !== undefined) values[f.name] = f.initialValue;
  return { ...values, ...given };
}

/**
 * An item's values as the form holds them: Dates (and ISO strings) of date-time and day
 * fields become dayjs values for the pickers. Other values are kept as they are.
 */
export function toFormValues(fields: readonly FieldSpec[], item: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = { ...item };
  for (const f of fields) {
    const v = item[f.name];
    if ((f.kind === 'dateTime' || f.kind === 'date') && (v instanceof Date || typeof v === 'string')) values[f.name] = dayjs(v);
  }
  return values;
}

/** The keys a list function takes for paging: never a filter the admin fills in. */
export const PAGING_KEYS = ['page', 'pageSize', 'cursor', 'limit'] as const;

/** A search column for ProTable's filter form, read off a list function's input schema. */
export interface SearchColumn {
  title: string;
  dataIndex: string;
  valueType: 'text' | 'select' | 'digit' | 'dateTime' | 'date' | 'dateTimeRange';
  valueEnum?: Record<string, { text: string }>;
  hideInTable: true;
  /** For a from/to pair: the range the picker holds, as the function's two inputs. */
  search?: { transform: (value: unknown) => Record<string, unknown> };
}

/**
 * The filters of a list page, from the input schema of the function behind it: an enum
 * becomes a select, a string a text box, a `from`/`to` pair of date-times one range
 * picker. Paging keys are not filters.
 *
 * @example
 * columns={[...rowColumns, ...schemaToSearchColumns(catalog.get('events.adminList').input)]}
 */
export function schemaToSearchColumns(schema: JsonSchema, options: SchemaFieldOptions = {}): SearchColumn[] {
  const omit = [...PAGING_KEYS, ...(options.omit ?? [])];
  const fields = schemaToFields({ ...schema, required: [] }, { ...options, omit });
  const columns: SearchColumn[] = [];
  const names = new Set(fields.map((f) => f.name));
  const range = names.has('from') && names.has('to') && fields.every((f) => !['from', 'to'].includes(f.name) || f.kind === 'dateTime');
  for (const f of fields) {
    if (range && (f.name === 'from' || f.name === 'to')) {
      if (f.name === 'to') continue;
      columns.push({
        title: '时间范围',
        dataIndex: 'fromTo',
        valueType: 'dateTimeRange',
        hideInTable: true,
        search: {
          transform: (value) => {
            const [from, to] = Array.isArray(value) ? value : [];
            return { from: from ?? undefined, to: to ?? undefined };
          },
        },
      });
      continue;
    }
    const base = { title: f.label, dataIndex: f.name, hideInTable: true as const };
    if (f.options) {
      columns.push({ ...base, valueType: 'select', valueEnum: Object.fromEntries(f.options.map((o) => [o.value, { text: o.label }])) });
    } else if (f.kind === 'switch') {
      columns.push({ ...base, valueType: 'select', valueEnum: { true: { text: '是' }, false: { text: '否' } } });
    } else if (f.kind === 'digit') columns.push({ ...base, valueType: 'digit' });
    else if (f.kind === 'dateTime') columns.push({ ...base, valueType: 'dateTime' });
    else if (f.kind === 'date') columns.push({ ...base, valueType: 'date' });
    else if (f.kind === 'text' || f.kind === 'textarea') columns.push({ ...base, valueType: 'text' });
  }
  return columns;
}
