import { AppError } from '../../../types';
import { bookingNext, type BookingAction, type BookingStatus } from '../../../types/bookings';
import type { Services } from '../../core/services';
import type { OutgoingMessage } from '../../notifications/outbox.storage';
import { transitionBooking, type BookingRow } from '../bookings.storage';

/** Actions that end a booking and so give its place back. */
const RELEASING: BookingAction[] = ['reject', 'cancel'];

/**
 * Applies an action from BOOKING_FLOW to a booking: refused when the table does not allow
 * it from the booking's status, or when someone else moved the booking first.
 */
export async function actOnBooking(
  services: Services,
  row: BookingRow,
  action: BookingAction,
  options: {
    by: string;
    note?: string | null;
    changes?: Parameters<typeof transitionBooking>[1]['changes'];
    messages?: OutgoingMessage[];
    stepName?: string;
    /** Also require the hall step and the slot the caller checked to be unchanged at the write. */
    unchanged?: boolean;
  },
): Promise<void> {
  const to = bookingNext(row.status as BookingStatus, action);
  if (!to) throw new AppError('BOOKING_NOT_ALLOWED_NOW');
  const moved = await transitionBooking(services.db, {
    id: row.id,
    from: row.status,
    to,
    changes: options.changes,
    ...(options.unchanged ? { fromStep: row.step, fromStart: row.slot_start } : {}),
    release: RELEASING.includes(action),
    step: { step: options.stepName ?? to, note: options.note ?? null, by: options.by },
    now: services.clock.now(),
    messages: options.messages ?? [],
  });
  if (!moved) throw new AppError('BOOKING_NOT_ALLOWED_NOW');
}

export function factsOf(row: BookingRow) {
  return { id: row.id, userId: row.user_id, resourceName: row.resource_name, centerName: row.center_name, start: row.slot_start };
}
