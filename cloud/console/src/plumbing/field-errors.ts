import type { ErrorName } from '../../../../types/errors';
import { toAppError } from '../sdk/errors';

/** What antd's `form.setFields` takes for one field. */
export interface FormFieldError {
  name: Array<string | number>;
  errors: string[];
}

/**
 * Errors the host answers without `fields` that are still about one field: their message
 * belongs next to it, not in a banner.
 */
const CODE_FIELDS: Partial<Record<ErrorName, readonly string[]>> = {
  EVENT_TIME_INVALID: ['endsAt'],
  EVENT_CAPACITY_TOO_SMALL: ['capacity'],
  BOOKING_RESOURCE_INVALID: ['hours'],
  BOOKING_PARTY_TOO_LARGE: ['partySize'],
  PETITION_NOT_AN_AGENT: ['agentId', 'set'],
  COMMUNITY_NOT_FOUND: ['scopeId', 'communityId'],
  USER_NOT_FOUND: ['userId'],
  HONOR_CATEGORY_UNKNOWN: ['category'],
  ROLE_NOT_GRANTABLE: ['role'],
  LOGIN_FAILED: ['password'],
  FILE_TYPE_NOT_ALLOWED: ['photoId'],
  FILE_TOO_LARGE: ['photoId'],
  FILE_UNUSABLE: ['photoId'],
};

/**
 * Where a host error goes in a form: each `fields` entry onto the form field its path
 * starts with (`partners.0` onto `partners`, `hours.1.0.start` onto `hours`), a coded
 * error about one field onto that field, and whatever has no field in this form into
 * `message`, for a banner above it. `message` is null when every problem sits by a field.
 *
 * @example
 * const { fields, message } = toFieldErrors(error, ['title', 'startsAt', 'endsAt']);
 * form.setFields(fields);
 */
export function toFieldErrors(error: unknown, fieldNames: readonly string[]): { fields: FormFieldError[]; message: string | null } {
  const appError = toAppError(error);
  const known = new Set(fieldNames);
  const placed = new Map<string, FormFieldError>();
  const unplaced: string[] = [];

  const place = (path: Array<string | number>, text: string) => {
    const key = path.join('.');
    const entry = placed.get(key) ?? { name: path, errors: [] };
    if (!entry.errors.includes(text)) entry.errors.push(text);
    placed.set(key, entry);
  };

  for (const f of appError.fields) {
    const segments = f.path.split('.').filter(Boolean);
    // The longest start of the path that is a field of this form.
    let at = -1;
    for (let i = segments.length; i > 0 && at < 0; i--) if (known.has(segments.slice(0, i).join('.'))) at = i;
    if (at < 0) unplaced.push(f.message);
    else place(segments.slice(0, at).map((s) => (/^\d+$/.test(s) ? Number(s) : s)), f.message);
  }
  if (appError.fields.length === 0) {
    const target = CODE_FIELDS[appError.kind]?.find((n) => known.has(n));
    if (target) place([target], appError.message);
  }

  const fields = [...placed.values()];
  if (unplaced.length) return { fields, message: appError.fields.length > unplaced.length ? unplaced.join('；') : appError.message };
  return { fields, message: fields.length ? null : appError.message };
}

/** The message a banner shows for an error, whatever its shape. */
export function errorMessage(error: unknown): string {
  return toAppError(error).message;
}
