import { AppError } from '../../types';
import { checkIn } from '../../types/events';
import { formatDateTime } from '../../types/time';
import { HOUR } from '../core/clock';
import { defineFunction } from '../core/define-function';
import { getUser } from '../users/users.storage';
import { mayWorkEvent } from './events.permissions';
import { getEventRow, getRegistrationByCode, getRegistrationById, markCheckedIn } from './events.storage';

/** Staff may check residents in from an hour before the start until the end. */
export const CHECKIN_OPENS_BEFORE_START = HOUR;

export default defineFunction(checkIn, async (input, { services, caller }) => {
  const reg = await getRegistrationByCode(services.db, input.code);
  const event = reg && (await getEventRow(services.db, reg.event_id));
  // A code from another community is as unknown to this staff member as a mistyped one.
  if (!reg || !event || !mayWorkEvent(caller.grants, { id: event.scope_id, level: event.scope_level })) {
    throw new AppError('CHECKIN_UNKNOWN_CODE');
  }
  const now = services.clock.now();
  if (reg.status !== 'confirmed') throw new AppError('CHECKIN_NOT_CONFIRMED');
  if (reg.checked_in_at) throw new AppError('CHECKIN_ALREADY', `已于${formatDateTime(reg.checked_in_at)}签到，无需重复签到`);
  if (now.getTime() < new Date(event.starts_at).getTime() - CHECKIN_OPENS_BEFORE_START) throw new AppError('CHECKIN_NOT_OPEN');
  if (now.toISOString() >= event.ends_at || event.state !== 'published') throw new AppError('CHECKIN_CLOSED');
  if (!(await markCheckedIn(services.db, reg.id, caller.id, now))) {
    // The write re-checks all three: another staff member scanned first, the resident
    // stepped back, or the event was cancelled or closed meanwhile.
    const winner = await getRegistrationById(services.db, reg.id);
    if (winner?.checked_in_at) throw new AppError('CHECKIN_ALREADY', `已于${formatDateTime(winner.checked_in_at)}签到，无需重复签到`);
    if (winner?.status !== 'confirmed') throw new AppError('CHECKIN_NOT_CONFIRMED');
    throw new AppError('CHECKIN_CLOSED');
  }
  const resident = await getUser(services.db, reg.user_id);
  return { eventTitle: event.title, nickname: resident?.nickname ?? '居民', checkedInAt: now };
});
