import { AppError } from '../../types';
import { listAudit } from '../../types/admin';
import { defineFunction } from '../core/define-function';
import { auditPage } from './dashboard.storage';

export default defineFunction(listAudit, async (input, { services }) => {
  let before: { at: string; id: string } | undefined;
  if (input.cursor) {
    try {
      const [at, id] = JSON.parse(Buffer.from(input.cursor, 'base64url').toString('utf8')) as [string, string];
      if (typeof at !== 'string' || typeof id !== 'string') throw new Error('shape');
      before = { at, id };
    } catch {
      throw new AppError('INVALID_INPUT', '翻页参数无效，请刷新后重试', [{ path: 'cursor', message: '翻页参数无效' }]);
    }
  }
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
    nextCursor: rows.length > input.limit && last ? Buffer.from(JSON.stringify([last.at, last.id])).toString('base64url') : null,
  };
});
