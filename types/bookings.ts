import { z } from 'zod';
import { PUBLIC, SIGNED_IN, rolesOnly } from './access';
import { defineContract } from './contract';
import { Booking, HALL_STEPS, HallStep, RESOURCE_KINDS, Resource, Slot } from './bookings-model';

// The words, tables and shapes live in the zod-free model module, so the mini-program
// can use them without bundling zod; the contracts below add the schemas.
export * from './bookings-model';

const id = z.string().min(1, '不能为空').max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');

export const ListResourcesInput = z.object({ communityId: id, kind: z.enum(RESOURCE_KINDS).optional() });
export const listResources = defineContract({
  name: 'bookings.resources',
  summary: '社区党群服务中心的功能室与便民服务大厅事项',
  kind: 'query',
  access: PUBLIC,
  input: ListResourcesInput,
}).returns<Resource[]>();

export const AvailabilityInput = z.object({ resourceId: id, date: day });
export const availability = defineContract({
  name: 'bookings.availability',
  summary: '某一天的全部时段与剩余名额（北京时间）',
  kind: 'query',
  access: PUBLIC,
  input: AvailabilityInput,
}).returns<{ date: string; closedReason: string | null; slots: Slot[] }>();

export const FreeDaysInput = z.object({ resourceId: id });
/** Each day a resident may pick (today … the resource's horizon): how many slots it has and how many are still free. */
export const freeDays = defineContract({
  name: 'bookings.freeDays',
  summary: '今天起可预约的每一天还剩几个空闲时段',
  kind: 'query',
  access: PUBLIC,
  input: FreeDaysInput,
}).returns<{ days: Array<{ date: string; closedReason: string | null; slots: number; free: number }> }>();

export const CreateBookingInput = z.object({
  resourceId: id,
  start: z.coerce.date({ message: '请选择时段' }),
  purpose: z.string().trim().max(100, '用途最多100字').default(''),
  partySize: z.number().int().min(1, '人数至少1人').max(500).default(1),
});
export const createBooking = defineContract({
  name: 'bookings.create',
  summary: '预约功能室时段或大厅办事时段',
  kind: 'command',
  access: SIGNED_IN,
  input: CreateBookingInput,
}).returns<Booking>();

export const CancelBookingInput = z.object({ id });
export const cancelBooking = defineContract({
  name: 'bookings.cancel',
  summary: '取消预约，时段立即释放',
  kind: 'command',
  access: SIGNED_IN,
  input: CancelBookingInput,
}).returns<Booking>();

export const RescheduleInput = z.object({ id, start: z.coerce.date({ message: '请选择新的时段' }) });
export const rescheduleBooking = defineContract({
  name: 'bookings.reschedule',
  summary: '改约到另一个时段（原时段与新时段在同一事务中交换）',
  kind: 'command',
  access: SIGNED_IN,
  input: RescheduleInput,
}).returns<Booking>();

export const MyBookingsInput = z.object({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
export const myBookings = defineContract({
  name: 'bookings.mine',
  summary: '我的预约、办理进度，以及是否被暂停预约',
  kind: 'query',
  access: SIGNED_IN,
  input: MyBookingsInput,
}).returns<{ bookings: Booking[]; suspendedUntil: Date | null; nextCursor: string | null }>();

const STAFF = rolesOnly('gridWorker', 'agent', 'communityAdmin', 'districtAdmin');
const ADMINS = rolesOnly('communityAdmin', 'districtAdmin');

export const TodayInput = z.object({ communityId: id.optional(), date: day.optional() });
export const todayBookings = defineContract({
  name: 'bookings.today',
  summary: '工作人员：本社区当天的预约',
  kind: 'query',
  access: STAFF,
  input: TodayInput,
}).returns<Booking[]>();

export const BookingIdInput = z.object({ id });
export const checkInBooking = defineContract({
  name: 'bookings.checkIn',
  summary: '工作人员登记到场',
  kind: 'command',
  access: STAFF,
  input: BookingIdInput,
}).returns<Booking>();

export const markNoShow = defineContract({
  name: 'bookings.markNoShow',
  summary: '开始15分钟后仍未到场，记为未到；30天内3次暂停功能室预约14天',
  kind: 'command',
  access: STAFF,
  input: BookingIdInput,
}).returns<Booking>();

export const AdvanceInput = z.object({
  id,
  to: z.enum(Object.keys(HALL_STEPS) as [HallStep, ...HallStep[]]),
  note: z.string().trim().max(200).optional(),
  missingMaterials: z.array(z.string().trim().min(1).max(40)).max(10).optional(),
});
export const advanceBooking = defineContract({
  name: 'bookings.advance',
  summary: '推进大厅事项的办理步骤，并通知居民',
  kind: 'command',
  access: STAFF,
  input: AdvanceInput,
}).returns<Booking>();

export const approveBooking = defineContract({
  name: 'bookings.approve',
  summary: '通过待审核的预约',
  kind: 'command',
  access: ADMINS,
  input: BookingIdInput,
}).returns<Booking>();

export const RejectInput = z.object({ id, reason: z.string().trim().min(2, '请填写不通过的原因').max(100) });
export const rejectBooking = defineContract({
  name: 'bookings.reject',
  summary: '不通过预约并说明原因，时段释放',
  kind: 'command',
  access: ADMINS,
  input: RejectInput,
}).returns<Booking>();

export const PendingInput = z.object({ communityId: id.optional() });
export const pendingBookings = defineContract({
  name: 'bookings.pending',
  summary: '待审核的预约',
  kind: 'query',
  access: ADMINS,
  input: PendingInput,
}).returns<Booking[]>();

const Range = z.object({ start: hhmm, end: hhmm });
export const SaveResourceInput = z.object({
  id: id.optional(),
  centerId: id,
  kind: z.enum(RESOURCE_KINDS),
  name: z.string().trim().min(2, '名称至少2个字').max(30),
  description: z.string().trim().max(500).default(''),
  capacity: z.number().int().min(1).max(2000).default(1),
  hours: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(Range).max(48, '一天最多48个开放时段')),
  slotMinutes: z.number().int().min(15).max(480).default(60),
  windowSize: z.number().int().min(1).max(200).default(1),
  daysAhead: z.number().int().min(1).max(90).default(14),
  minNoticeMinutes: z.number().int().min(0).max(7 * 24 * 60).default(60),
  cancelCutoffMinutes: z.number().int().min(0).max(7 * 24 * 60).default(60),
  weeklyQuota: z.number().int().min(0).max(50).default(0),
  requiresApproval: z.boolean().default(false),
  documents: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  active: z.boolean().default(true),
});
export const saveResource = defineContract({
  name: 'bookings.saveResource',
  summary: '新建或修改功能室、大厅事项（开放时间、容量、规则）',
  kind: 'command',
  access: ADMINS,
  input: SaveResourceInput,
}).returns<Resource>();

export const CloseDatesInput = z.object({
  resourceId: id,
  close: z.array(z.object({ date: day, reason: z.string().trim().min(2, '请填写暂停原因').max(40) })).max(60).default([]),
  reopen: z.array(day).max(60).default([]),
});
export const closeDates = defineContract({
  name: 'bookings.closeDates',
  summary: '设置暂停开放的日期（已有预约自动取消并通知），或恢复开放',
  kind: 'command',
  access: ADMINS,
  input: CloseDatesInput,
}).returns<Resource>();

export const AdminListResourcesInput = z.object({ communityId: id.optional() });
export const adminListResources = defineContract({
  name: 'bookings.adminResources',
  summary: '后台：管辖范围内的服务中心及其全部功能室与大厅事项（含停用的）',
  kind: 'query',
  access: ADMINS,
  input: AdminListResourcesInput,
}).returns<Array<{ centerId: string; centerName: string; communityId: string; resources: Resource[] }>>();

export const bookingsContracts = [
  adminListResources,
  listResources,
  availability,
  freeDays,
  createBooking,
  cancelBooking,
  rescheduleBooking,
  myBookings,
  todayBookings,
  checkInBooking,
  markNoShow,
  advanceBooking,
  approveBooking,
  rejectBooking,
  pendingBookings,
  saveResource,
  closeDates,
] as const;
