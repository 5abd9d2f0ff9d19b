import { createBooking } from '../../types/bookings';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { bookSlot } from './bookings.storage';
import { slotRequest } from './lib/booking-plan';
import { toBooking } from './lib/booking-view';

export default defineFunction(createBooking, async (input, { services, caller }) => {
  const now = services.clock.now();
  const at = now.toISOString();
  const id = newId();
  // The resource is read once, inside the booking's write (under its lock on PostgreSQL);
  // what it does not allow is refused there, before anything is written.
  const { resource, plan: written } = await bookSlot(services.db, slotRequest(services.config, { id, userId: caller.id, input, now }));
  // The answer from what was just written: no read back (the booking, its one step, the resource).
  const booking = { ...written.row, resource_name: resource.name, kind: resource.kind, center_name: resource.center_name, community_id: resource.community_id, nickname: '' };
  const step = { id: '', seq: 1, booking_id: id, step: written.firstStep, note: null, by_user_id: caller.id, at, by_name: null };
  return {
    ...toBooking(booking, [step], { now, cancelCutoffMinutes: resource.cancel_cutoff_minutes, documents: JSON.parse(resource.documents) as string[], forStaff: false }),
    notifiable: null,
  };
});
