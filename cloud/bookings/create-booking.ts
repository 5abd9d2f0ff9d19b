import { AppError } from '../../types';
import { createBooking } from '../../types/bookings';
import { shanghaiDay } from '../../types/time';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { admitSlot, slotProblem } from './lib/bookable';
import { progressMessage, reminderMessage } from './lib/booking-messages';
import { bookSlot, type BookingPlan, type ResourceRow } from './bookings.storage';
import { toBooking } from './lib/booking-view';
import { slotAt, weekAround } from './lib/slots';

export default defineFunction(createBooking, async (input, { services, caller }) => {
  const now = services.clock.now();
  const at = now.toISOString();
  const id = newId();
  // The resource is read once, inside the booking's transaction (under its lock on
  // PostgreSQL); what it does not allow is refused there, before anything is written.
  const plan = (resource: ResourceRow): BookingPlan => {
    if (resource.active !== 1) throw new AppError('NOT_FOUND');
    const slot = slotAt({ kind: resource.kind, hours: JSON.parse(resource.hours), slotMinutes: resource.slot_minutes }, input.start);
    if (!slot) throw new AppError('BOOKING_NOT_A_SLOT');
    // A closed day is refused by `admit`, with the day's closure as read under the lock.
    const problem = slotProblem(resource, slot.start, now, null);
    if (problem) throw new AppError(problem);
    const isRoom = resource.kind === 'room';
    if (isRoom && input.partySize > resource.capacity) {
      throw new AppError('BOOKING_PARTY_TOO_LARGE', `这间功能室最多容纳${resource.capacity}人`, [{ path: 'partySize', message: `最多${resource.capacity}人` }]);
    }
    const status = resource.requires_approval === 1 ? 'pending' : 'approved';
    const facts = { id, userId: caller.id, resourceName: resource.name, centerName: resource.center_name, start: slot.start.toISOString() };
    return {
      row: {
        id,
        resource_id: resource.id,
        user_id: caller.id,
        slot_start: facts.start,
        slot_end: slot.end.toISOString(),
        status,
        step: isRoom ? null : 'booked',
        purpose: input.purpose,
        party_size: isRoom ? input.partySize : 1,
        reject_reason: null,
        missing_materials: '[]',
        created_at: at,
        updated_at: at,
      },
      size: isRoom ? 1 : resource.window_size,
      quota: resource.weekly_quota > 0 ? resource.weekly_quota : null,
      // Suspension for no-shows stops room booking only; a matter at the hall still gets done.
      checkSuspension: isRoom,
      firstStep: status === 'pending' ? 'submitted' : 'booked',
      messages: [
        progressMessage(services.config, facts, 'created', status === 'pending' ? '已提交，等待社区审核' : '预约成功，请按时前来', now),
        ...(status === 'approved' ? reminderMessage(facts, now) : []),
      ],
    };
  };
  // A slot starts at the asked moment or is refused (BOOKING_NOT_A_SLOT): its day and week are the asked start's.
  const { resource, plan: written } = await bookSlot(services.db, {
    resourceId: input.resourceId,
    userId: caller.id,
    now,
    day: shanghaiDay(input.start),
    week: weekAround(input.start),
    plan,
    admit: admitSlot(input.start, now),
  });
  // The answer from what was just written: no read back (the booking, its one step, the resource).
  const booking = { ...written.row, resource_name: resource.name, kind: resource.kind, center_name: resource.center_name, community_id: resource.community_id, nickname: '' };
  const step = { id: '', seq: 1, booking_id: id, step: written.firstStep, note: null, by_user_id: caller.id, at, by_name: null };
  return {
    ...toBooking(booking, [step], { now, cancelCutoffMinutes: resource.cancel_cutoff_minutes, documents: JSON.parse(resource.documents) as string[], forStaff: false }),
    notifiable: null,
  };
});
