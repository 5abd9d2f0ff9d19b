import type { VolunteerPlaces } from '../../types/volunteers';
import type { SessionUser } from '../core/define-function';
import type { Services } from '../core/services';
import type { EventRow } from '../events/events.storage';
import { toMyVolunteering } from './volunteer-view';
import { mayChangeVolunteering } from './volunteers.permissions';
import { getVolunteer } from './volunteers.storage';

/** An event's volunteer places as the caller sees them. */
export async function volunteerPlacesOf(services: Services, event: EventRow, caller: SessionUser | null): Promise<VolunteerPlaces> {
  const now = services.clock.now();
  const mine = caller ? await getVolunteer(services.db, event.id, caller.id) : undefined;
  const placesLeft = Math.max(0, event.volunteer_capacity - event.volunteer_count);
  return {
    eventId: event.id,
    capacity: event.volunteer_capacity,
    taken: event.volunteer_count,
    placesLeft,
    open: event.volunteer_capacity > 0 && placesLeft > 0 && mayChangeVolunteering({ state: event.state, startsAt: new Date(event.starts_at) }, null, now),
    mine: mine ? toMyVolunteering(mine, event, now) : null,
  };
}
