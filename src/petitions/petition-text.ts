import type { AppError } from '../../types/errors';
import { PETITION_FLOW, PETITION_KIND_TEXT, petitionNext, type PetitionAction, type PetitionKind, type PetitionStatus, type PetitionSummary } from '../../types/petitions-model';
import { formatDateTime } from '../../types/time';

/** What each kind is, said plainly for the resident choosing one. */
export const KIND_INTRO: Record<PetitionKind, { title: string; slogan: string; text: string }> = {
  request: {
    title: PETITION_KIND_TEXT.request,
    slogan: '身边的难事，说给社区听',
    text: '路被堵了、工资被拖欠、家里老人需要有人帮一把……都可以在这里反映。社区的代办员会接手办理，您随时能看到办到哪一步，办完后请您确认。',
  },
  petition: {
    title: PETITION_KIND_TEXT.petition,
    slogan: '只进一扇门、认准一个人、事项一次办',
    text: '把要信访的事交给社区的代办员，由一位固定的代办员替您跑腿、全程代办，您不用来回跑。按信访规定，需要填写信访人的身份证号。',
  },
};

/** Staff actions in the order a handler meets them, with the button text. */
export const STAFF_ACTION_TEXT: Partial<Record<PetitionAction, string>> = {
  accept: '受理',
  note: '记录进展',
  resolve: '办结',
  transfer: '转办',
  decline: '不予受理',
};
export const STAFF_ACTIONS = ['accept', 'note', 'resolve', 'transfer', 'decline'] as const satisfies readonly PetitionAction[];
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/**
 * The deadline that matters now, in words: overdue ones say so plainly (超期), because a
 * colour alone is missed by many and means nothing to a screen reader.
 */
export function deadlineText(p: Pick<PetitionSummary, 'status' | 'overdue' | 'acceptDueAt' | 'resolveDueAt'>): { text: string; overdue: boolean } | null {
  if (p.overdue === 'accept') return { text: `超期未受理：应在${formatDateTime(p.acceptDueAt)}前受理`, overdue: true };
  if (p.overdue === 'resolve' && p.resolveDueAt) return { text: `超期未办结：应在${formatDateTime(p.resolveDueAt)}前办结`, overdue: true };
  if (p.status === 'submitted') return { text: `应在${formatDateTime(p.acceptDueAt)}前受理`, overdue: false };
  if ((p.status === 'accepted' || p.status === 'in_progress') && p.resolveDueAt) {
    return { text: `应在${formatDateTime(p.resolveDueAt)}前办结`, overdue: false };
  }
  return null;
}

/** The actions that carry a petition forward when all goes well, in order. */
const FORWARD: readonly PetitionAction[] = ['accept', 'note', 'resolve', 'confirm'];

/**
 * The usual way from 已提交 to 已结案, walked through PETITION_FLOW (the host's own
 * table), so the steps shown to the resident are the steps the host allows.
 */
export function mainPath(): Array<{ status: PetitionStatus; text: string }> {
  const path: PetitionStatus[] = ['submitted'];
  for (const action of FORWARD) {
    const next = petitionNext(path[path.length - 1]!, action);
    if (next && !path.includes(next)) path.push(next);
  }
  return path.map((status) => ({ status, text: PETITION_FLOW[status].text }));
}

/** A status that asks the resident to do something, or is over, reads differently. */
export function statusTone(status: PetitionSummary['status']): 'active' | 'waiting-you' | 'done' | 'ended' {
  if (status === 'resolved') return 'waiting-you';
  if (status === 'closed') return 'done';
  if (status === 'transferred' || status === 'declined') return 'ended';
  return 'active';
}

/**
 * Where each of the host's refusals belongs on the form. Validation errors carry their
 * field paths (`photoIds.3` belongs to the photos); the domain's own errors name none, so
 * they are placed by kind.
 */
export const PETITION_ERROR_FIELDS: Partial<Record<AppError['kind'], string>> = {
  PETITION_ID_REQUIRED: 'idNumber',
  PETITION_ID_INVALID: 'idNumber',
  PETITION_PHONE_INVALID: 'contactPhone',
  FILE_UNUSABLE: 'photoIds',
  COMMUNITY_NOT_FOUND: 'communityId',
  OUT_OF_SCOPE: 'communityId',
};

/** 138****5678 is masked: it cannot be dialled. */
export function isDiallable(phone: string | null | undefined): phone is string {
  return typeof phone === 'string' && /^1\d{10}$/.test(phone);
}
