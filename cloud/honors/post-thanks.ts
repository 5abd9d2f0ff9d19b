import { AppError } from '../../types';
import { postThanks } from '../../types/honors';
import { getRegion } from '../communities/communities.storage';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { attachFiles, releaseFiles } from '../files/files.storage';
import { grantsOf } from '../roles/roles.storage';
import { getUser } from '../users/users.storage';
import { toThanks } from './lib/honor-view';
import { getThanksRow, insertThanks } from './honors.storage';
import { mayBeThanked } from './honors.permissions';

export default defineFunction(postThanks, async (input, { services, caller }) => {
  const communityId = input.communityId ?? (await getUser(services.db, caller.id))?.home_community_id;
  const community = communityId ? await getRegion(services.db, communityId) : undefined;
  if (community?.level !== 'community') throw new AppError('COMMUNITY_NOT_FOUND', '请选择要感谢的社区');
  let targetName = input.targetName;
  if (input.targetKind === 'staff') {
    const staff = input.targetUserId ? await getUser(services.db, input.targetUserId) : undefined;
    const grants = staff ? await grantsOf(services.db, staff.id) : [];
    if (!staff || !mayBeThanked(grants, community.id)) throw new AppError('THANKS_TARGET_UNKNOWN');
    targetName = staff.nickname;
  } else if (!targetName) {
    throw new AppError('INVALID_INPUT', '请写明要感谢的单位或人', [{ path: 'targetName', message: '请写明要感谢的单位或人' }]);
  }
  const id = newId();
  if (input.photoId && !(await attachFiles(services.db, [input.photoId], caller.id, 'thanks', id))) throw new AppError('FILE_UNUSABLE');
  // The staff member's grant is checked again as the post is written.
  const kept = await insertThanks(services.db, {
    id,
    author_id: caller.id,
    target_kind: input.targetKind,
    target_user_id: input.targetKind === 'staff' ? input.targetUserId! : null,
    target_name: targetName!,
    community_id: community.id,
    text: input.text,
    photo_file_id: input.photoId ?? null,
    status: 'pending',
    reject_reason: null,
    reviewed_by: null,
    reviewed_at: null,
    created_at: services.clock.now().toISOString(),
  });
  if (!kept) {
    if (input.photoId) await releaseFiles(services.db, [input.photoId], 'thanks', id);
    throw new AppError('THANKS_TARGET_UNKNOWN');
  }
  return toThanks(services, (await getThanksRow(services.db, id))!);
});
