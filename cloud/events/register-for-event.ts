import { AppError } from '../../types';
import { registerForEvent } from '../../types/events';
import { pooledRandomBytes } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { getUser } from '../users/users.storage';
import { seatMessages } from './lib/event-messages';
import { mayManageEvent, signupRefusal } from './events.permissions';
import { newCheckinCode, timingOf, toMyRegistration } from './lib/event-view';
import { registerResident, waitlistPosition } from './events.storage';
import { visibleEvent } from './lib/load-event';

export default defineFunction(registerForEvent, async (input, { services, caller }) => {
  const now = services.clock.now();
  // A share card's sharer counts only if they exist and are not the resident themselves.
  const sharer = input.sharer && input.sharer !== caller.id && (await getUser(services.db, input.sharer)) ? input.sharer : null;
  // No read of the event first: the sign-up's first statement locks its row and returns it,
  // and the rules are checked on the event as it is then (a refusal rolls the seat back).
  const { registration, event } = await registerResident(services.db, {
    eventId: input.eventId,
    userId: caller.id,
    sharedBy: sharer,
    code: newCheckinCode(pooledRandomBytes),
    now,
    notify: (kind, reg, row) => seatMessages(services.config, row, reg, kind, now),
    admit: (row) => {
      // A draft is seen by its admins only (visibleEvent): NOT_FOUND alike for everyone else.
      if (row.state === 'draft' && !mayManageEvent(caller.grants, { id: row.scope_id, level: row.scope_level })) throw new AppError('NOT_FOUND');
      const refusal = signupRefusal(timingOf(row), now);
      if (refusal) throw new AppError(refusal);
    },
  });
  if (registration.status === 'removed') throw new AppError('EVENT_REGISTRATION_REMOVED');
  // Two taps of one resident raced and this one lost: the event is read for the answer.
  const row = event ?? (await visibleEvent(services, input.eventId, caller));
  return toMyRegistration(registration, row, await waitlistPosition(services.db, registration), now);
});
