import { AppError } from '../../types';
import { cancelEvent } from '../../types/events';
import { defineFunction } from '../core/define-function';
import { cancellationMessages } from './lib/event-messages';
import { mayMoveEvent } from './events.permissions';
import { cancelEventWithNotices, getEventRow } from './events.storage';
import { eventDetail, managedEvent } from './lib/load-event';

export default defineFunction(cancelEvent, async (input, { services, caller }) => {
  const row = await managedEvent(services, input.id, caller);
  // Cancelling twice is the same as once.
  if (row.state !== 'cancelled') {
    if (!mayMoveEvent('cancel', row.state)) throw new AppError('EVENT_NOT_EDITABLE');
    const now = services.clock.now();
    const cancelled = await cancelEventWithNotices(services.db, {
      eventId: row.id,
      reason: input.reason,
      now,
      notices: (regs) => cancellationMessages(services.config, row, regs, input.reason, now),
    });
    // The write re-checks the state: a close landing meanwhile wins (a cancellation is the same as ours).
    if (!cancelled && (await getEventRow(services.db, row.id))?.state !== 'cancelled') throw new AppError('EVENT_NOT_EDITABLE');
  }
  return eventDetail(services, (await getEventRow(services.db, row.id))!, caller);
});
