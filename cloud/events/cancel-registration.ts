import { AppError } from '../../types';
import { cancelRegistration } from '../../types/events';
import { defineFunction } from '../core/define-function';
import { seatMessages } from './lib/event-messages';
import { toMyRegistration } from './lib/event-view';
import { endRegistration, getRegistration } from './events.storage';
import { visibleEvent } from './lib/load-event';
import { mayCancelRegistration } from './events.permissions';

export default defineFunction(cancelRegistration, async (input, { services, caller }) => {
  const row = await visibleEvent(services, input.eventId, caller);
  const reg = await getRegistration(services.db, row.id, caller.id);
  if (!reg) throw new AppError('NOT_FOUND', '您没有报名这个活动');
  const now = services.clock.now();
  if (!mayCancelRegistration(reg, { cancelCutoffAt: new Date(row.cancel_cutoff_at) }, now)) throw new AppError('EVENT_CANCEL_CUTOFF_PASSED');
  const { registration } = await endRegistration(services.db, {
    registrationId: reg.id,
    status: 'cancelled',
    now,
    notify: (kind, promoted) => seatMessages(services.config, row, promoted, kind, now),
  });
  return toMyRegistration(registration, row, null, now);
});
