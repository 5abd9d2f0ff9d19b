import { listAudit } from '../../types/admin';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { defineFunction } from '../core/define-function';
import { auditPage } from './dashboard.storage';

export default defineFunction(listAudit, async (input, { services }) => {
  const before = input.cursor ? (([at, id]) => ({ at, id }))(decodeCursor(input.cursor, ['string', 'string'])) : undefined;
  const rows = await auditPage(services.db, { action: input.action, outcome: input.outcome, from: input.from, to: input.to, before, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      actorName: r.actor_name,
      action: r.action,
      targetKind: r.target_kind,
      targetId: r.target_id,
      scope: r.scope_id,
      outcome: r.outcome as 'ok' | 'denied' | 'failed',
      detail: r.detail ? JSON.parse(r.detail) : null,
      at: new Date(r.at),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.at, last.id]) : null,
  };
});
