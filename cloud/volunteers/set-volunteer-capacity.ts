import { AppError } from '../../types';
import { setVolunteerCapacity } from '../../types/volunteers';
import { defineFunction } from '../core/define-function';
import { getEventRow } from '../events/events.storage';
import { managedEvent } from '../events/lib/load-event';
import { volunteerPlacesOf } from './places';
import { setVolunteerCapacity as storeCapacity } from './volunteers.storage';

export default defineFunction(setVolunteerCapacity, async (input, { services, caller }) => {
  const event = await managedEvent(services, input.eventId, caller);
  if (event.state === 'cancelled' || event.state === 'closed') throw new AppError('EVENT_NOT_EDITABLE');
  if (!(await storeCapacity(services.db, event.id, input.capacity, services.clock.now()))) throw new AppError('VOLUNTEER_CAPACITY_TOO_SMALL');
  return volunteerPlacesOf(services, (await getEventRow(services.db, event.id))!, caller);
});
