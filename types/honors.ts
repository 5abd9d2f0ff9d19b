import { z } from 'zod';
import { PUBLIC, SIGNED_IN, rolesOnly } from './access';
import { defineContract } from './contract';
import { HonorEntry, HonorEntrySummary, HonorListSummary, Nomination, THANKS_TARGETS, ThanksPost } from './honors-model';

// The words, tables and shapes live in the zod-free model module, so the mini-program
// can use them without bundling zod; the contracts below add the schemas.
export * from './honors-model';

const id = z.string().min(1, '不能为空').max(64);

export const ListHonorListsInput = z.object({ year: z.number().int().min(2000).max(2100).optional(), communityId: id.optional() });
export const listHonorLists = defineContract({
  name: 'honors.lists',
  summary: '光荣榜：各年度、各社区与全区的榜单',
  kind: 'query',
  access: PUBLIC,
  input: ListHonorListsInput,
}).returns<HonorListSummary[]>();

export const GetHonorListInput = z.object({ id });
export const getHonorList = defineContract({
  name: 'honors.list',
  summary: '一个榜单及其按类别排列的人物',
  kind: 'query',
  access: PUBLIC,
  input: GetHonorListInput,
}).returns<{ list: HonorListSummary; byCategory: Array<{ category: string; entries: HonorEntrySummary[] }> }>();

export const GetHonorEntryInput = z.object({ id, sharer: z.string().max(64).optional(), device: z.string().max(64).optional() });
export const getHonorEntry = defineContract({
  name: 'honors.entry',
  summary: '光荣榜人物的事迹',
  kind: 'query',
  access: PUBLIC,
  input: GetHonorEntryInput,
}).returns<HonorEntry>();

export const LikeInput = z.object({ id });
export const likeHonorEntry = defineContract({
  name: 'honors.like',
  summary: '为光荣榜人物点赞（每人一次）',
  kind: 'command',
  access: SIGNED_IN,
  input: LikeInput,
}).returns<{ likes: number; likedByMe: true }>();

export const PosterCodeInput = z.object({ id });
export const honorPosterCode = defineContract({
  name: 'honors.posterCode',
  summary: '海报用的小程序码（PNG data URL）',
  kind: 'query',
  access: PUBLIC,
  input: PosterCodeInput,
}).returns<{ image: string }>();

export const NominateInput = z.object({
  communityId: id.optional(),
  nomineeName: z.string().trim().min(1, '请填写被推荐人的姓名').max(20),
  category: z.string().trim().min(2, '请选择类别').max(20),
  reason: z.string().trim().min(10, '请写写推荐理由，至少10个字').max(1000),
});
export const nominate = defineContract({
  name: 'honors.nominate',
  summary: '推荐身边的好人进入明年的光荣榜',
  kind: 'command',
  access: SIGNED_IN,
  input: NominateInput,
}).returns<Nomination>();

export const MyNominationsInput = z.object({});
export const myNominations = defineContract({
  name: 'honors.myNominations',
  summary: '我推荐的人与审核结果',
  kind: 'query',
  access: SIGNED_IN,
  input: MyNominationsInput,
}).returns<Nomination[]>();

export const ThanksListInput = z.object({ communityId: id.optional(), cursor: z.string().max(200).optional(), limit: z.number().int().min(1).max(50).default(20) });
export const listThanks = defineContract({
  name: 'thanks.list',
  summary: '感谢墙：审核通过的感谢与锦旗',
  kind: 'query',
  access: PUBLIC,
  input: ThanksListInput,
}).returns<{ items: ThanksPost[]; nextCursor: string | null }>();

export const PostThanksInput = z.object({
  targetKind: z.enum(THANKS_TARGETS),
  /** For a staff member: their user id (from a list of the community's staff). */
  targetUserId: id.optional(),
  /** For a unit or volunteer: the name. */
  targetName: z.string().trim().min(2, '请写明要感谢的单位或人').max(30).optional(),
  communityId: id.optional(),
  text: z.string().trim().min(4, '感谢的话至少4个字').max(500),
  photoId: id.optional(),
});
export const postThanks = defineContract({
  name: 'thanks.post',
  summary: '发一条感谢（可附锦旗照片），审核后上墙',
  kind: 'command',
  access: SIGNED_IN,
  input: PostThanksInput,
}).returns<ThanksPost>();

export const ReportThanksInput = z.object({ id, reason: z.string().trim().min(2, '请说明举报原因').max(200) });
export const reportThanks = defineContract({
  name: 'thanks.report',
  summary: '举报一条感谢；3人举报后暂时隐藏待复核',
  kind: 'command',
  access: SIGNED_IN,
  input: ReportThanksInput,
}).returns<{ reported: true }>();

export const ThanksMineInput = z.object({ cursor: z.string().max(200).optional(), limit: z.number().int().min(1).max(50).default(20) });
export const thanksReceived = defineContract({
  name: 'thanks.mine',
  summary: '工作人员：我收到的感谢',
  kind: 'query',
  access: rolesOnly('gridWorker', 'agent', 'communityAdmin', 'districtAdmin'),
  input: ThanksMineInput,
}).returns<{ items: ThanksPost[]; nextCursor: string | null }>();

export const StaffToThankInput = z.object({ communityId: id });
export const staffToThank = defineContract({
  name: 'thanks.staff',
  summary: '可以感谢的社区工作人员（姓名与岗位）',
  kind: 'query',
  access: PUBLIC,
  input: StaffToThankInput,
}).returns<Array<{ userId: string; name: string; role: string }>>();

const ADMINS = rolesOnly('communityAdmin', 'districtAdmin');

export const SaveListInput = z.object({
  id: id.optional(),
  year: z.number().int().min(2000).max(2100),
  scopeId: id,
  title: z.string().trim().min(4, '标题至少4个字').max(40),
  categories: z.array(z.string().trim().min(2).max(20)).min(1, '至少一个类别').max(20),
});
export const saveHonorList = defineContract({
  name: 'honors.saveList',
  summary: '新建或修改榜单',
  kind: 'command',
  access: ADMINS,
  input: SaveListInput,
}).returns<HonorListSummary>();

export const SaveEntryInput = z.object({
  id: id.optional(),
  listId: id,
  name: z.string().trim().min(1, '请填写姓名').max(20),
  category: z.string().trim().min(2).max(20),
  communityId: id,
  photoId: id.nullable().optional(),
  storyHtml: z.string().min(1, '请填写事迹').max(50_000),
  sort: z.number().int().min(0).max(10_000).default(0),
});
export const saveHonorEntry = defineContract({
  name: 'honors.saveEntry',
  summary: '新建或修改榜单人物',
  kind: 'command',
  access: ADMINS,
  input: SaveEntryInput,
}).returns<HonorEntry>();

export const PublishListInput = z.object({ id, published: z.boolean() });
export const publishHonorList = defineContract({
  name: 'honors.publish',
  summary: '发布或撤下榜单',
  kind: 'command',
  access: ADMINS,
  input: PublishListInput,
}).returns<HonorListSummary>();

export const NominationsInput = z.object({ status: z.enum(['pending', 'accepted', 'declined']).default('pending') });
export const listNominations = defineContract({
  name: 'honors.nominations',
  summary: '管辖范围内的推荐',
  kind: 'query',
  access: ADMINS,
  input: NominationsInput,
}).returns<Nomination[]>();

export const ReviewNominationInput = z.object({
  id,
  decision: z.enum(['accept', 'decline']),
  /** accept: the list the nominee joins (an entry is created from the reason). */
  listId: id.optional(),
  reason: z.string().trim().max(200).optional(),
});
export const reviewNomination = defineContract({
  name: 'honors.reviewNomination',
  summary: '审核推荐：入选某个榜单，或说明理由不入选',
  kind: 'command',
  access: ADMINS,
  input: ReviewNominationInput,
}).returns<Nomination>();

/** reported: still shown, reported by someone, waiting for staff to look (cloud/honors/report-thanks.ts). */
export const ThanksQueueInput = z.object({ status: z.enum(['pending', 'hidden', 'reported']).default('pending') });
export const thanksQueue = defineContract({
  name: 'thanks.queue',
  summary: '待审核与被举报隐藏的感谢',
  kind: 'query',
  access: ADMINS,
  input: ThanksQueueInput,
}).returns<ThanksPost[]>();

export const ReviewThanksInput = z.object({ id, decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(200).optional() });
export const reviewThanks = defineContract({
  name: 'thanks.review',
  summary: '审核感谢：上墙或不通过',
  kind: 'command',
  access: ADMINS,
  input: ReviewThanksInput,
}).returns<ThanksPost>();

export const AdminListHonorListsInput = z.object({});
export const adminListHonorLists = defineContract({
  name: 'honors.adminList',
  summary: '后台榜单列表：管辖范围内已发布与未发布的榜单',
  kind: 'query',
  access: ADMINS,
  input: AdminListHonorListsInput,
}).returns<HonorListSummary[]>();

export const honorsContracts = [
  adminListHonorLists,
  listHonorLists,
  getHonorList,
  getHonorEntry,
  likeHonorEntry,
  honorPosterCode,
  nominate,
  myNominations,
  listThanks,
  postThanks,
  reportThanks,
  thanksReceived,
  staffToThank,
  saveHonorList,
  saveHonorEntry,
  publishHonorList,
  listNominations,
  reviewNomination,
  thanksQueue,
  reviewThanks,
] as const;
