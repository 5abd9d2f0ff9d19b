import { AppError } from '../../types';
import { publishHonorList } from '../../types/honors';
import { getRegion } from '../communities/communities.storage';
import { defineFunction } from '../core/define-function';
import { administers } from '../core/scope';
import { toListSummary } from './lib/honor-view';
import { getHonorListRow, saveHonorListRow } from './honors.storage';

export default defineFunction(publishHonorList, async (input, { services, caller }) => {
  const list = await getHonorListRow(services.db, input.id);
  const scope = list && (await getRegion(services.db, list.scope_id));
  if (!list || !scope || !administers(caller.grants, scope)) throw new AppError('NOT_FOUND');
  const { scope_name: _n, entry_count: _c, ...row } = list;
  await saveHonorListRow(services.db, { ...row, published: input.published ? 1 : 0, updated_at: services.clock.now().toISOString() });
  return toListSummary((await getHonorListRow(services.db, list.id))!);
});
