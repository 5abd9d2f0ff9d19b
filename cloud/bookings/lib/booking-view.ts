import { residentMayChange } from '../bookings.permissions';
import { BOOKING_FLOW, HALL_STEPS, type Booking, type BookingStatus, type HallStep, type Resource, type ResourceKind, type WeeklyHours } from '../../../types/bookings';
import type { BookingRow, BookingStepRow, ResourceRow } from '../bookings.storage';

export function toResource(row: ResourceRow, closedDates: Array<{ date: string; reason: string }>): Resource {
  return {
    id: row.id,
    centerId: row.center_id,
    centerName: row.center_name,
    communityId: row.community_id,
    kind: row.kind as ResourceKind,
    name: row.name,
    description: row.description,
    capacity: row.capacity,
    hours: JSON.parse(row.hours) as WeeklyHours,
    slotMinutes: row.slot_minutes,
    windowSize: row.kind === 'hall' ? row.window_size : 1,
    daysAhead: row.days_ahead,
    minNoticeMinutes: row.min_notice_minutes,
    cancelCutoffMinutes: row.cancel_cutoff_minutes,
    weeklyQuota: row.weekly_quota,
    requiresApproval: row.requires_approval === 1,
    documents: JSON.parse(row.documents) as string[],
    closedDates,
    active: row.active === 1,
  };
}

/** Timeline labels: the hall's steps, plus the moments every booking may have. */
const STEP_TEXT: Record<string, string> = {
  ...Object.fromEntries(Object.entries(HALL_STEPS).map(([k, v]) => [k, v.text])),
  submitted: '已提交，待审核',
  approved: '审核通过',
  rejected: '未通过',
  cancelled: '已取消',
  rescheduled: '已改约',
  checked_in: '已到场',
  no_show: '未到场',
};

export function toBooking(
  row: Omit<BookingRow, 'nickname' | 'created_at' | 'updated_at'> & Partial<Pick<BookingRow, 'nickname'>>,
  steps: BookingStepRow[],
  view: { now: Date; cancelCutoffMinutes: number; documents: string[]; forStaff: boolean },
): Omit<Booking, 'notifiable'> {
  const status = row.status as BookingStatus;
  const step = row.step as HallStep | null;
  return {
    id: row.id,
    resourceId: row.resource_id,
    communityId: row.community_id,
    resourceName: row.resource_name,
    kind: row.kind as ResourceKind,
    centerName: row.center_name,
    start: new Date(row.slot_start),
    end: new Date(row.slot_end),
    status,
    statusText: BOOKING_FLOW[status].text,
    step,
    stepText: step ? HALL_STEPS[step].text : null,
    purpose: row.purpose,
    partySize: row.party_size,
    rejectReason: row.reject_reason,
    missingMaterials: JSON.parse(row.missing_materials) as string[],
    documents: view.documents,
    timeline: steps
      .filter((s) => s.booking_id === row.id)
      .map((s) => ({ step: s.step, text: STEP_TEXT[s.step] ?? s.step, note: s.note, at: new Date(s.at), byName: view.forStaff || s.by_user_id !== row.user_id ? s.by_name : null })),
    // What the owner may do: the same rule the handlers apply (bookings.permissions.ts).
    canCancel: residentMayChange('cancel', { id: row.user_id }, row, view.cancelCutoffMinutes, view.now),
    canReschedule: residentMayChange('reschedule', { id: row.user_id }, row, view.cancelCutoffMinutes, view.now),
    residentName: view.forStaff ? (row.nickname ?? null) : null,
  };
}
