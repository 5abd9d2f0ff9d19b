import { AppError } from '../../types';
import { scanVolunteer } from '../../types/volunteers';
import { defineFunction } from '../core/define-function';
import { getEventRow } from '../events/events.storage';
import { getUser } from '../users/users.storage';
import { countedMinutes } from './volunteer-view';
import { mayScanVolunteer, mayWorkVolunteers, scanWindow } from './volunteers.permissions';
import { getVolunteerByCode, getVolunteerById, markVolunteerIn, markVolunteerOut } from './volunteers.storage';

/** The first scan checks a volunteer in, the second checks them out; a third is refused. */
export default defineFunction(scanVolunteer, async (input, { services, caller }) => {
  const found = await getVolunteerByCode(services.db, input.code);
  const event = found && (await getEventRow(services.db, found.event_id));
  // A code from another community is as unknown to this staff member as a mistyped one.
  if (!found || !event || !mayWorkVolunteers(caller.grants, { id: event.scope_id, level: event.scope_level })) throw new AppError('VOLUNTEER_UNKNOWN_CODE');
  const may = mayScanVolunteer(event, found);
  if (may === 'unknown') throw new AppError('VOLUNTEER_UNKNOWN_CODE');
  if (may === 'cancelled') throw new AppError('EVENT_CANCELLED');
  const now = services.clock.now();
  const window = scanWindow({ startsAt: new Date(event.starts_at), endsAt: new Date(event.ends_at) }, now);
  if (window === 'early') throw new AppError('VOLUNTEER_SCAN_NOT_OPEN');
  if (window === 'late') throw new AppError('VOLUNTEER_SCAN_CLOSED');
  if (found.checked_out_at) throw new AppError('VOLUNTEER_ALREADY_OUT');
  // Each step is a conditional update: two staff scanning the same code at once move it one
  // step, and a cancellation (of the event or the sign-up) landing meanwhile stops it.
  const action: 'in' | 'out' = found.checked_in_at ? 'out' : 'in';
  const moved = action === 'in' ? await markVolunteerIn(services.db, found.id, caller.id, now) : await markVolunteerOut(services.db, found.id, caller.id, now);
  if (!moved) {
    const [volunteerNow, eventNow] = [(await getVolunteerById(services.db, found.id))!, (await getEventRow(services.db, event.id))!];
    const mayNow = mayScanVolunteer(eventNow, volunteerNow);
    if (mayNow === 'cancelled') throw new AppError('EVENT_CANCELLED');
    if (mayNow === 'unknown') throw new AppError('VOLUNTEER_UNKNOWN_CODE');
    throw new AppError(action === 'in' ? 'CHECKIN_ALREADY' : 'VOLUNTEER_ALREADY_OUT');
  }
  const after = (await getVolunteerById(services.db, found.id))!;
  const person = await getUser(services.db, found.user_id);
  return {
    action,
    nickname: person?.nickname ?? '志愿者',
    eventTitle: event.title,
    at: now,
    minutes: action === 'out' ? countedMinutes(after, event, now) : null,
  };
});
