import crypto from 'node:crypto';
import { AppError } from '../../types';
import { registerForEvent } from '../../types/events';
import { defineFunction } from '../core/define-function';
import { getUser } from '../users/users.storage';
import { seatMessages } from './lib/event-messages';
import { signupRefusal } from './events.permissions';
import { newCheckinCode, timingOf, toMyRegistration } from './lib/event-view';
import { registerResident, waitlistPosition } from './events.storage';
import { visibleEvent } from './lib/load-event';

export default defineFunction(registerForEvent, async (input, { services, caller }) => {
  const row = await visibleEvent(services, input.eventId, caller);
  const now = services.clock.now();
  const refusal = signupRefusal(timingOf(row), now);
  if (refusal) throw new AppError(refusal);

  // A share card's sharer counts only if they exist and are not the resident themselves.
  const sharer = input.sharer && input.sharer !== caller.id && (await getUser(services.db, input.sharer)) ? input.sharer : null;
  const { registration } = await registerResident(services.db, {
    eventId: row.id,
    userId: caller.id,
    sharedBy: sharer,
    code: newCheckinCode(crypto.randomBytes),
    now,
    notify: (kind, reg) => seatMessages(services.config, row, reg, kind, now),
    // The same rule again on the event as it is inside the transaction: an admin may have
    // cancelled it or closed sign-up since the check above.
    admit: (event) => {
      const late = signupRefusal(timingOf(event), now);
      if (late) throw new AppError(late);
    },
  });
  if (registration.status === 'removed') throw new AppError('EVENT_REGISTRATION_REMOVED');
  return toMyRegistration(registration, row, await waitlistPosition(services.db, registration), now);
});
