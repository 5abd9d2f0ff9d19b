import { AppError } from '../../types';
import { reviewNomination } from '../../types/honors';
import { getRegion } from '../communities/communities.storage';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { mayManageHonorList, mayReviewFor } from './honors.permissions';
import { sanitizeArticleHtml } from '../articles/lib/sanitize';
import { enqueue } from '../notifications/outbox.storage';
import { toNomination } from './lib/honor-view';
import { reviewMessage } from './review-messages';
import { getHonorListRow, getNominationRow, settleNomination } from './honors.storage';

export default defineFunction(reviewNomination, async (input, { services, caller }) => {
  const nomination = await getNominationRow(services.db, input.id);
  if (!nomination || !mayReviewFor(caller.grants, nomination.community_id)) throw new AppError('NOT_FOUND');
  const now = services.clock.now();
  let entry = null;
  if (input.decision === 'accept') {
    const list = input.listId ? await getHonorListRow(services.db, input.listId) : undefined;
    const scope = list && (await getRegion(services.db, list.scope_id));
    if (!list || !scope || !mayManageHonorList(caller.grants, scope)) {
      throw new AppError('INVALID_INPUT', '请选择一个您管理的榜单', [{ path: 'listId', message: '请选择一个您管理的榜单' }]);
    }
    if (!(JSON.parse(list.categories) as string[]).includes(nomination.category)) throw new AppError('HONOR_CATEGORY_UNKNOWN');
    entry = {
      id: newId(),
      list_id: list.id,
      name: nomination.nominee_name,
      category: nomination.category,
      community_id: nomination.community_id,
      photo_file_id: null,
      // The nominator's reason is the first draft of the story; admins edit it later.
      story_html: sanitizeArticleHtml(`<p>${nomination.reason.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)}</p>`),
      sort: 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
  } else if (!input.reason) {
    throw new AppError('INVALID_INPUT', '请写明不入选的理由，推荐人会看到', [{ path: 'reason', message: '请写明理由' }]);
  }
  const settled = await settleNomination(services.db, {
    id: nomination.id,
    status: input.decision === 'accept' ? 'accepted' : 'declined',
    declineReason: input.decision === 'decline' ? input.reason! : null,
    entry,
    by: caller.id,
    now,
  });
  if (settled === 'notPending') throw new AppError('NOMINATION_NOT_PENDING');
  if (settled === 'categoryGone') throw new AppError('HONOR_CATEGORY_UNKNOWN');
  const outcome = input.decision === 'accept' ? '已入选光荣榜' : `未入选：${input.reason}`;
  await enqueue(
    services.db,
    reviewMessage('nomination.reviewed', { id: nomination.id, to: nomination.nominator_id, subject: `推荐${nomination.nominee_name}`, communityName: nomination.community_name, outcome, page: 'packages/honors/nominations/index' }, now),
    now,
  );
  return toNomination((await getNominationRow(services.db, nomination.id))!);
});
