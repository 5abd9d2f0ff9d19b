import { AppError } from '../../types';
import { volunteerRoster } from '../../types/volunteers';
import { defineFunction } from '../core/define-function';
import { getEventRow } from '../events/events.storage';
import { toRosterVolunteer } from './volunteer-view';
import { mayWorkVolunteers } from './volunteers.permissions';
import { volunteersOf } from './volunteers.storage';

export default defineFunction(volunteerRoster, async (input, { services, caller }) => {
  const event = await getEventRow(services.db, input.eventId);
  if (!event || !mayWorkVolunteers(caller.grants, { id: event.scope_id, level: event.scope_level })) throw new AppError('NOT_FOUND');
  const now = services.clock.now();
  const rows = await volunteersOf(services.db, event.id);
  return { eventTitle: event.title, capacity: event.volunteer_capacity, volunteers: rows.map((v) => toRosterVolunteer(v, event, now)) };
});
