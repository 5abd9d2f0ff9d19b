import { listHonorLists } from '../../types/honors';
import { readerScope } from '../communities/regions';
import { defineFunction } from '../core/define-function';
import { toListSummary } from './lib/honor-view';
import { listHonorListRows } from './honors.storage';

export default defineFunction(listHonorLists, async (input, { services }) => {
  const scopeIds = await readerScope(services.db, input.communityId);
  return (await listHonorListRows(services.db, { year: input.year, scopeIds, publishedOnly: true })).map(toListSummary);
});
