import { AppError } from '../../types';
import { REPORTS_TO_HIDE, reportThanks } from '../../types/honors';
import { defineFunction } from '../core/define-function';
import { getThanksRow, reportAndMaybeHide } from './honors.storage';

export default defineFunction(reportThanks, async (input, { services, caller }) => {
  const post = await getThanksRow(services.db, input.id);
  if (!post || post.status !== 'approved') throw new AppError('NOT_FOUND');
  await reportAndMaybeHide(services.db, { postId: post.id, userId: caller.id, reason: input.reason, threshold: REPORTS_TO_HIDE, now: services.clock.now() });
  return { reported: true as const };
});
