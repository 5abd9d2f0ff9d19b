import { AppError } from '../../types';
import { THANKS_FLOW, reviewThanks, type ThanksStatus } from '../../types/honors';
import { defineFunction } from '../core/define-function';
import { mayReviewFor } from './honors.permissions';
import { enqueue } from '../notifications/outbox.storage';
import { toThanks } from './lib/honor-view';
import { reviewMessage } from './review-messages';
import { decideThanks, getThanksRow } from './honors.storage';

export default defineFunction(reviewThanks, async (input, { services, caller }) => {
  const post = await getThanksRow(services.db, input.id);
  if (!post || !mayReviewFor(caller.grants, post.community_id)) throw new AppError('NOT_FOUND');
  const from = post.status as ThanksStatus;
  const to = (THANKS_FLOW[from].decisions as Partial<Record<'approve' | 'reject', ThanksStatus>>)[input.decision];
  if (!to) throw new AppError('THANKS_NOT_ALLOWED_NOW');
  const decided = await decideThanks(services.db, {
    id: post.id,
    from,
    to,
    reason: input.decision === 'reject' ? (input.reason ?? null) : null,
    by: caller.id,
    now: services.clock.now(),
    clearReports: (from === 'hidden' || from === 'approved') && to === 'approved',
  });
  if (!decided) throw new AppError('THANKS_NOT_ALLOWED_NOW');
  // Only the first decision on a new post is news to its author; a later moderation is not.
  if (from === 'pending') {
    const now = services.clock.now();
    const outcome = to === 'approved' ? '感谢已公开展示' : `未通过审核${input.reason ? `：${input.reason}` : ''}`;
    await enqueue(
      services.db,
      reviewMessage('thanks.reviewed', { id: post.id, to: post.author_id, subject: `感谢${post.target_name}`, communityName: post.community_name, outcome, page: 'packages/honors/thanks/index' }, now),
      now,
    );
  }
  return toThanks(services, (await getThanksRow(services.db, post.id))!);
});
