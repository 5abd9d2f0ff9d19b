import { AppError } from '../../types';
import { getHonorList } from '../../types/honors';
import { getRegion } from '../communities/communities.storage';
import { defineFunction } from '../core/define-function';
import { mayReadHonorList } from './honors.permissions';
import { toEntrySummary, toListSummary } from './lib/honor-view';
import { entriesOfList, getHonorListRow } from './honors.storage';

export default defineFunction(getHonorList, async (input, { services, caller }) => {
  const row = await getHonorListRow(services.db, input.id);
  const region = row && (await getRegion(services.db, row.scope_id));
  // A list still being prepared is seen only by its admins.
  if (!row || !region || !mayReadHonorList(row, caller, region)) throw new AppError('NOT_FOUND');
  const list = toListSummary(row);
  const entries = (await entriesOfList(services.db, row.id)).map((e) => toEntrySummary(services, e));
  const byCategory = list.categories
    .map((category) => ({ category, entries: entries.filter((e) => e.category === category) }))
    .filter((group) => group.entries.length > 0);
  return { list, byCategory };
});
