import { z } from 'zod';
import { rolesOnly } from './access';
import { defineContract } from './contract';

export interface AuditItem {
  id: string;
  actorName: string | null;
  action: string;
  targetKind: string;
  targetId: string | null;
  scope: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  detail: unknown;
  at: Date;
  /** The object by its title (活动“重阳节义诊”), when it still exists. */
  targetTitle: string | null;
  /** The communities (or 全区) the actor administers, by name. */
  scopeNames: string[];
  /** Why it was refused or failed, in the words the admin saw. */
  errorText: string | null;
}

export const AuditListInput = z.object({
  action: z.string().max(60).optional(),
  outcome: z.enum(['ok', 'denied', 'failed']).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const listAudit = defineContract({
  name: 'audit.list',
  summary: '审计日志（只读）：管理员的每次写操作、导出与查看完整证件号/手机号',
  kind: 'query',
  access: rolesOnly('districtAdmin'),
  input: AuditListInput,
}).returns<{ items: AuditItem[]; nextCursor: string | null }>();

export interface CommunityStats {
  communityId: string;
  communityName: string;
  events: { held: number; attendance: number; residentsServed: number; cancelled: number };
  bookings: { total: number; rooms: number; hall: number; roomHours: number; noShows: number; pending: number };
  petitions: {
    received: number;
    acceptedOnTime: number;
    resolved: number;
    overdue: number;
    /** Hours from submission to resolution, on average; null when none resolved. */
    avgHoursToResolve: number | null;
    rated: number;
    satisfied: number;
    /** 响应率: accepted within the deadline / received. */
    responseRate: number | null;
    /** 解决率: resolved or closed / received. */
    resolutionRate: number | null;
    /** 满意率: rated 4 or 5 / rated. */
    satisfactionRate: number | null;
  };
  pledges: number;
}

export interface DashboardStats {
  from: Date;
  to: Date;
  total: CommunityStats;
  communities: CommunityStats[];
  /** Per day (Shanghai): petitions received and resolved, events held. */
  daily: Array<{ day: string; petitionsReceived: number; petitionsResolved: number; eventsHeld: number; bookings: number }>;
}

export const DashboardInput = z.object({
  communityId: z.string().max(64).optional(),
  from: z.coerce.date({ message: '开始日期不正确' }),
  to: z.coerce.date({ message: '结束日期不正确' }),
});
export const dashboardStats = defineContract({
  name: 'dashboard.stats',
  summary: '社区与全区的数据看板：活动、预约、诉求（响应率、解决率、满意率）、倡议承诺',
  kind: 'query',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: DashboardInput,
}).returns<DashboardStats>();

export const REPORTS = ['petitions', 'events', 'bookings', 'dashboard'] as const;
export type ReportName = (typeof REPORTS)[number];
export const REPORT_TITLES: Record<ReportName, string> = {
  petitions: '诉求办理明细',
  events: '活动与服务人数',
  bookings: '预约明细',
  dashboard: '数据看板汇总',
};

export const ExportInput = z.object({
  report: z.enum(REPORTS),
  communityId: z.string().max(64).optional(),
  from: z.coerce.date({ message: '开始日期不正确' }),
  to: z.coerce.date({ message: '结束日期不正确' }),
});
export const exportReport = defineContract({
  name: 'reports.export',
  summary: '导出 Excel 报表（按管辖范围），每次导出记入审计日志',
  kind: 'query',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: ExportInput,
}).returns<{
  fileName: string;
  mime: string;
  /** A signed link on the host, valid for 10 minutes; the file itself is kept in object storage for a day. */
  url: string;
  rows: number;
}>();

export interface QueueCounts {
  petitionsOpen: number;
  petitionsOverdue: number;
  bookingsPending: number;
  nominationsPending: number;
  thanksPending: number;
  thanksHidden: number;
}

export const QueueCountsInput = z.object({});
export const queueCounts = defineContract({
  name: 'admin.queueCounts',
  summary: '后台菜单上的待办数量',
  kind: 'query',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: QueueCountsInput,
}).returns<QueueCounts>();

export const adminContracts = [listAudit, dashboardStats, exportReport, queueCounts] as const;
