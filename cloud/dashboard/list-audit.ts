import { listAudit } from '../../types/admin';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { defineFunction } from '../core/define-function';
import { formatDateTime } from '../../types/time';
import { auditTargetTitles, regionNames } from '../audit/audit.storage';
import { auditPage } from './dashboard.storage';

export default defineFunction(listAudit, async (input, { services }) => {
  const before = input.cursor ? (([at, id]) => ({ at, id }))(decodeCursor(input.cursor, ['string', 'string'])) : undefined;
  const rows = await auditPage(services.db, { action: input.action, outcome: input.outcome, from: input.from, to: input.to, before, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const [titles, regions] = await Promise.all([
    auditTargetTitles(
      services.db,
      page.flatMap((r) => (r.target_id ? [r.target_id] : [])),
      (iso) => formatDateTime(new Date(iso)),
    ),
    regionNames(services.db),
  ]);
  return {
    items: page.map((r) => {
      const detail = r.detail ? (JSON.parse(r.detail) as { error?: unknown }) : null;
      return {
      id: r.id,
      actorName: r.actor_name,
      action: r.action,
      targetKind: r.target_kind,
      targetId: r.target_id,
      scope: r.scope_id,
      outcome: r.outcome as 'ok' | 'denied' | 'failed',
      detail,
      at: new Date(r.at),
      targetTitle: r.target_id ? titles.get(r.target_id) ?? null : null,
      scopeNames: (r.scope_id ?? '')
        .split(',')
        .filter(Boolean)
        .map((id) => (id === 'district' ? '全区' : regions.get(id) ?? id)),
      errorText: typeof detail?.error === 'string' ? detail.error : null,
      };
    }),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.at, last.id]) : null,
  };
});
