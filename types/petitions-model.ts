/** 信访代办 is a formal petition an agent handles for the petitioner; 诉求 is a request. */
export const PETITION_KINDS = ['petition', 'request'] as const;
export type PetitionKind = (typeof PETITION_KINDS)[number];
export const PETITION_KIND_TEXT: Record<PetitionKind, string> = { petition: '信访代办', request: '我要反映' };

export const PETITION_CATEGORIES = ['道路设施', '劳动保障/欠薪', '养老助老', '环境卫生', '邻里纠纷', '其他', '网格上报'] as const;
export type PetitionCategory = (typeof PETITION_CATEGORIES)[number];

/** Working days to resolve, by category, counted from acceptance. */
export const RESOLUTION_TARGET_WORKDAYS: Record<PetitionCategory, number> = {
  道路设施: 15,
  '劳动保障/欠薪': 10,
  养老助老: 5,
  环境卫生: 5,
  邻里纠纷: 10,
  其他: 10,
  // 随手拍 from a grid: a hazard seen on the spot, so the shortest target.
  网格上报: 5,
};

/**
 * The states and the actions between them, declared once: the handlers refuse anything
 * not in this table, the labels come from it, and the tests walk it.
 */
export const PETITION_FLOW = {
  submitted: { text: '已提交', actions: { assign: 'submitted', accept: 'accepted', transfer: 'transferred', decline: 'declined', reassign: 'submitted' } },
  accepted: { text: '已受理', actions: { note: 'in_progress', resolve: 'resolved', transfer: 'transferred', decline: 'declined', reassign: 'submitted' } },
  // assign here: a reopened matter whose agent has since left goes to a new one.
  in_progress: { text: '办理中', actions: { assign: 'in_progress', note: 'in_progress', resolve: 'resolved', transfer: 'transferred', decline: 'declined', reassign: 'submitted' } },
  resolved: { text: '已办结', actions: { confirm: 'closed', reopen: 'in_progress', autoClose: 'closed', reassign: 'resolved' } },
  closed: { text: '已结案', actions: {} },
  transferred: { text: '已转办', actions: {} },
  declined: { text: '不予受理', actions: {} },
} as const;
export type PetitionStatus = keyof typeof PETITION_FLOW;
/** reassign: the system's own step when the agent's role or account ends (已重新分派); no person takes it. */
export type PetitionAction = 'assign' | 'accept' | 'note' | 'resolve' | 'transfer' | 'decline' | 'confirm' | 'reopen' | 'autoClose' | 'reassign';
export const PETITION_ACTIONS: readonly PetitionAction[] = ['assign', 'accept', 'note', 'resolve', 'transfer', 'decline', 'confirm', 'reopen', 'autoClose', 'reassign'];

export function petitionNext(status: PetitionStatus, action: PetitionAction): PetitionStatus | null {
  return ((PETITION_FLOW[status].actions as Partial<Record<PetitionAction, PetitionStatus>>)[action]) ?? null;
}

/** Days after resolution in which the resident may reopen once; then it closes by itself. */
export const REOPEN_DAYS = 7;

export interface TimelineItem {
  action: string;
  text: string;
  note: string | null;
  byName: string | null;
  at: Date;
}

export interface PetitionSummary {
  id: string;
  kind: PetitionKind;
  kindText: string;
  category: PetitionCategory;
  title: string;
  status: PetitionStatus;
  statusText: string;
  communityId: string;
  communityName: string;
  submittedAt: Date;
  /** Who handles it (认准一个人), once assigned. */
  agent: { id: string; name: string; phone: string | null } | null;
  acceptDueAt: Date;
  resolveDueAt: Date | null;
  overdue: 'accept' | 'resolve' | null;
  /** Shown to staff; "匿名" where the submitter asked and the viewer does not handle it. */
  submitterName: string;
}

export interface PetitionDetail extends PetitionSummary {
  description: string;
  /** A point picked on WeChat's map, or only a place the resident typed (coordinates null). */
  location: { latitude: number | null; longitude: number | null; address: string } | null;
  /** Masked (138****5678) unless the assigned agent opens it, which is logged. */
  contactPhone: string | null;
  idNumber: string | null;
  anonymous: boolean;
  filedOnBehalf: boolean;
  photos: Array<{ id: string; url: string }>;
  timeline: TimelineItem[];
  resolution: string | null;
  rating: { stars: number; comment: string } | null;
  reopenedOnce: boolean;
  /** What the viewer may do now, read off PETITION_FLOW and the viewer's role. */
  actions: PetitionAction[];
  /** How the viewer stands to it: its submitter, its assigned agent, an admin of its community. */
  viewer: Array<'submitter' | 'agent' | 'admin'>;
  /** For its agent and admins: whether a 办理进度 message can reach the submitter now (null otherwise). */
  submitterNotifiable: boolean | null;
}
