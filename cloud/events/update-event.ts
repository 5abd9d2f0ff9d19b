import { AppError } from '../../types';
import { updateEvent } from '../../types/events';
import { getRegion } from '../communities/communities.storage';
import { MINUTE } from '../core/clock';
import { defineFunction } from '../core/define-function';
import { reminderMessages, seatMessages } from './lib/event-messages';
import { scheduleOf } from './lib/event-fields';
import { EVENT_MOVES, mayManageEvent, mayMoveEvent } from './events.permissions';
import { activeRegistrations, fillFreedSeats, getEventRow, requeueReminders, updateEventRow } from './events.storage';
import { eventDetail, managedEvent } from './lib/load-event';

export default defineFunction(updateEvent, async (input, { services, caller }) => {
  const row = await managedEvent(services, input.id, caller);
  if (!mayMoveEvent('edit', row.state)) throw new AppError('EVENT_NOT_EDITABLE');
  if (input.scopeId !== undefined && input.scopeId !== row.scope_id) {
    const scope = await getRegion(services.db, input.scopeId);
    if (!scope || !mayManageEvent(caller.grants, scope)) throw new AppError('OUT_OF_SCOPE');
  }
  const now = services.clock.now();
  const startsAt = input.startsAt ?? new Date(row.starts_at);
  const schedule = scheduleOf(
    {
      startsAt,
      endsAt: input.endsAt ?? new Date(row.ends_at),
      signupOpensAt: input.signupOpensAt ?? new Date(row.signup_opens_at),
      signupClosesAt: input.signupClosesAt ?? (input.startsAt ? undefined : new Date(row.signup_closes_at)),
      cancelCutoffMinutes: input.cancelCutoffMinutes ?? Math.round((Date.parse(row.starts_at) - Date.parse(row.cancel_cutoff_at)) / MINUTE),
    },
    now,
  );
  const edited = await updateEventRow(services.db, row.id, {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.capacity !== undefined && input.capacity !== row.capacity && { capacity: input.capacity }),
    ...(input.category !== undefined && { category: input.category }),
    ...(input.scopeId !== undefined && { scope_id: input.scopeId }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.organizer !== undefined && { organizer: input.organizer }),
    ...(input.partners !== undefined && { partners: JSON.stringify(input.partners) }),
    ...(input.venue !== undefined && { venue: input.venue }),
    ...(input.requiresSignup !== undefined && { requires_signup: input.requiresSignup ? 1 : 0 }),
    starts_at: schedule.startsAt.toISOString(),
    ends_at: schedule.endsAt.toISOString(),
    signup_opens_at: schedule.signupOpensAt.toISOString(),
    signup_closes_at: schedule.signupClosesAt.toISOString(),
    cancel_cutoff_at: schedule.cancelCutoffAt.toISOString(),
    updated_at: now.toISOString(),
  }, EVENT_MOVES.edit);
  // A cancellation or close landing meanwhile wins, and the new capacity goes with the rest
  // of the edit or not at all (one statement).
  const updated = await getEventRow(services.db, row.id);
  // A draft deleted meanwhile is gone: NOT_FOUND, as a fresh call would say.
  if (!updated) throw new AppError('NOT_FOUND');
  if (!edited) throw new AppError(mayMoveEvent('edit', updated.state) ? 'EVENT_CAPACITY_TOO_SMALL' : 'EVENT_NOT_EDITABLE');
  // More seats: the waitlist moves up at once.
  await fillFreedSeats(services.db, row.id, now, (kind, reg) => seatMessages(services.config, updated, reg, kind, now));
  // A new time or place: the queued reminders say the old ones, so they are replaced.
  if (updated.starts_at !== row.starts_at || updated.venue !== row.venue || updated.title !== row.title) {
    const confirmed = (await activeRegistrations(services.db, row.id)).filter((r) => r.status === 'confirmed');
    await requeueReminders(services.db, row.id, confirmed.flatMap((r) => reminderMessages(services.config, updated, r, now)), now);
  }
  return eventDetail(services, (await getEventRow(services.db, row.id))!, caller);
});
