import { AppError } from '../../types';
import { checkIn } from '../../types/events';
import { formatDateTime } from '../../types/time';
import { defineFunction } from '../core/define-function';
import { getUser } from '../users/users.storage';
import { checkInRefusal, mayWorkEvent } from './events.permissions';
import { getEventRow, getRegistrationByCode, getRegistrationById, markCheckedIn } from './events.storage';


export default defineFunction(checkIn, async (input, { services, caller }) => {
  const reg = await getRegistrationByCode(services.db, input.code);
  const event = reg && (await getEventRow(services.db, reg.event_id));
  // A code from another community is as unknown to this staff member as a mistyped one.
  if (!reg || !event || !mayWorkEvent(caller.grants, { id: event.scope_id, level: event.scope_level })) {
    throw new AppError('CHECKIN_UNKNOWN_CODE');
  }
  const now = services.clock.now();
  const refusal = checkInRefusal({ status: reg.status, checkedIn: !!reg.checked_in_at }, { state: event.state, startsAt: new Date(event.starts_at), endsAt: new Date(event.ends_at) }, now);
  if (refusal === 'CHECKIN_ALREADY') throw new AppError(refusal, `已于${formatDateTime(reg.checked_in_at!)}签到，无需重复签到`);
  if (refusal) throw new AppError(refusal);
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
