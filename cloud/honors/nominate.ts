import { AppError } from '../../types';
import { nominate } from '../../types/honors';
import { inShanghai } from '../../types/time';
import { getRegion } from '../communities/communities.storage';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { getUser } from '../users/users.storage';
import { toNomination } from './lib/honor-view';
import { getNominationRow, insertNomination } from './honors.storage';

export default defineFunction(nominate, async (input, { services, caller }) => {
  const communityId = input.communityId ?? (await getUser(services.db, caller.id))?.home_community_id;
  const community = communityId ? await getRegion(services.db, communityId) : undefined;
  if (community?.level !== 'community') throw new AppError('COMMUNITY_NOT_FOUND', '请选择被推荐人所在的社区');
  const now = services.clock.now();
  const id = newId();
  await insertNomination(services.db, {
    id,
    nominator_id: caller.id,
    // Nominations are for next year's list.
    year: inShanghai(now).year() + 1,
    community_id: community.id,
    nominee_name: input.nomineeName,
    category: input.category,
    reason: input.reason,
    status: 'pending',
    decline_reason: null,
    entry_id: null,
    reviewed_by: null,
    reviewed_at: null,
    created_at: now.toISOString(),
  });
  return toNomination((await getNominationRow(services.db, id))!);
});
