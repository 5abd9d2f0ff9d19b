import { adminListHonorLists } from '../../types/honors';
import { defineFunction } from '../core/define-function';
import { managedListScopes } from './honors.permissions';
import { toListSummary } from './lib/honor-view';
import { listHonorListRows } from './honors.storage';

export default defineFunction(adminListHonorLists, async (_input, { services, caller }) => {
  const mine = managedListScopes(caller.grants);
  return (await listHonorListRows(services.db, { scopeIds: mine === 'all' ? undefined : mine, publishedOnly: false })).map(toListSummary);
});
