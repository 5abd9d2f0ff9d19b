import type { AppError } from '../../types/errors';

export interface FormErrors {
  /** The first message for each field, keyed by the input's top-level name. */
  fields: Record<string, string>;
  /** Shown by the submit button, so an error scrolled out of sight is still noticed: names the fields to fix. */
  summary: string;
}

/**
 * A form's fields in the order they stand on the page, each with the label the summary
 * names it by. The first field with a message is the one scrolled to.
 */
export type FormFields = Readonly<Record<string, string>>;

/**
 * The host's refusal, and what the form itself knows is missing (`known`), as messages
 * under their fields, all at once. Validation errors carry their field paths (`photoIds.3`
 * belongs to the photos); a domain error names none and is placed by its kind
 * (`fieldOfKind`). A message for no field on the form is said in the summary in full, so
 * nothing the host said is lost.
 *
 * @example formErrors(error, { title: '一句话说明', description: '详细情况' }).summary // '有2处需要修改：一句话说明、详细情况'
 */
export function formErrors(
  error: AppError | null,
  fields: FormFields,
  options: { fieldOfKind?: Partial<Record<AppError['kind'], string>>; known?: Record<string, string | null | undefined> } = {},
): FormErrors {
  const all: Record<string, string> = {};
  for (const [name, message] of Object.entries(options.known ?? {})) if (message) all[name] = message;
  for (const f of error?.fields ?? []) {
    const name = f.path.split('.')[0] || '_';
    all[name] ??= f.message;
  }
  const byKind = error ? options.fieldOfKind?.[error.kind] : undefined;
  if (error && byKind && !all[byKind]) all[byKind] = error.message;
  const placed: Record<string, string> = {};
  for (const name of Object.keys(fields)) if (all[name]) placed[name] = all[name];
  const unplaced = Object.keys(all).filter((n) => !(n in fields)).map((n) => all[n]!);
  const named = Object.keys(placed).map((n) => fields[n]!);
  const parts = [...unplaced];
  if (named.length > 0) parts.push(`有${named.length}处需要修改：${named.join('、')}`);
  return { fields: placed, summary: parts.length > 0 ? parts.join('；') : (error?.message ?? '') };
}

/** The first field, in page order, that has a message: the one to scroll to. */
export function firstErrorField(errors: FormErrors, fields: FormFields): string | undefined {
  return Object.keys(fields).find((f) => errors.fields[f]);
}
