import { adminListHonorLists } from '../../types/honors';
import { defineFunction } from '../core/define-function';
import { communitiesWhere } from '../core/scope';
import { toListSummary } from './lib/honor-view';
import { listHonorListRows } from './honors.storage';

export default defineFunction(adminListHonorLists, async (_input, { services, caller }) => {
  const mine = communitiesWhere(caller.grants, ['communityAdmin']);
  return (await listHonorListRows(services.db, { scopeIds: mine === 'all' ? undefined : mine, publishedOnly: false })).map(toListSummary);
});
