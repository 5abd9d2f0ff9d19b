import { z } from 'zod';
import { SIGNED_IN, rolesOnly } from './access';
import { defineContract } from './contract';
import type { PetitionDetail } from './petitions-model';
import {
  FEEDBACK_KINDS,
  type CommunityTotals,
  type FeedbackItem,
  type GridRoster,
  type HouseholdDetail,
  type HouseholdSummary,
  type ImportReport,
  type MyReach,
  type NearbyReport,
  type PreparedCard,
  type VisitView,
  type Workbench,
} from './grid-model';

export * from './grid-model';

const id = z.string().min(1, '不能为空').max(64);
const phone = z.string().trim().regex(/^1\d{10}$/, '请填写11位手机号');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择日期');
const targetKind = z.enum(['event', 'article', 'honor']);
const STAFF = rolesOnly('gridWorker', 'agent', 'communityAdmin', 'districtAdmin');
const WORKERS = rolesOnly('gridWorker');
const ADMINS = rolesOnly('communityAdmin', 'districtAdmin');

export const workbench = defineContract({
  name: 'grid.workbench',
  summary: '工作台：本人的网格与可用工具（居民不可见）',
  kind: 'query',
  access: STAFF,
  input: z.object({}),
}).returns<Workbench>();

export const PrepareCardInput = z.object({ targetKind, targetId: id });
export const prepareCard = defineContract({
  name: 'shares.prepareCard',
  summary: '分享前准备卡片：5:4 卡片图、带分享人的路径、活动的动态消息 ID',
  kind: 'command',
  access: SIGNED_IN,
  input: PrepareCardInput,
}).returns<PreparedCard>();

export const sharePoster = defineContract({
  name: 'shares.poster',
  summary: '带小程序码的海报（打印或发朋友圈）',
  kind: 'query',
  access: SIGNED_IN,
  input: PrepareCardInput,
}).returns<{ image: string }>();

export const EnterGroupInput = z.object({
  targetKind,
  targetId: id,
  sharer: id,
  /** A fresh wx.login code: its session_key decrypts the data and is then forgotten. */
  code: z.string().min(1).max(128),
  encryptedData: z.string().min(1).max(4096),
  iv: z.string().min(1).max(64),
});
export const enterFromGroup = defineContract({
  name: 'shares.enterGroup',
  summary: '从群聊打开分享卡片：解密群标识，记到分享人、卡片与群',
  kind: 'command',
  access: SIGNED_IN,
  input: EnterGroupInput,
}).returns<{ counted: boolean }>();

export const myReach = defineContract({
  name: 'shares.reach',
  summary: '我的传播：每次分享、每个群带来了什么（仅本人可见，不排名）',
  kind: 'query',
  access: SIGNED_IN,
  // Strict: there is no way to name another person, and trying is an error, not ignored.
  input: z.object({}).strict(),
}).returns<MyReach>();

export const LabelGroupInput = z.object({ opengid: z.string().min(1).max(128), label: z.string().trim().max(20, '群备注最多20个字') });
export const labelGroup = defineContract({
  name: 'shares.labelGroup',
  summary: '给自己分享到的群起个备注（仅本人可见）',
  kind: 'command',
  access: SIGNED_IN,
  input: LabelGroupInput,
}).returns<{ opengid: string; label: string | null }>();

export const TotalsInput = z.object({ communityId: id });
export const communityTotals = defineContract({
  name: 'grid.totals',
  summary: '社区的传播与走访合计（不按人统计，不排名）',
  kind: 'query',
  access: ADMINS,
  input: TotalsInput,
}).returns<CommunityTotals>();

export const HouseholdsInput = z.object({ gridId: id, query: z.string().trim().max(30).default('') });
export const listHouseholds = defineContract({
  name: 'grid.households',
  summary: '网格住户（脱敏）',
  kind: 'query',
  access: rolesOnly('gridWorker', 'communityAdmin', 'districtAdmin'),
  input: HouseholdsInput,
}).returns<HouseholdSummary[]>();

export const household = defineContract({
  name: 'grid.household',
  summary: '住户完整信息（仅本网格的网格员，每次查看都记录）',
  kind: 'query',
  access: WORKERS,
  input: z.object({ id }),
}).returns<HouseholdDetail>();

export const LogVisitInput = z
  .object({
    householdId: id.optional(),
    /** A household not on the list yet: typed once, then it is on the list. */
    newHousehold: z
      .object({
        gridId: id,
        address: z.string().trim().min(2, '请填写地址').max(60),
        headName: z.string().trim().min(1, '请填写户主姓名').max(20),
        phone: phone.optional(),
      })
      .optional(),
    visitedOn: day,
    raised: z.string().trim().min(2, '请写下居民反映的情况').max(500, '最多500字'),
    followUp: z.boolean().default(false),
  })
  .refine((v) => Boolean(v.householdId) !== Boolean(v.newHousehold), { message: '请选择住户，或填写新住户', path: ['householdId'] });
export const logVisit = defineContract({
  name: 'grid.logVisit',
  summary: '走访登记（无需照片、定位，不设数量要求）',
  kind: 'command',
  access: WORKERS,
  input: LogVisitInput,
}).returns<VisitView>();

export const VisitsInput = z.object({ gridId: id.optional() });
export const listVisits = defineContract({
  name: 'grid.visits',
  summary: '本人网格的走访记录（脱敏）',
  kind: 'query',
  access: WORKERS,
  input: VisitsInput,
}).returns<VisitView[]>();

export const VisitToPetitionInput = z.object({
  visitId: id,
  category: z.enum(['道路设施', '劳动保障/欠薪', '养老助老', '环境卫生', '邻里纠纷', '其他']).default('其他'),
  /** Needed when the household has no phone on file. */
  contactPhone: phone.optional(),
});
export const visitToPetition = defineContract({
  name: 'grid.visitToPetition',
  summary: '把需跟进的走访一键转为代居民登记的诉求',
  kind: 'command',
  access: WORKERS,
  input: VisitToPetitionInput,
}).returns<PetitionDetail>();

const Place = z.object({
  address: z.string().trim().min(2, '请填写地点').max(120),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});
export const NearbyInput = z.object({ place: Place, communityId: id.optional() });
export const nearbyReports = defineContract({
  name: 'grid.nearbyReports',
  summary: '提交随手拍前：100米内、7天内的同类上报',
  kind: 'query',
  access: SIGNED_IN,
  input: NearbyInput,
}).returns<NearbyReport[]>();

export const ReportInput = z.object({
  title: z.string().trim().min(4, '标题至少4个字').max(40, '标题最多40个字'),
  description: z.string().trim().min(10, '请把情况写清楚，至少10个字').max(2000),
  photoIds: z.array(id).max(9, '最多上传9张照片').default([]),
  place: Place,
  contactPhone: phone,
  communityId: id.optional(),
  /** Set after the reporter saw the nearby reports and still files it. */
  notDuplicate: z.boolean().default(false),
});
export const submitReport = defineContract({
  name: 'grid.report',
  summary: '随手拍：隐患或问题，进入诉求办理（类别“网格上报”）',
  kind: 'command',
  access: SIGNED_IN,
  input: ReportInput,
}).returns<PetitionDetail>();

export const FeedbackInput = z.object({
  kind: z.enum(FEEDBACK_KINDS),
  body: z.string().trim().min(5, '请写清楚，至少5个字').max(1000, '最多1000字'),
});
export const sendFeedback = defineContract({
  name: 'grid.feedback',
  summary: '投诉建议：对本小程序的意见，交区级管理员',
  kind: 'command',
  access: SIGNED_IN,
  input: FeedbackInput,
}).returns<{ id: string }>();

export const feedbackList = defineContract({
  name: 'grid.feedbackList',
  summary: '投诉建议列表（区级管理员）',
  kind: 'query',
  access: rolesOnly('districtAdmin'),
  input: z.object({}),
}).returns<FeedbackItem[]>();

export const RosterInput = z.object({ communityId: id });
export const gridRoster = defineContract({
  name: 'grid.roster',
  summary: '各网格的网格员与住户数',
  kind: 'query',
  access: ADMINS,
  input: RosterInput,
}).returns<GridRoster>();

export const AssignInput = z.object({ gridId: id, userId: id, assigned: z.boolean() });
export const assignGrid = defineContract({
  name: 'grid.assign',
  summary: '把网格员分到网格，或取消',
  kind: 'command',
  access: ADMINS,
  input: AssignInput,
}).returns<GridRoster>();

export const ImportInput = z.object({
  communityId: id,
  /** The .xlsx file, base64. */
  file: z.string().min(1).max(8_000_000, '文件太大，请分批导入'),
  dryRun: z.boolean().default(true),
});
export const importHouseholds = defineContract({
  name: 'grid.importHouseholds',
  summary: '从 Excel 导入网格住户（先试导入，看报告后再正式导入）',
  kind: 'command',
  access: ADMINS,
  input: ImportInput,
}).returns<ImportReport>();

export const gridContracts = [
  workbench,
  prepareCard,
  sharePoster,
  enterFromGroup,
  myReach,
  labelGroup,
  communityTotals,
  listHouseholds,
  household,
  logVisit,
  listVisits,
  visitToPetition,
  nearbyReports,
  submitReport,
  sendFeedback,
  feedbackList,
  gridRoster,
  assignGrid,
  importHouseholds,
] as const;
