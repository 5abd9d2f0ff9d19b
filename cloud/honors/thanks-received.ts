import { thanksReceived } from '../../types/honors';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { defineFunction } from '../core/define-function';
import { toThanks } from './lib/honor-view';
import { thanksRows } from './honors.storage';

/** 我收到的感谢, newest first, a page at a time on the (target, status, created_at, id) index. */
export default defineFunction(thanksReceived, async (input, { services, caller }) => {
  const before = input.cursor ? (([createdAt, id]) => ({ createdAt, id }))(decodeCursor(input.cursor, ['string', 'string'])) : undefined;
  const rows = await thanksRows(services.db, { statuses: ['approved'], targetUserId: caller.id, before, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toThanks(services, r)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.created_at, last.id]) : null,
  };
});
