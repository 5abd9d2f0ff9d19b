import { AppError, ERRORS, errorNameOf, type FieldError } from '../../../../types/errors';

/** Shown when the request never got an answer from the host. */
export const NETWORK_MESSAGE = '网络连接不上，请检查网络后再试';

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/**
 * Turns whatever the SDK rejected with into the one error type of the contracts. The host's
 * messages are Chinese and shown as they are; the SDK's own (network failures, English
 * text) become a plain message instead, so an admin never reads "Request has been
 * terminated".
 *
 * @example
 * try { await call('events.publish', { id }) } catch (e) { message.error(toAppError(e).message) }
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
    rawMessage?: unknown;
    fields?: unknown;
  };
  const code = typeof e.code === 'number' ? e.code : undefined;
  const raw = typeof e.rawMessage === 'string' && e.rawMessage ? e.rawMessage : typeof e.message === 'string' ? e.message : '';
  const message = HAS_CHINESE.test(raw) ? raw : undefined;
  const fields = Array.isArray(e.fields) ? e.fields.filter(isFieldError) : [];

  const name = code === undefined ? undefined : errorNameOf(code);
  if (name) return new AppError(name, message, fields);
  if (message) return new AppError('INTERNAL', message, fields);
  // The SDK reports a request that got no reply as code -1 (or none at all).
  if (code === undefined || code === -1) return new AppError('INTERNAL', NETWORK_MESSAGE);
  return new AppError('INTERNAL', ERRORS.INTERNAL.message);
}

function isFieldError(value: unknown): value is FieldError {
  const f = value as FieldError | null;
  return typeof f === 'object' && f !== null && typeof f.path === 'string' && typeof f.message === 'string';
}
