import { volunteerPlaces } from '../../types/volunteers';
import { defineFunction } from '../core/define-function';
import { visibleEvent } from '../events/lib/load-event';
import { volunteerPlacesOf } from './places';

export default defineFunction(volunteerPlaces, async (input, { services, caller }) =>
  volunteerPlacesOf(services, await visibleEvent(services, input.eventId, caller), caller),
);
