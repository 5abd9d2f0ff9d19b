import { AppError } from '../../types';
import { removeRegistration } from '../../types/events';
import { defineFunction } from '../core/define-function';
import { seatMessages } from './lib/event-messages';
import { endRegistration, getRegistrationById } from './events.storage';
import { mayRemoveRegistrant } from './events.permissions';
import { managedEvent } from './lib/load-event';

export default defineFunction(removeRegistration, async (input, { services, caller }) => {
  const reg = await getRegistrationById(services.db, input.registrationId);
  if (!reg) throw new AppError('NOT_FOUND');
  const row = await managedEvent(services, reg.event_id, caller);
  const now = services.clock.now();
  if (!mayRemoveRegistrant({ state: row.state, startsAt: new Date(row.starts_at) }, now)) throw new AppError('EVENT_NOT_EDITABLE');
  const { changed } = await endRegistration(services.db, {
    registrationId: reg.id,
    status: 'removed',
    now,
    notify: (kind, promoted) => seatMessages(services.config, row, promoted, kind, now),
  });
  return { removed: changed };
});
