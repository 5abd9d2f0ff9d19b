import { sql, type RawBuilder } from 'kysely';

/**
 * Messages queued by the same PostgreSQL statement that writes the change they tell of (a
 * writable CTE: one round trip, not one more after it), with the rows `enqueue` writes: a new
 * id, `pending`, no attempts, a dedupe key already queued kept and not doubled. For a change
 * that queues a few messages (up to `QUEUED_IN_STATEMENT`); more go through `enqueue`.
 *
 * @example
 * compiledQuery((db, p) => sql`with b as (insert …), queued as (${queuedMessages(2, p)}) select …`)
 * await q.all(tx, { ...values, ...messageValues(messages, now) }); // outbox.storage.ts
 */
export const QUEUED_IN_STATEMENT = 4;

const COLUMNS = ['id', 'dedupe_key', 'user_id', 'template', 'page', 'data', 'not_before'] as const;

/**
 * The body of a CTE `queued as (…)` inserting `count` messages, its values named
 * `msg_<column><i>` and `msg_at`; only `when` the change they tell of was written, if given.
 */
export function queuedMessages(count: number, p: Record<string, unknown>, when?: RawBuilder<unknown>): RawBuilder<unknown> {
  const rows = Array.from({ length: count }, (_, i) => sql`(${sql.join(COLUMNS.map((c) => sql`${p[`msg_${c}${i}`]}::text`))})`);
  return sql`insert into outbox (id, dedupe_key, user_id, template, page, data, not_before, status, attempts, created_at)
  select m.*, 'pending', 0, ${p.msg_at}::text from (values ${sql.join(rows)}) as m
  ${when ? sql`where ${when}` : sql``}
  on conflict (dedupe_key) do nothing`;
}

/**
 * The body of a CTE `queued as (…)` inserting any number of messages, each telling of one row
 * the same statement writes: bound as ONE JSON parameter `msg_rows` (`messageRows` in
 * outbox.storage.ts: the told row's id as `told`, the columns above and `created_at`) and
 * kept only where `told` joins them to the rows actually written, as `m.told`. JSON, not one
 * array a column: node-postgres escapes an array element by element in JavaScript,
 * JSON.stringify is native.
 *
 * @example
 * sql`with registration as (insert … returning id, status),
 *   queued as (${queuedMessageList(p, sql`join registration g on g.id = m.told and g.status = 'confirmed'`)})
 *   select …`
 */
export function queuedMessageList(p: Record<string, unknown>, told: RawBuilder<unknown>): RawBuilder<unknown> {
  const columns = sql.join(['told', ...COLUMNS, 'created_at'].map((c) => sql`${sql.ref(c)} text`));
  return sql`insert into outbox (id, dedupe_key, user_id, template, page, data, not_before, status, attempts, created_at)
  select m.id, m.dedupe_key, m.user_id, m.template, m.page, m.data, m.not_before, 'pending', 0, m.created_at
  from jsonb_to_recordset(${p.msg_rows}::jsonb) as m(${columns})
  ${told}
  on conflict (dedupe_key) do nothing`;
}
