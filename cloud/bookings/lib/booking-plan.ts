import { AppError } from '../../../types';
import type { z } from 'zod';
import type { CreateBookingInput } from '../../../types/bookings';
import { shanghaiDay } from '../../../types/time';
import type { Config } from '../../config';
import type { BookingPlan, ResourceRow, SlotRequest } from '../bookings.storage';
import { admitSlot, slotProblem } from './bookable';
import { progressMessage, reminderMessage } from './booking-messages';
import { slotAt, weekAround } from './slots';

/**
 * A resident's booking as `bookSlot` takes it (bookings.create): the plan is run on the
 * resource as read inside the booking's write, and refuses what the resource does not allow
 * before anything is written; `admit` re-checks the slot with the day's closure as read there.
 */
export function slotRequest(
  config: Config,
  b: { id: string; userId: string; input: z.infer<typeof CreateBookingInput>; now: Date },
): SlotRequest {
  const { id, userId, input, now } = b;
  const at = now.toISOString();
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
    const facts = { id, userId, resourceName: resource.name, centerName: resource.center_name, start: slot.start.toISOString() };
    return {
      row: {
        id,
        resource_id: resource.id,
        user_id: userId,
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
        progressMessage(config, facts, 'created', status === 'pending' ? '已提交，等待社区审核' : '预约成功，请按时前来', now),
        ...(status === 'approved' ? reminderMessage(facts, now) : []),
      ],
    };
  };
  // A slot starts at the asked moment or is refused (BOOKING_NOT_A_SLOT): its day and week are the asked start's.
  return { resourceId: input.resourceId, userId, now, day: shanghaiDay(input.start), week: weekAround(input.start), plan, admit: admitSlot(input.start, now) };
}
