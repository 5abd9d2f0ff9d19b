import { AppError } from '../../types';
import { closeEvent } from '../../types/events';
import { defineFunction } from '../core/define-function';
import { EVENT_MOVES, hasEnded, mayMoveEvent } from './events.permissions';
import { countCheckedIn, getEventRow, updateEventRow } from './events.storage';
import { eventDetail, managedEvent } from './lib/load-event';

export default defineFunction(closeEvent, async (input, { services, caller }) => {
  const row = await managedEvent(services, input.id, caller);
  const now = services.clock.now();
  if (!mayMoveEvent('close', row.state)) throw new AppError('EVENT_NOT_EDITABLE');
  if (!hasEnded({ endsAt: new Date(row.ends_at) }, now)) throw new AppError('EVENT_NOT_ENDED');
  const closed = await updateEventRow(
    services.db,
    row.id,
    {
      state: 'closed',
    // Attendance defaults to the residents checked in; walk-ins can be added by hand.
      attendance: input.attendance ?? (await countCheckedIn(services.db, row.id)),
      residents_served: input.residentsServed,
      updated_at: now.toISOString(),
    },
    EVENT_MOVES.close,
  );
  // A cancellation landing meanwhile wins.
  if (!closed) throw new AppError('EVENT_NOT_EDITABLE');
  return eventDetail(services, (await getEventRow(services.db, row.id))!, caller);
});
