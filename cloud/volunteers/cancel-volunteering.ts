import { AppError } from '../../types';
import { cancelVolunteer } from '../../types/volunteers';
import { defineFunction } from '../core/define-function';
import { visibleEvent } from '../events/lib/load-event';
import { toMyVolunteering } from './volunteer-view';
import { releaseVolunteerPlace } from './volunteers.storage';

export default defineFunction(cancelVolunteer, async (input, { services, caller }) => {
  const event = await visibleEvent(services, input.eventId, caller);
  const now = services.clock.now();
  const row = await releaseVolunteerPlace(services.db, { eventId: event.id, userId: caller.id, now });
  if (!row) throw new AppError('VOLUNTEER_NOT_SIGNED_UP');
  if (row === 'closed') throw new AppError('VOLUNTEER_SIGNUP_CLOSED');
  return toMyVolunteering(row, event, now);
});
