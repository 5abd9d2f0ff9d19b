/** 功能室 rooms of a 党群服务中心, and 一站式 service-hall appointment types. */
export const RESOURCE_KINDS = ['room', 'hall'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_KIND_TEXT: Record<ResourceKind, string> = { room: '功能室', hall: '便民服务大厅' };

/**
 * A booking's states and the actions that move it, as data: the handlers, the labels and
 * the tests all read this table. An action missing from a state's row is refused.
 */
export const BOOKING_FLOW = {
  pending: { text: '待审核', actions: { approve: 'approved', reject: 'rejected', cancel: 'cancelled', reschedule: 'pending' } },
  approved: { text: '已预约', actions: { cancel: 'cancelled', reschedule: 'approved', checkIn: 'checked_in', markNoShow: 'no_show' } },
  checked_in: { text: '已到场', actions: {} },
  rejected: { text: '未通过', actions: {} },
  cancelled: { text: '已取消', actions: {} },
  no_show: { text: '未到场', actions: {} },
} as const satisfies Record<string, { text: string; actions: Partial<Record<BookingAction, string>> }>;
export type BookingAction = 'approve' | 'reject' | 'cancel' | 'reschedule' | 'checkIn' | 'markNoShow';
export type BookingStatus = keyof typeof BOOKING_FLOW;

/** Where an action leads from a status, or null when the table does not allow it. */
export function bookingNext(status: BookingStatus, action: BookingAction): BookingStatus | null {
  const actions = BOOKING_FLOW[status].actions as Partial<Record<BookingAction, BookingStatus>>;
  return actions[action] ?? null;
}

/** The steps of a service-hall matter, which staff advance and the resident follows (办理进度). */
export const HALL_STEPS = {
  booked: { text: '已预约', next: ['arrived'] },
  arrived: { text: '已到场', next: ['processing'] },
  processing: { text: '受理中', next: ['done', 'needs_material'] },
  needs_material: { text: '需补材料', next: ['processing'] },
  done: { text: '已办结', next: [] },
} as const satisfies Record<string, { text: string; next: readonly string[] }>;
export type HallStep = keyof typeof HALL_STEPS;

export function hallStepAllowed(from: HallStep, to: HallStep): boolean {
  return (HALL_STEPS[from].next as readonly string[]).includes(to);
}

/** Opening hours by ISO weekday ('1' = Monday … '7' = Sunday), each a list of HH:mm ranges. */
export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Array<{ start: string; end: string }>>>;

export interface Resource {
  id: string;
  centerId: string;
  centerName: string;
  communityId: string;
  kind: ResourceKind;
  name: string;
  description: string;
  /** People a room holds. */
  capacity: number;
  hours: WeeklyHours;
  /** Rooms: the length of one bookable slot. Hall: each window in `hours` is one slot. */
  slotMinutes: number;
  /** Hall: residents each window takes; rooms: 1. */
  windowSize: number;
  daysAhead: number;
  minNoticeMinutes: number;
  cancelCutoffMinutes: number;
  /** Bookings a resident may hold in one week; 0 = no limit. */
  weeklyQuota: number;
  requiresApproval: boolean;
  /** Hall: the documents to bring. */
  documents: string[];
  closedDates: Array<{ date: string; reason: string }>;
  active: boolean;
}

export interface Slot {
  start: Date;
  end: Date;
  size: number;
  left: number;
  bookable: boolean;
  /** Why not bookable: 已过时 / 需提前预约 / 已约满 / 已被预约 … */
  reason: string | null;
}

export interface TimelineEntry {
  step: string;
  text: string;
  note: string | null;
  at: Date;
  byName: string | null;
}

/** Staff may mark a booking 未到 only once this many minutes have passed since its start. */
export const NO_SHOW_GRACE_MINUTES = 15;

export interface Booking {
  id: string;
  resourceId: string;
  /** The community whose centre it is at: where its resource lists live. */
  communityId: string;
  resourceName: string;
  kind: ResourceKind;
  centerName: string;
  start: Date;
  end: Date;
  status: BookingStatus;
  statusText: string;
  step: HallStep | null;
  stepText: string | null;
  purpose: string;
  partySize: number;
  rejectReason: string | null;
  missingMaterials: string[];
  documents: string[];
  timeline: TimelineEntry[];
  canCancel: boolean;
  canReschedule: boolean;
  /** Staff views show who booked; residents see their own bookings only. */
  residentName: string | null;
  /** Staff views: whether a 预约结果 message can reach the resident now (null for residents). */
  notifiable: boolean | null;
}
