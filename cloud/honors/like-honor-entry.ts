import { AppError } from '../../types';
import { likeHonorEntry } from '../../types/honors';
import { defineFunction } from '../core/define-function';
import { getHonorEntryRow, hasLiked, insertLike } from './honors.storage';
import { isPublicEntry } from './honors.permissions';

export default defineFunction(likeHonorEntry, async (input, { services, caller }) => {
  const row = await getHonorEntryRow(services.db, input.id);
  if (!row || !isPublicEntry(row)) throw new AppError('NOT_FOUND');
  // The insert re-checks that the list is still published: an unpublish meanwhile wins.
  if (!(await insertLike(services.db, row.id, caller.id, services.clock.now())) && !(await hasLiked(services.db, row.id, caller.id))) throw new AppError('NOT_FOUND');
  return { likes: (await getHonorEntryRow(services.db, row.id))!.likes, likedByMe: true as const };
});
