import { listThanks } from '../../types/honors';
import { readerScope } from '../communities/regions';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { defineFunction } from '../core/define-function';
import { toThanks } from './lib/honor-view';
import { thanksRows } from './honors.storage';

export default defineFunction(listThanks, async (input, { services }) => {
  const scopeIds = await readerScope(services.db, input.communityId);
  const before = input.cursor ? (([createdAt, id]) => ({ createdAt, id }))(decodeCursor(input.cursor, ['string', 'string'])) : undefined;
  const rows = await thanksRows(services.db, { statuses: ['approved'], scopeIds, before, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toThanks(services, r)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.created_at, last.id]) : null,
  };
});
