import { listAudit, REPORT_TITLES, type ReportName } from '../../types/admin';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { defineFunction } from '../core/define-function';
import { formatDateTime, shanghaiDay } from '../../types/time';
import { auditTargetTitles, regionNames } from '../audit/audit.storage';
import { auditPage } from './dashboard.storage';

/**
 * An export has no stored object: it is named by what went out — the report, its days and
 * its rows (诉求办理明细 2026-08-01 至 2026-11-30，100行).
 */
function exportTitle(report: string, detail: { from?: unknown; to?: unknown; rows?: unknown } | null): string | null {
  const title = REPORT_TITLES[report as ReportName];
  if (!title) return null;
  if (typeof detail?.from !== 'string' || typeof detail.to !== 'string') return title;
  // The range ends at the start of the day after its last day.
  const days = `${shanghaiDay(new Date(detail.from))} 至 ${shanghaiDay(new Date(Date.parse(detail.to) - 1))}`;
  return `${title} ${days}${typeof detail.rows === 'number' ? `，${detail.rows}行` : ''}`;
}

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
      const detail = r.detail ? (JSON.parse(r.detail) as { error?: unknown; from?: unknown; to?: unknown; rows?: unknown }) : null;
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
      targetTitle: r.target_kind === 'report' && r.target_id ? exportTitle(r.target_id, detail) : r.target_id ? titles.get(r.target_id) ?? null : null,
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
