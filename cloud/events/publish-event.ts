import { AppError } from '../../types';
import { publishEvent } from '../../types/events';
import { defineFunction } from '../core/define-function';
import { getEventRow, updateEventRow } from './events.storage';
import { eventDetail, managedEvent } from './lib/load-event';

export default defineFunction(publishEvent, async (input, { services, caller }) => {
  const row = await managedEvent(services, input.id, caller);
  if (row.state !== 'draft' && row.state !== 'published') throw new AppError('EVENT_NOT_EDITABLE');
  await updateEventRow(services.db, row.id, { state: 'published', updated_at: services.clock.now().toISOString() });
  return eventDetail(services, (await getEventRow(services.db, row.id))!, caller);
});
