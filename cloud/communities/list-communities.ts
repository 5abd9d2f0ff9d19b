import { listCommunities } from '../../types/communities';
import { defineFunction } from '../core/define-function';
import { loadRegions } from './regions';

export default defineFunction(listCommunities, async (input, { services }) => {
  const regions = await loadRegions(services.db);
  return regions.filter(
    (r) => (!input.level || r.level === input.level) && (input.parentId === undefined || r.parentId === input.parentId),
  );
});
