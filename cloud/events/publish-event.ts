import { AppError } from '../../types';
import { publishEvent } from '../../types/events';
import { defineFunction } from '../core/define-function';
import { EVENT_MOVES, mayMoveEvent } from './events.permissions';
import { getEventRow, updateEventRow } from './events.storage';
import { eventDetail, managedEvent } from './lib/load-event';

export default defineFunction(publishEvent, async (input, { services, caller }) => {
  const row = await managedEvent(services, input.id, caller);
  if (!mayMoveEvent('publish', row.state)) throw new AppError('EVENT_NOT_EDITABLE');
  // The write re-checks the state: a cancellation landing meanwhile is not undone.
  if (!(await updateEventRow(services.db, row.id, { state: 'published', updated_at: services.clock.now().toISOString() }, EVENT_MOVES.publish))) {
    throw new AppError('EVENT_NOT_EDITABLE');
  }
  return eventDetail(services, (await getEventRow(services.db, row.id))!, caller);
});
