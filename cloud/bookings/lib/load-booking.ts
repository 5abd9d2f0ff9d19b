import { notifiable } from '../../notifications/notices';
import { AppError } from '../../../types';
import type { Booking } from '../../../types/bookings';
import type { SessionUser } from '../../core/define-function';
import type { Services } from '../../core/services';
import { toBooking } from './booking-view';
import { mayReachBooking } from '../bookings.permissions';
import { getBookingRow, getResourceRows, stepsOf, type BookingRow } from '../bookings.storage';

/** A booking its owner or the community's staff may act on; NOT_FOUND for everyone else. */
export async function bookingFor(
  services: Services,
  id: string,
  caller: SessionUser,
  who: 'owner' | 'staff' | 'admin',
): Promise<BookingRow> {
  const row = await getBookingRow(services.db, id);
  if (!row || !mayReachBooking(caller, row, who)) throw new AppError('NOT_FOUND');
  return row;
}

export async function viewBookings(services: Services, rows: BookingRow[], forStaff: boolean): Promise<Booking[]> {
  const [steps, resourceRows] = await Promise.all([
    stepsOf(services.db, rows.map((r) => r.id)),
    getResourceRows(services.db, [...new Set(rows.map((r) => r.resource_id))]),
  ]);
  const now = services.clock.now();
  const resources = new Map<string, { cancel: number; documents: string[] }>();
  for (const res of resourceRows) resources.set(res.id, { cancel: res.cancel_cutoff_minutes, documents: JSON.parse(res.documents) as string[] });
  for (const r of rows) if (!resources.has(r.resource_id)) resources.set(r.resource_id, { cancel: 0, documents: [] });
  const reachable = forStaff ? await notifiable(services.db, services.config, rows.map((r) => r.user_id), 'bookingResult') : null;
  return rows.map((r) => ({
    ...toBooking(r, steps, { now, cancelCutoffMinutes: resources.get(r.resource_id)!.cancel, documents: resources.get(r.resource_id)!.documents, forStaff }),
    notifiable: reachable ? (reachable.get(r.user_id) ?? false) : null,
  }));
}

export async function viewBooking(services: Services, id: string, forStaff: boolean): Promise<Booking> {
  const row = await getBookingRow(services.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return (await viewBookings(services, [row], forStaff))[0]!;
}
