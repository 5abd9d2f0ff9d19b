import { AppError } from '../../types';
import { advanceBooking, HALL_STEPS, hallStepAllowed, type HallStep } from '../../types/bookings';
import { defineFunction } from '../core/define-function';
import { factsOf } from './lib/act-on-booking';
import { progressMessage } from './lib/booking-messages';
import { transitionBooking } from './bookings.storage';
import { bookingFor, viewBooking } from './lib/load-booking';

export default defineFunction(advanceBooking, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, 'staff');
  const from = row.step as HallStep | null;
  if (!from || !hallStepAllowed(from, input.to)) {
    throw new AppError('BOOKING_NOT_ALLOWED_NOW', from ? `“${HALL_STEPS[from].text}”之后不能直接到“${HALL_STEPS[input.to].text}”` : '功能室预约没有办理步骤');
  }
  const missing = input.to === 'needs_material' ? (input.missingMaterials ?? []) : [];
  if (input.to === 'needs_material' && missing.length === 0) {
    throw new AppError('INVALID_INPUT', '请写明需要补充的材料', [{ path: 'missingMaterials', message: '请写明需要补充的材料' }]);
  }
  const now = services.clock.now();
  const note = input.to === 'needs_material' ? `请补充：${missing.join('、')}` : (input.note ?? null);
  // Arrival also marks the booking as attended, so it cannot later be called a no-show.
  const status = row.status === 'approved' && input.to === 'arrived' ? 'checked_in' : row.status;
  const moved = await transitionBooking(services.db, {
    id: row.id,
    from: row.status,
    to: status,
    fromStep: from,
    changes: { step: input.to, missing_materials: JSON.stringify(missing) },
    release: false,
    step: { step: input.to, note, by: caller.id },
    now,
    messages: [progressMessage(services.config, factsOf(row), `step-${input.to}`, note ? `${HALL_STEPS[input.to].text}：${note}` : HALL_STEPS[input.to].text, now)],
  });
  if (!moved) throw new AppError('BOOKING_NOT_ALLOWED_NOW');
  return viewBooking(services, row.id, true);
});
