import { AppError } from '../../types';
import { closeEvent } from '../../types/events';
import { defineFunction } from '../core/define-function';
import { countCheckedIn, getEventRow, updateEventRow } from './events.storage';
import { eventDetail, managedEvent } from './lib/load-event';

export default defineFunction(closeEvent, async (input, { services, caller }) => {
  const row = await managedEvent(services, input.id, caller);
  const now = services.clock.now();
  if (row.state === 'cancelled' || row.state === 'draft') throw new AppError('EVENT_NOT_EDITABLE');
  if (now.toISOString() < row.ends_at) throw new AppError('EVENT_NOT_ENDED');
  await updateEventRow(services.db, row.id, {
    state: 'closed',
    // Attendance defaults to the residents checked in; walk-ins can be added by hand.
    attendance: input.attendance ?? (await countCheckedIn(services.db, row.id)),
    residents_served: input.residentsServed,
    updated_at: now.toISOString(),
  });
  return eventDetail(services, (await getEventRow(services.db, row.id))!, caller);
});
