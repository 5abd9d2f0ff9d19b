/** Categories a list usually has; a list may name its own. */
export const HONOR_CATEGORIES = ['好丈夫', '好媳妇', '好婆婆', '文明家庭', '优秀党员', '最美志愿者'] as const;

export interface HonorListSummary {
  id: string;
  year: number;
  title: string;
  scopeId: string;
  scopeName: string;
  categories: string[];
  entryCount: number;
  published: boolean;
}

export interface HonorEntrySummary {
  id: string;
  listId: string;
  name: string;
  category: string;
  communityName: string;
  photoUrl: string | null;
  /** The first lines of the story, as plain text. */
  excerpt: string;
  likes: number;
}

export interface HonorEntry extends HonorEntrySummary {
  listTitle: string;
  year: number;
  storyHtml: string;
  likedByMe: boolean;
}

export type NominationStatus = 'pending' | 'accepted' | 'declined';
export const NOMINATION_STATUS_TEXT: Record<NominationStatus, string> = { pending: '待审核', accepted: '已入选', declined: '未入选' };

export interface Nomination {
  id: string;
  year: number;
  communityId: string;
  communityName: string;
  nomineeName: string;
  category: string;
  reason: string;
  status: NominationStatus;
  statusText: string;
  declineReason: string | null;
  nominatorName: string | null;
  createdAt: Date;
}

export const THANKS_TARGETS = ['staff', 'unit', 'volunteer'] as const;
export type ThanksTarget = (typeof THANKS_TARGETS)[number];
export const THANKS_TARGET_TEXT: Record<ThanksTarget, string> = { staff: '社区工作人员', unit: '单位', volunteer: '志愿者' };

/** pending → approved | rejected; approved → hidden after 3 reports → approved again or rejected on review. */
export const THANKS_FLOW = {
  pending: { text: '待审核', decisions: { approve: 'approved', reject: 'rejected' } },
  // approve on a shown post: its reports were looked at and it stays (the reports are cleared).
  approved: { text: '已展示', decisions: { approve: 'approved', reject: 'rejected' } },
  hidden: { text: '被举报，待复核', decisions: { approve: 'approved', reject: 'rejected' } },
  rejected: { text: '未通过', decisions: {} },
} as const;
export type ThanksStatus = keyof typeof THANKS_FLOW;
export const REPORTS_TO_HIDE = 3;

export interface ThanksPost {
  id: string;
  authorName: string;
  targetKind: ThanksTarget;
  targetName: string;
  communityName: string;
  text: string;
  photoUrl: string | null;
  status: ThanksStatus;
  statusText: string;
  reports: number;
  createdAt: Date;
}
