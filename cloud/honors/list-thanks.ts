import { listThanks } from '../../types/honors';
import { readerScope } from '../communities/regions';
import { decodeCursor, pageOf } from '../core/cursor';
import { defineFunction } from '../core/define-function';
import { toThanks } from './lib/honor-view';
import { thanksRows } from './honors.storage';

export default defineFunction(listThanks, async (input, { services }) => {
  const scopeIds = await readerScope(services.db, input.communityId);
  const before = input.cursor ? (([createdAt, id]) => ({ createdAt, id }))(decodeCursor(input.cursor, ['string', 'string'])) : undefined;
  const rows = await thanksRows(services.db, { statuses: ['approved'], scopeIds, before, limit: input.limit + 1 });
  return pageOf(rows, input.limit, (last) => [last.created_at, last.id], (r) => toThanks(services, r));
});
