import { AppError } from '../../types';
import { listHonorLists } from '../../types/honors';
import { getDistrict, getRegion } from '../communities/communities.storage';
import { defineFunction } from '../core/define-function';
import { toListSummary } from './honor-view';
import { listHonorListRows } from './honors.storage';

export default defineFunction(listHonorLists, async (input, { services }) => {
  let scopeIds: string[] | undefined;
  if (input.communityId) {
    if (!(await getRegion(services.db, input.communityId))) throw new AppError('COMMUNITY_NOT_FOUND');
    const district = await getDistrict(services.db);
    scopeIds = [input.communityId, ...(district ? [district.id] : [])];
  }
  return (await listHonorListRows(services.db, { year: input.year, scopeIds, publishedOnly: true })).map(toListSummary);
});
