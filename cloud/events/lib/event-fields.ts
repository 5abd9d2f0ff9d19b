import { AppError } from '../../../types';
import { MINUTE } from '../../core/clock';

export interface EventSchedule {
  startsAt: Date;
  endsAt: Date;
  signupOpensAt: Date;
  signupClosesAt: Date;
  cancelCutoffAt: Date;
}

/**
 * Fills in the sign-up window (from now until the start, unless given) and the
 * cancellation cut-off, and refuses times that contradict each other.
 */
export function scheduleOf(
  input: { startsAt: Date; endsAt: Date; signupOpensAt?: Date; signupClosesAt?: Date; cancelCutoffMinutes: number },
  now: Date,
): EventSchedule {
  const signupOpensAt = input.signupOpensAt ?? now;
  const signupClosesAt = input.signupClosesAt ?? input.startsAt;
  const problems: Array<{ path: string; message: string }> = [];
  if (input.endsAt <= input.startsAt) problems.push({ path: 'endsAt', message: '结束时间要晚于开始时间' });
  if (signupClosesAt > input.startsAt) problems.push({ path: 'signupClosesAt', message: '报名截止不能晚于活动开始' });
  if (signupOpensAt >= signupClosesAt) problems.push({ path: 'signupOpensAt', message: '报名开始要早于报名截止' });
  if (problems.length) throw new AppError('EVENT_TIME_INVALID', problems[0]!.message, problems);
  return {
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    signupOpensAt,
    signupClosesAt,
    cancelCutoffAt: new Date(input.startsAt.getTime() - input.cancelCutoffMinutes * MINUTE),
  };
}
