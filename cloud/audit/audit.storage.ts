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

/**
 * What the audit log's ids name, for reading the log in words: an event's or article's
 * title, a room's name, a booking as its room and time, a person's name. Each id is looked
 * for in the tables its kind of action touches; ids found nowhere (deleted since) are left out.
 */
export async function auditTargetTitles(db: Db, ids: readonly string[], formatTime: (iso: string) => string): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return titles;
  const add = (rows: Array<{ id: string; title: string }>, prefix = '') => {
    for (const r of rows) if (!titles.has(r.id)) titles.set(r.id, `${prefix}${r.title}`);
  };
  add(await db.selectFrom('events').select(['id', 'title']).where('id', 'in', wanted).execute(), '活动“');
  add(await db.selectFrom('articles').select(['id', 'title']).where('id', 'in', wanted).execute(), '资讯“');
  add(await db.selectFrom('resources').select(['id', 'name as title']).where('id', 'in', wanted).execute());
  add(await db.selectFrom('honor_lists').select(['id', 'title']).where('id', 'in', wanted).execute(), '榜单“');
  add(await db.selectFrom('honor_entries').select(['id', 'name as title']).where('id', 'in', wanted).execute(), '光荣榜人物“');
  add(await db.selectFrom('nominations').select(['id', 'nominee_name as title']).where('id', 'in', wanted).execute(), '推荐“');
  add(await db.selectFrom('thanks_posts').select(['id', 'target_name as title']).where('id', 'in', wanted).execute(), '给“');
  add(await db.selectFrom('petitions').select(['id', 'title']).where('id', 'in', wanted).execute(), '诉求“');
  add(await db.selectFrom('users').select(['id', 'nickname as title']).where('id', 'in', wanted).execute(), '人员“');
  const bookings = await db
    .selectFrom('bookings as b')
    .innerJoin('resources as r', 'r.id', 'b.resource_id')
    .select(['b.id', 'r.name', 'b.slot_start'])
    .where('b.id', 'in', wanted)
    .execute();
  for (const b of bookings) if (!titles.has(b.id)) titles.set(b.id, `预约“${b.name} ${formatTime(b.slot_start)}`);
  // Close the quotes opened above.
  for (const [id, title] of titles) if (title.includes('“') && !title.endsWith('”')) titles.set(id, `${title}”`);
  return titles;
}

/** Region names by id, for the log's 范围. */
export async function regionNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('regions').select(['id', 'name', 'level']).execute();
  return new Map(rows.map((r) => [r.id, r.level === 'district' ? `${r.name}（全区）` : r.name]));
}
