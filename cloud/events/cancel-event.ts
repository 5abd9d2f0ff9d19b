import { AppError } from '../../types';
import { cancelEvent } from '../../types/events';
import { defineFunction } from '../core/define-function';
import { cancellationMessages } from './lib/event-messages';
import { cancelEventWithNotices, getEventRow } from './events.storage';
import { eventDetail, managedEvent } from './lib/load-event';

export default defineFunction(cancelEvent, async (input, { services, caller }) => {
  const row = await managedEvent(services, input.id, caller);
  if (row.state === 'closed') throw new AppError('EVENT_NOT_EDITABLE');
  if (row.state !== 'cancelled') {
    const now = services.clock.now();
    await cancelEventWithNotices(services.db, {
      eventId: row.id,
      reason: input.reason,
      now,
      notices: (regs) => cancellationMessages(services.config, row, regs, input.reason, now),
    });
  }
  return eventDetail(services, (await getEventRow(services.db, row.id))!, caller);
});
