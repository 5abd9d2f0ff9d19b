import { AppError } from '../../types';
import { REPORTS_TO_HIDE, reportThanks } from '../../types/honors';
import { defineFunction } from '../core/define-function';
import { DAY } from '../core/clock';
import { getThanksRow, hasHistory, reportAndMaybeHide } from './honors.storage';
import { mayReportThanks } from './honors.permissions';

/**
 * The rule for reports (issue 12): a report always reaches staff — the post shows in the
 * console's 举报待复核 queue — but only reports from accounts with a history count toward
 * hiding it before review: an account at least REPORTER_MIN_AGE_DAYS old that has bound a
 * phone or taken part (an event sign-up, a booking, a petition, an approved thank-you).
 * REPORTS_TO_HIDE such reports hide the post until staff decide. So three accounts made
 * this morning cannot take down a resident's thanks, and a real complaint is still seen.
 */
export const REPORTER_MIN_AGE_DAYS = 7;

export default defineFunction(reportThanks, async (input, { services, caller }) => {
  const post = await getThanksRow(services.db, input.id);
  if (!post || !mayReportThanks(post)) throw new AppError('NOT_FOUND');
  const now = services.clock.now();
  const trusted = await hasHistory(services.db, caller.id, new Date(now.getTime() - REPORTER_MIN_AGE_DAYS * DAY));
  // Re-checked in the write: a post rejected or hidden meanwhile is no longer on the wall.
  if (!(await reportAndMaybeHide(services.db, { postId: post.id, userId: caller.id, reason: input.reason, threshold: REPORTS_TO_HIDE, trusted, now }))) throw new AppError('NOT_FOUND');
  return { reported: true as const };
});
