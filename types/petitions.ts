import { z } from 'zod';
import { SIGNED_IN, rolesOnly } from './access';
import { defineContract } from './contract';
import { PETITION_CATEGORIES, PETITION_KINDS, PetitionDetail, PetitionSummary } from './petitions-model';

// The words, tables and shapes live in the zod-free model module, so the mini-program
// can use them without bundling zod; the contracts below add the schemas.
export * from './petitions-model';

const id = z.string().min(1, '不能为空').max(64);
const phone = z.string().trim().regex(/^1\d{10}$/, '请填写11位手机号');
// A point from the map picker, or, when the resident refused location, a place typed in words.
const Location = z
  .object({
    latitude: z.number().min(-90).max(90).nullable(),
    longitude: z.number().min(-180).max(180).nullable(),
    address: z.string().trim().max(120, '地点最多120个字').default(''),
  })
  .refine((l) => (l.latitude === null) === (l.longitude === null), { message: '地点的经纬度不完整', path: ['latitude'] })
  .refine((l) => l.latitude !== null || l.address.length > 0, { message: '请写明地点', path: ['address'] });

export const SubmitPetitionInput = z.object({
  kind: z.enum(PETITION_KINDS),
  category: z.enum(PETITION_CATEGORIES, { message: '请选择类别' }),
  title: z.string().trim().min(4, '标题至少4个字').max(40, '标题最多40个字'),
  description: z.string().trim().min(10, '请把情况写清楚，至少10个字').max(2000, '最多2000字'),
  /** File ids from `POST /api/uploads`. */
  photoIds: z.array(id).max(9, '最多上传9张照片').default([]),
  location: Location.nullable().default(null),
  contactPhone: phone,
  /** Required for 信访代办. */
  idNumber: z.string().trim().max(18).optional(),
  anonymous: z.boolean().default(false),
  /** Defaults to the resident's home community. */
  communityId: id.optional(),
});
export const submitPetition = defineContract({
  name: 'petitions.submit',
  summary: '提交信访代办或诉求；按社区分派给当天值班代办员',
  kind: 'command',
  access: SIGNED_IN,
  input: SubmitPetitionInput,
}).returns<PetitionDetail>();

/** Newest first; the next page starts after the last item shown (its submittedAt and id). */
export const MyPetitionsInput = z.object({
  before: z.object({ submittedAt: z.coerce.date(), id }).optional(),
  limit: z.number().int().min(1).max(200).default(200),
});
export const myPetitions = defineContract({
  name: 'petitions.mine',
  summary: '我提交的事项与办理人',
  kind: 'query',
  access: SIGNED_IN,
  input: MyPetitionsInput,
}).returns<PetitionSummary[]>();

export const GetPetitionInput = z.object({ id });
export const getPetition = defineContract({
  name: 'petitions.get',
  summary: '事项详情与时间线（仅提交人、承办代办员与本社区管理员可见）',
  kind: 'query',
  access: SIGNED_IN,
  input: GetPetitionInput,
}).returns<PetitionDetail>();

export const ConfirmInput = z.object({
  id,
  stars: z.number().int().min(1, '请打1到5星').max(5, '请打1到5星'),
  comment: z.string().trim().max(200).default(''),
});
export const confirmPetition = defineContract({
  name: 'petitions.confirm',
  summary: '居民确认问题已解决并评价',
  kind: 'command',
  access: SIGNED_IN,
  input: ConfirmInput,
}).returns<PetitionDetail>();

export const ReopenInput = z.object({ id, reason: z.string().trim().min(2, '请说明还有什么问题').max(500) });
export const reopenPetition = defineContract({
  name: 'petitions.reopen',
  summary: '居民认为没有解决，7天内可重新打开一次',
  kind: 'command',
  access: SIGNED_IN,
  input: ReopenInput,
}).returns<PetitionDetail>();

const STAFF = rolesOnly('agent', 'communityAdmin', 'districtAdmin');
const ADMINS = rolesOnly('communityAdmin', 'districtAdmin');

export const InboxInput = z.object({ status: z.enum(['open', 'all']).default('open') });
export const petitionInbox = defineContract({
  name: 'petitions.inbox',
  summary: '代办员与管理员的待办事项，超期在前',
  kind: 'query',
  access: STAFF,
  input: InboxInput,
}).returns<PetitionSummary[]>();

export const PetitionIdInput = z.object({ id });
export const acceptPetition = defineContract({
  name: 'petitions.accept',
  summary: '代办员以本人名义受理',
  kind: 'command',
  access: rolesOnly('agent'),
  input: PetitionIdInput,
}).returns<PetitionDetail>();

export const NoteInput = z.object({ id, note: z.string().trim().min(2, '请写下进展').max(500) });
export const notePetition = defineContract({
  name: 'petitions.note',
  summary: '记录办理进展（居民可见）',
  kind: 'command',
  access: rolesOnly('agent'),
  input: NoteInput,
}).returns<PetitionDetail>();

export const ResolveInput = z.object({ id, resolution: z.string().trim().min(4, '请写明办理结果').max(1000) });
export const resolvePetition = defineContract({
  name: 'petitions.resolve',
  summary: '办结并写明结果；居民会收到“问题解决了吗？”',
  kind: 'command',
  access: rolesOnly('agent'),
  input: ResolveInput,
}).returns<PetitionDetail>();

export const TransferInput = z.object({ id, to: z.string().trim().min(2, '请写明转交的社区或单位').max(60), reason: z.string().trim().min(2, '请写明转办原因').max(300) });
export const transferPetition = defineContract({
  name: 'petitions.transfer',
  summary: '转交其他社区或单位办理（本社区结束）',
  kind: 'command',
  access: STAFF,
  input: TransferInput,
}).returns<PetitionDetail>();

export const DeclineInput = z.object({ id, reason: z.string().trim().min(2, '请写明不予受理的原因').max(300) });
export const declinePetition = defineContract({
  name: 'petitions.decline',
  summary: '不予受理并说明原因',
  kind: 'command',
  access: STAFF,
  input: DeclineInput,
}).returns<PetitionDetail>();

export const FileOnBehalfInput = SubmitPetitionInput.omit({ anonymous: true, communityId: true }).extend({
  residentName: z.string().trim().min(1, '请填写居民姓名').max(20),
  communityId: id,
});
export const fileOnBehalf = defineContract({
  name: 'petitions.fileOnBehalf',
  summary: '工作人员为没有智能手机的居民代为登记（凭手机号可认领）',
  kind: 'command',
  access: rolesOnly('gridWorker', 'agent', 'communityAdmin', 'districtAdmin'),
  input: FileOnBehalfInput,
}).returns<PetitionDetail>();

export const AssignInput = z.object({ id, agentId: id });
export const assignPetition = defineContract({
  name: 'petitions.assign',
  summary: '管理员把事项分派给本社区的代办员',
  kind: 'command',
  access: ADMINS,
  input: AssignInput,
}).returns<PetitionDetail>();

export const RosterInput = z.object({ communityId: id });
export type Roster = { communityId: string; days: Array<{ weekday: string; agentId: string; agentName: string }>; agents: Array<{ id: string; name: string }> };
/** Reading the duty roster changes nothing (so it is not audited as a write). */
export const petitionRoster = defineContract({
  name: 'petitions.roster',
  summary: '代办员值班表：查看',
  kind: 'query',
  access: ADMINS,
  input: RosterInput,
}).returns<Roster>();

export const SetRosterInput = z.object({
  communityId: id,
  /** Replaces the roster: the agent on duty for each ISO weekday ('1' = Monday). */
  set: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), id),
});
export const setPetitionRoster = defineContract({
  name: 'petitions.setRoster',
  summary: '代办员值班表：设置',
  kind: 'command',
  access: ADMINS,
  input: SetRosterInput,
}).returns<Roster>();

export const OverdueInput = z.object({ communityId: id.optional() });
export const overduePetitions = defineContract({
  name: 'petitions.overdue',
  summary: '超期未受理或未办结的事项',
  kind: 'query',
  access: ADMINS,
  input: OverdueInput,
}).returns<PetitionSummary[]>();

export const petitionsContracts = [
  submitPetition,
  myPetitions,
  getPetition,
  confirmPetition,
  reopenPetition,
  petitionInbox,
  acceptPetition,
  notePetition,
  resolvePetition,
  transferPetition,
  declinePetition,
  fileOnBehalf,
  assignPetition,
  petitionRoster,
  setPetitionRoster,
  overduePetitions,
] as const;
