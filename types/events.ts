import { z } from 'zod';
import { PUBLIC, SIGNED_IN, rolesOnly } from './access';
import { defineContract } from './contract';
import { EVENT_CATEGORIES, EventDetail, EventSummary, EventTiming, MyRegistration, Registrant } from './events-model';

// The words, tables and shapes live in the zod-free model module, so the mini-program
// can use them without bundling zod; the contracts below add the schemas.
export * from './events-model';

const id = z.string().min(1, '不能为空').max(64);

export const ListEventsInput = z.object({
  when: z.enum(['upcoming', 'ongoing', 'past']).default('upcoming'),
  communityId: id.optional(),
  category: z.enum(EVENT_CATEGORIES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
});
export const listEvents = defineContract({
  name: 'events.list',
  summary: '活动列表：即将开始 / 进行中 / 已结束，按社区与类别',
  kind: 'query',
  access: PUBLIC,
  input: ListEventsInput,
}).returns<{ items: EventSummary[]; nextCursor: string | null }>();

export const GetEventInput = z.object({ id, sharer: z.string().max(64).optional(), device: z.string().max(64).optional() });
export const getEvent = defineContract({
  name: 'events.get',
  summary: '活动详情：剩余名额、候补人数与我的报名',
  kind: 'query',
  access: PUBLIC,
  input: GetEventInput,
}).returns<EventDetail>();

export const RegisterInput = z.object({
  eventId: id,
  /** The sharer id from the share card the resident came through. */
  sharer: z.string().max(64).optional(),
});
export const registerForEvent = defineContract({
  name: 'events.register',
  summary: '报名；满员时进入候补并告知位次；重复报名返回原报名',
  kind: 'command',
  access: SIGNED_IN,
  input: RegisterInput,
}).returns<MyRegistration>();

export const CancelRegistrationInput = z.object({ eventId: id });
export const cancelRegistration = defineContract({
  name: 'events.cancelRegistration',
  summary: '取消报名（截止前）；空出的名额自动给候补第一位',
  kind: 'command',
  access: SIGNED_IN,
  input: CancelRegistrationInput,
}).returns<MyRegistration>();

export const MyEventsInput = z.object({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
});
export const myEvents = defineContract({
  name: 'events.mine',
  summary: '我的活动与签到码',
  kind: 'query',
  access: SIGNED_IN,
  input: MyEventsInput,
}).returns<{ items: Array<{ event: EventSummary; registration: MyRegistration }>; nextCursor: string | null }>();

export const CheckInInput = z.object({
  code: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[A-Z0-9]{8}$/, '签到码是8位字母或数字')),
});
export const checkIn = defineContract({
  name: 'events.checkIn',
  summary: '工作人员扫码或输入签到码为居民签到',
  kind: 'command',
  access: rolesOnly('gridWorker', 'agent', 'communityAdmin', 'districtAdmin'),
  input: CheckInInput,
}).returns<{ eventTitle: string; nickname: string; checkedInAt: Date }>();

export const RegistrantsInput = z.object({ eventId: id });
export const listRegistrants = defineContract({
  name: 'events.registrants',
  summary: '本社区活动的报名与候补名单',
  kind: 'query',
  access: rolesOnly('gridWorker', 'agent', 'communityAdmin', 'districtAdmin'),
  input: RegistrantsInput,
}).returns<{ event: EventSummary; registrants: Registrant[] }>();

const EventFields = z.object({
  title: z.string().trim().min(2, '标题至少2个字').max(40, '标题最多40个字'),
  category: z.enum(EVENT_CATEGORIES, { message: '请选择活动类别' }),
  scopeId: id,
  description: z.string().trim().max(5000, '介绍最多5000字').default(''),
  organizer: z.string().trim().min(2, '请填写主办单位').max(40),
  partners: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  venue: z.string().trim().min(2, '请填写活动地点').max(80),
  startsAt: z.coerce.date({ message: '开始时间不正确' }),
  endsAt: z.coerce.date({ message: '结束时间不正确' }),
  requiresSignup: z.boolean().default(true),
  /** 0 = unlimited. */
  capacity: z.number().int().min(0, '名额不能为负').max(100_000).default(0),
  signupOpensAt: z.coerce.date().optional(),
  signupClosesAt: z.coerce.date().optional(),
  /** Residents may cancel until this many minutes before the start. */
  cancelCutoffMinutes: z.number().int().min(0).max(7 * 24 * 60).default(120),
});

export const CreateEventInput = EventFields;
export const createEvent = defineContract({
  name: 'events.create',
  summary: '新建活动（草稿）',
  kind: 'command',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: CreateEventInput,
}).returns<EventDetail>();

export const UpdateEventInput = z.object({ id }).extend(
  Object.fromEntries(Object.entries(EventFields.shape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof EventFields.shape]: z.ZodOptional<(typeof EventFields.shape)[K]>;
  },
);
export const updateEvent = defineContract({
  name: 'events.update',
  summary: '修改活动；加名额时候补自动递补',
  kind: 'command',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: UpdateEventInput,
}).returns<EventDetail>();

export const PublishEventInput = z.object({ id });
export const publishEvent = defineContract({
  name: 'events.publish',
  summary: '发布活动',
  kind: 'command',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: PublishEventInput,
}).returns<EventDetail>();

export const CancelEventInput = z.object({ id, reason: z.string().trim().min(2, '请填写取消原因').max(60) });
export const cancelEvent = defineContract({
  name: 'events.cancel',
  summary: '取消活动并通知所有报名与候补的居民',
  kind: 'command',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: CancelEventInput,
}).returns<EventDetail>();

export const DeleteDraftEventInput = z.object({ id });
/** A draft nobody has seen goes away entirely; a published event is 撤销 (events.cancel) instead. */
export const deleteDraftEvent = defineContract({
  name: 'events.deleteDraft',
  summary: '删除未发布的活动草稿',
  kind: 'command',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: DeleteDraftEventInput,
}).returns<{ deleted: true }>();

export const CloseEventInput = z.object({
  id,
  attendance: z.number().int().min(0).max(1_000_000).optional(),
  residentsServed: z.number().int().min(0, '服务人数不能为负').max(1_000_000),
});
export const closeEvent = defineContract({
  name: 'events.close',
  summary: '活动结束后记录到场人数与服务居民人数',
  kind: 'command',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: CloseEventInput,
}).returns<EventDetail>();

export const RemoveRegistrationInput = z.object({ registrationId: id });
export const removeRegistration = defineContract({
  name: 'events.removeRegistration',
  summary: '管理员移出一名报名者；候补第一位自动递补',
  kind: 'command',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: RemoveRegistrationInput,
}).returns<{ removed: boolean }>();

export const AdminListEventsInput = z.object({
  state: z.enum(['draft', 'published', 'cancelled', 'closed']).optional(),
  category: z.enum(EVENT_CATEGORIES).optional(),
  q: z.string().trim().max(40).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export const adminListEvents = defineContract({
  name: 'events.adminList',
  summary: '后台活动列表：管辖范围内全部状态的活动（含草稿）',
  kind: 'query',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: AdminListEventsInput,
}).returns<{ items: Array<EventSummary & { state: EventTiming['state']; confirmedCount: number }>; total: number }>();

export const eventsContracts = [
  deleteDraftEvent,
  adminListEvents,
  listEvents,
  getEvent,
  registerForEvent,
  cancelRegistration,
  myEvents,
  checkIn,
  listRegistrants,
  createEvent,
  updateEvent,
  publishEvent,
  cancelEvent,
  closeEvent,
  removeRegistration,
] as const;
