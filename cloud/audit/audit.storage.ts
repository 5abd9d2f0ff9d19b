import { newId } from '../core/crypto';
import type { Db } from '../storage/dialect';
import type { AuditLogTable } from '../storage/schema';

export type AuditEntry = Omit<AuditLogTable, 'id' | 'at' | 'detail'> & { detail?: unknown; at: Date };

export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      actor_id: entry.actor_id,
      action: entry.action,
      target_kind: entry.target_kind,
      target_id: entry.target_id,
      scope_id: entry.scope_id,
      outcome: entry.outcome,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
      at: entry.at.toISOString(),
    })
    .execute();
}

export async function auditEntries(db: Db, q: { targetKind?: string; targetId?: string; limit: number }): Promise<AuditLogTable[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').limit(q.limit);
  if (q.targetKind) query = query.where('target_kind', '=', q.targetKind);
  if (q.targetId) query = query.where('target_id', '=', q.targetId);
  return query.execute();
}
