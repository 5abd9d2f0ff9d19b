import { AppError } from '../../types';
import { deleteDraftEvent } from '../../types/events';
import { defineFunction } from '../core/define-function';
import { deleteDraftEventRow } from './events.storage';
import { managedEvent } from './lib/load-event';

export default defineFunction(deleteDraftEvent, async (input, { services, caller }) => {
  await managedEvent(services, input.id, caller);
  if (!(await deleteDraftEventRow(services.db, input.id))) throw new AppError('EVENT_NOT_DRAFT');
  return { deleted: true as const };
});
