import { DrawerForm, ModalForm, ProForm } from '@ant-design/pro-components';
import { Alert, App, Button, Skeleton } from 'antd';
import { useMemo, useState, type ReactElement, type ReactNode } from 'react';
import type { FunctionInput, FunctionName, FunctionOutput } from '../../../../types';
import { call } from '../sdk/client';
import { useCatalog } from './catalog';
import { toFieldErrors } from './field-errors';
import { formValuesToInput, initialValuesOf, schemaToFields, toFormValues, type SchemaFieldOptions } from './schema-fields';
import { SchemaFields, type SchemaFieldsProps } from './schema-fields-view';

export interface CatalogFormProps<N extends FunctionName> {
  /** The function the form submits to; its input schema gives the fields. */
  fn: N;
  /**
   * Fields from another function's schema: an edit form (`events.update`, every field
   * optional) shows the create form's fields with their required marks.
   */
  fieldsFrom?: FunctionName;
  title: ReactNode;
  /** Opens the form when clicked; or control it with open/onOpenChange. */
  trigger?: ReactElement;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /**
   * For a form the page shows while it holds something to edit: open from the start,
   * onClose when dismissed, and after a success (before onDone).
   */
  onClose?: () => void;
  /** A drawer for long forms, a modal for short ones, inline for a page of its own. */
  as?: 'modal' | 'drawer' | 'inline';
  width?: number;
  /** Which properties become fields, and how they are labelled. */
  fields?: SchemaFieldOptions;
  view?: Omit<SchemaFieldsProps, 'fields'>;
  /** The item being edited (its Dates become picker values), or first values. */
  initialValues?: Record<string, unknown>;
  /** Input the admin does not fill in: the id of the item, the community. */
  fixed?: Record<string, unknown>;
  /** Last changes to the input (e.g. the weekly hours from their own field). */
  transform?: (input: Record<string, unknown>) => Record<string, unknown>;
  /** Fields the page adds below the schema's, by name (so errors find them). */
  children?: ReactNode;
  extraFieldNames?: readonly string[];
  submitText?: string;
  success?: string;
  onDone?: (out: FunctionOutput<N>) => void;
}

/**
 * A form for one catalog function: fields from its JSON Schema, checked in the browser by
 * the schema's limits, submitted with `call`, and the host's refusals put next to the
 * fields they are about (or above the form when they are about none).
 *
 * @example
 * <CatalogForm fn="events.cancel" title="取消活动" fixed={{ id }} fields={{ only: ['reason'] }}
 *   trigger={<a>取消</a>} success="活动已取消" onDone={reload} />
 */
export function CatalogForm<N extends FunctionName>(props: CatalogFormProps<N>) {
  const { fn, fieldsFrom, title, trigger, open = props.onClose ? true : undefined, onOpenChange, onClose, as = 'modal', width, fields: options, view, initialValues, fixed, transform, children, extraFieldNames = [], submitText = '提交', success, onDone } = props;
  const { catalog, error: catalogError, retry } = useCatalog();
  // An inline form stays on the page after success: it starts again empty.
  const [generation, setGeneration] = useState(0);
  const { message } = App.useApp();
  const [form] = ProForm.useForm();
  const [formError, setFormError] = useState<string | null>(null);

  const schema = catalog?.get(fieldsFrom ?? fn)?.input;
  // What the page fixes (the item's id, the list it belongs to) is not a field to fill in.
  const fixedKeys = Object.keys(fixed ?? {}).join(',');
  const specs = useMemo(
    () => (schema ? schemaToFields(schema, { ...options, omit: [...(options?.omit ?? []), ...fixedKeys.split(',')] }) : []),
    [schema, options, fixedKeys],
  );
  const names = useMemo(() => [...specs.map((s) => s.name), ...Object.keys(view?.replace ?? {}), ...extraFieldNames], [specs, view?.replace, extraFieldNames]);
  const initial = useMemo(() => toFormValues(specs, initialValuesOf(specs, initialValues)), [specs, initialValues]);

  const onFinish = async (values: Record<string, unknown>) => {
    setFormError(null);
    let input = { ...formValuesToInput(specs, values), ...fixed };
    if (transform) input = transform(input);
    try {
      const out = await call(fn, input as FunctionInput<N>);
      if (success) void message.success(success);
      onClose?.();
      onDone?.(out);
      if (as === 'inline') {
        form.resetFields();
        setGeneration((g) => g + 1);
      }
      return true;
    } catch (error) {
      const placed = toFieldErrors(error, names);
      form.setFields(placed.fields);
      setFormError(placed.message);
      return false;
    }
  };

  const body = catalogError ? (
    <Alert type="error" showIcon message={catalogError.message} action={<Button size="small" onClick={retry}>重试</Button>} />
  ) : !schema ? (
    <Skeleton active paragraph={{ rows: 6 }} />
  ) : (
    <>
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <SchemaFields fields={specs} {...view} />
      {children}
    </>
  );

  // Named forms prefix their field ids, so a label never points at the list's filter of the same name.
  const formName = `form-${fn.replace(/\./g, '-')}`;
  const shared = {
    name: formName,
    title,
    trigger,
    open,
    form,
    width: width ?? (as === 'drawer' ? 720 : 520),
    initialValues: initial,
    // Keep the pickers' dayjs values: formValuesToInput turns them into what the schema wants.
    dateFormatter: false as const,
    submitter: { searchConfig: { submitText, resetText: '关闭' } },
    onFinish,
    onOpenChange: (next: boolean) => {
      if (!next) setFormError(null);
      onOpenChange?.(next);
      if (!next) onClose?.();
    },
  };
  // The form is only mounted once the schema is known, so initialValues apply to real fields.
  const key = schema ? `ready-${generation}` : 'loading';
  if (as === 'inline') {
    return (
      <ProForm
        key={key}
        name={formName}
        form={form}
        initialValues={initial}
        dateFormatter={false}
        layout="vertical"
        style={{ maxWidth: width ?? 480 }}
        submitter={{ searchConfig: { submitText, resetText: '重置' } }}
        onFinish={onFinish}
      >
        {body}
      </ProForm>
    );
  }
  return as === 'drawer' ? (
    <DrawerForm key={key} {...shared} drawerProps={{ destroyOnClose: true, maskClosable: false }}>
      {body}
    </DrawerForm>
  ) : (
    <ModalForm key={key} {...shared} modalProps={{ destroyOnClose: true, maskClosable: false }}>
      {body}
    </ModalForm>
  );
}
