import { AppError } from '../../types';
import { publishHonorList } from '../../types/honors';
import { getRegion } from '../communities/communities.storage';
import { defineFunction } from '../core/define-function';
import { mayManageHonorList } from './honors.permissions';
import { toListSummary } from './lib/honor-view';
import { getHonorListRow, setListPublished } from './honors.storage';

export default defineFunction(publishHonorList, async (input, { services, caller }) => {
  const list = await getHonorListRow(services.db, input.id);
  const scope = list && (await getRegion(services.db, list.scope_id));
  if (!list || !scope || !mayManageHonorList(caller.grants, scope)) throw new AppError('NOT_FOUND');
  await setListPublished(services.db, list.id, input.published, services.clock.now());
  return toListSummary((await getHonorListRow(services.db, list.id))!);
});
