import { AppError } from '../../types';

/**
 * Keyset paging cursors: the sort values of the last row of a page, opaque to clients.
 *
 * @example encodeCursor([row.publish_at, row.id]) → 'WyIyMDI2…'
 * @example const [at, id] = decodeCursor(input.cursor, ['string', 'string'])
 */
export function encodeCursor(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The values back, checked against their expected types; a tampered cursor is a coded 142. */
export function decodeCursor<const T extends ReadonlyArray<'string' | 'number'>>(
  cursor: string,
  types: T,
): { [K in keyof T]: T[K] extends 'number' ? number : string } {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (Array.isArray(values) && values.length === types.length && values.every((v, i) => typeof v === types[i])) {
      return values as { [K in keyof T]: T[K] extends 'number' ? number : string };
    }
  } catch {
    // the coded error below
  }
  throw new AppError('INVALID_INPUT', '翻页参数无效，请下拉刷新后重试', [{ path: 'cursor', message: '翻页参数无效' }]);
}

/**
 * One page of a keyset list fetched with one row more than asked for: that extra row only
 * tells that another page follows, and the cursor is the sort values of the page's last row.
 *
 * @example
 * const rows = await listEventRows(db, { …, limit: input.limit + 1 });
 * return pageOf(rows, input.limit, (r) => [r.starts_at, r.id], (r) => toEventSummary(r, now));
 */
export function pageOf<Row, Item>(rows: Row[], limit: number, sortValues: (last: Row) => Array<string | number>, toItem: (row: Row) => Item): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toItem), nextCursor: rows.length > limit && last ? encodeCursor(sortValues(last)) : null };
}
