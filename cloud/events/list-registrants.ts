import { AppError } from '../../types';
import { listRegistrants, type RegistrationStatus } from '../../types/events';
import { defineFunction } from '../core/define-function';
import { toEventSummary } from './lib/event-view';
import { notifiable } from '../notifications/notices';
import { mayWorkEvent } from './events.permissions';
import { getEventRow, registrantsOf } from './events.storage';

export default defineFunction(listRegistrants, async (input, { services, caller }) => {
  const event = await getEventRow(services.db, input.eventId);
  if (!event || !mayWorkEvent(caller.grants, { id: event.scope_id, level: event.scope_level })) throw new AppError('NOT_FOUND');
  const rows = await registrantsOf(services.db, event.id);
  let position = 0;
  const reachable = await notifiable(services.db, services.config, rows.map((r) => r.user_id), 'eventChange');
  return {
    event: toEventSummary(event, services.clock.now()),
    registrants: rows.map((r) => ({
      registrationId: r.id,
      nickname: r.nickname,
      status: r.status as RegistrationStatus,
      waitlistPosition: r.status === 'waitlisted' ? ++position : null,
      checkinCode: r.status === 'confirmed' ? r.checkin_code : null,
      checkedInAt: r.checked_in_at ? new Date(r.checked_in_at) : null,
      registeredAt: new Date(r.created_at),
      sharedByName: r.shared_by_name,
      notifiable: reachable.get(r.user_id) ?? false,
    })),
  };
});
