import { AppError } from '../../types';
import { setVolunteerCapacity } from '../../types/volunteers';
import { defineFunction } from '../core/define-function';
import { getEventRow } from '../events/events.storage';
import { managedEvent } from '../events/lib/load-event';
import { volunteerPlacesOf } from './places';
import { placesEditable } from './volunteers.permissions';
import { setVolunteerCapacity as storeCapacity } from './volunteers.storage';

export default defineFunction(setVolunteerCapacity, async (input, { services, caller }) => {
  const event = await managedEvent(services, input.eventId, caller);
  if (!placesEditable(event)) throw new AppError('EVENT_NOT_EDITABLE');
  const stored = await storeCapacity(services.db, event.id, input.capacity, services.clock.now());
  const after = (await getEventRow(services.db, event.id))!;
  // The statement re-checks both rules; a cancellation or closing that landed meanwhile wins.
  if (!stored) throw new AppError(placesEditable(after) ? 'VOLUNTEER_CAPACITY_TOO_SMALL' : 'EVENT_NOT_EDITABLE');
  return volunteerPlacesOf(services, after, caller);
});
