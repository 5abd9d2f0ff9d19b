import type { AppError } from '../../types';
import type { SessionUser } from '../core/define-function';
import { isDistrictAdmin } from '../core/scope';
import type { Services } from '../core/services';
import { writeAudit } from './audit.storage';

/** Whether this caller's writes are audited: anyone holding an admin role. */
export function isAdmin(caller: SessionUser | null): caller is SessionUser {
  return !!caller && caller.grants.some((g) => g.role === 'communityAdmin' || g.role === 'districtAdmin');
}

// Field names whose values never go into the log: the log records what was done, not secrets.
const SECRET_FIELDS = /password|idNumber|phone|code|token/i;

/** What the audit keeps of an input: ids and short values, secrets and long text cut out. */
export function summarizeInput(input: unknown): unknown {
  if (Array.isArray(input)) return input.slice(0, 20).map(summarizeInput);
  if (input instanceof Date) return input.toISOString();
  if (input && typeof input === 'object') {
    return Object.fromEntries(
      Object.entries(input as Record<string, unknown>).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? '***' : summarizeInput(v)]),
    );
  }
  if (typeof input === 'string' && input.length > 120) return `${input.slice(0, 120)}…（共${input.length}字）`;
  return input;
}

const DENIED = new Set(['ROLE_REQUIRED', 'OUT_OF_SCOPE', 'NOT_FOUND', 'ROLE_NOT_GRANTABLE']);

/**
 * Every write an admin makes goes to the audit log with who, when, what, where and how it
 * ended (ok, denied, failed), whether or not it succeeded.
 */
export async function auditAdminWrite(
  services: Services,
  call: { caller: SessionUser; functionName: string; input: unknown; error: AppError | null },
): Promise<void> {
  const { caller, error } = call;
  const scopes = isDistrictAdmin(caller.grants) ? ['district'] : caller.grants.filter((g) => g.role === 'communityAdmin').map((g) => g.scopeId);
  await writeAudit(services.db, {
    actor_id: caller.id,
    action: call.functionName,
    target_kind: call.functionName.split('.')[0]!,
    target_id: targetIdOf(call.input),
    scope_id: scopes.join(',') || null,
    outcome: !error ? 'ok' : DENIED.has(error.kind) ? 'denied' : 'failed',
    detail: { input: summarizeInput(call.input), ...(error && { code: error.code, error: error.message }) },
    at: services.clock.now(),
  });
}

function targetIdOf(input: unknown): string | null {
  if (!input || typeof input !== 'object') return null;
  const record = input as Record<string, unknown>;
  for (const key of ['id', 'eventId', 'resourceId', 'registrationId', 'listId', 'userId', 'volunteerId']) {
    if (typeof record[key] === 'string') return record[key] as string;
  }
  return null;
}
