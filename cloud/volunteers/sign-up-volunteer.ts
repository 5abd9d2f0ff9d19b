import crypto from 'node:crypto';
import { AppError } from '../../types';
import { signUpVolunteer } from '../../types/volunteers';
import { defineFunction } from '../core/define-function';
import { visibleEvent } from '../events/lib/load-event';
import { newVolunteerCode, toMyVolunteering } from './volunteer-view';
import { takeVolunteerPlace } from './volunteers.storage';

export default defineFunction(signUpVolunteer, async (input, { services, caller }) => {
  const event = await visibleEvent(services, input.eventId, caller);
  if (event.volunteer_capacity === 0) throw new AppError('VOLUNTEER_NOT_RECRUITING');
  const now = services.clock.now();
  // The place, the event's state and its start are all checked in the statement that counts.
  const outcome = await takeVolunteerPlace(services.db, { eventId: event.id, userId: caller.id, code: newVolunteerCode(crypto.randomBytes), now });
  if ('full' in outcome) throw new AppError('VOLUNTEER_FULL');
  if ('closed' in outcome) throw new AppError(event.state === 'cancelled' ? 'EVENT_CANCELLED' : 'VOLUNTEER_SIGNUP_CLOSED');
  return toMyVolunteering(outcome.volunteer, event, now);
});
