import { AppError } from '../../types';
import { correctVolunteerHours } from '../../types/volunteers';
import { defineFunction } from '../core/define-function';
import { getEventRow } from '../events/events.storage';
import { getUser } from '../users/users.storage';
import { toRosterVolunteer } from './volunteer-view';
import { mayCorrectHours, mayManageVolunteers } from './volunteers.permissions';
import { correctMinutes, getVolunteerById } from './volunteers.storage';

/**
 * An admin sets the minutes that count, with the reason; the host writes every admin command
 * to the audit log (who, when, which volunteer, the minutes and the reason).
 */
export default defineFunction(correctVolunteerHours, async (input, { services, caller }) => {
  const volunteer = await getVolunteerById(services.db, input.volunteerId);
  const event = volunteer && (await getEventRow(services.db, volunteer.event_id));
  if (!volunteer || !event || !mayManageVolunteers(caller.grants, { id: event.scope_id, level: event.scope_level })) throw new AppError('NOT_FOUND');
  const cancelled = () => new AppError('VOLUNTEER_NOT_SIGNED_UP', '这位志愿者已取消报名，不能核定时长');
  if (!mayCorrectHours(volunteer)) throw cancelled();
  const now = services.clock.now();
  // The update itself re-checks the sign-up: a withdrawal landing meanwhile wins.
  if (!(await correctMinutes(services.db, { id: volunteer.id, minutes: input.minutes, reason: input.reason, staffId: caller.id, now }))) throw cancelled();
  const after = (await getVolunteerById(services.db, volunteer.id))!;
  const person = await getUser(services.db, volunteer.user_id);
  return toRosterVolunteer({ ...after, nickname: person?.nickname ?? '志愿者' }, event, now);
});
