import { AppError } from '../../types';
import { saveHonorList } from '../../types/honors';
import { getRegion } from '../communities/communities.storage';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { mayManageHonorList } from './honors.permissions';
import { toListSummary } from './lib/honor-view';
import { getHonorListRow, saveHonorListRow } from './honors.storage';

export default defineFunction(saveHonorList, async (input, { services, caller }) => {
  const scope = await getRegion(services.db, input.scopeId);
  if (!scope || !mayManageHonorList(caller.grants, scope)) throw new AppError('OUT_OF_SCOPE');
  const existing = input.id ? await getHonorListRow(services.db, input.id) : undefined;
  if (input.id) {
    const oldScope = existing && (await getRegion(services.db, existing.scope_id));
    if (!existing || !oldScope || !mayManageHonorList(caller.grants, oldScope)) throw new AppError('NOT_FOUND');
  }
  const now = services.clock.now().toISOString();
  const id = input.id ?? newId();
  await saveHonorListRow(services.db, {
    id,
    year: input.year,
    scope_id: scope.id,
    title: input.title,
    categories: JSON.stringify([...new Set(input.categories)]),
    published: existing?.published ?? 0,
    created_at: existing?.created_at ?? now,
    updated_at: now,
  });
  return toListSummary((await getHonorListRow(services.db, id))!);
});
