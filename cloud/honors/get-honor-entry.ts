import { AppError } from '../../types';
import { getHonorEntry } from '../../types/honors';
import { defineFunction } from '../core/define-function';
import { recordVisitFromShare } from '../shares/record-visit';
import { toEntry } from './lib/honor-view';
import { getHonorEntryRow, hasLiked } from './honors.storage';
import { isPublicEntry } from './honors.permissions';

export default defineFunction(getHonorEntry, async (input, { services, caller, ip }) => {
  const row = await getHonorEntryRow(services.db, input.id);
  if (!row || !isPublicEntry(row)) throw new AppError('NOT_FOUND');
  if (input.sharer) await recordVisitFromShare(services, { targetKind: 'honor', targetId: row.id, sharerId: input.sharer, visitorId: caller?.id ?? null, ip, device: input.device });
  return toEntry(services, row, caller ? await hasLiked(services.db, row.id, caller.id) : false);
});
