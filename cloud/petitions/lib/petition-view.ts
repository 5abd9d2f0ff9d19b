import { notifiable } from '../../notifications/notices';
import {
  PETITION_FLOW,
  PETITION_KIND_TEXT,
  type PetitionCategory,
  type PetitionDetail,
  type PetitionKind,
  type PetitionStatus,
  type PetitionSummary,
} from '../../../types/petitions';
import { maskPhone } from '../../core/crypto';
import type { Services } from '../../core/services';
import { filesOf } from '../../files/files.storage';
import { signedFileUrl } from '../../files/uploads';
import { overdueFlag } from './deadlines';
import { maskIdNumber } from './id-number';
import { actionsFor, handlesPetition, reopenRefusal, seesFullNumbers, type Relation } from '../petitions.permissions';
import { eventsOf, type PetitionRow, type PetitionSummaryRow } from '../petitions.storage';
import type { FilesTable, PetitionEventsTable } from '../../storage/schema';

function reopenStillOpen(row: PetitionRow, now: Date): boolean {
  return reopenRefusal(row, now) === null;
}

export const ACTION_TEXT: Record<string, string> = {
  submit: '提交',
  fileOnBehalf: '工作人员代为登记',
  assign: '分派代办员',
  accept: '受理',
  note: '办理进展',
  resolve: '办结',
  confirm: '居民确认已解决',
  reopen: '居民重新打开',
  autoClose: '7天未反馈，自动结案',
  transfer: '转办',
  decline: '不予受理',
  reassign: '已重新分派',
};

/**
 * What the summaries of one list share: the moment they are made, and each agent's phone in
 * the clear, decrypted once (AES-GCM, ~5 µs each; a resident's page names one or two agents,
 * an agent's inbox only themself).
 */
export interface SummaryPage {
  now: Date;
  nowIso: string;
  agentPhone(sealed: string): string;
}

export function summaryPage(services: Services): SummaryPage {
  const now = services.clock.now();
  const phones = new Map<string, string>();
  return {
    now,
    nowIso: now.toISOString(),
    agentPhone(sealed) {
      let phone = phones.get(sealed);
      if (phone === undefined) phones.set(sealed, (phone = services.cipher.decrypt(sealed)));
      return phone;
    },
  };
}

/** One petition's summary; a list passes one `summaryPage` for all its rows. */
export function toPetitionSummary(services: Services, row: PetitionSummaryRow, relations: Set<Relation>, page: SummaryPage = summaryPage(services)): PetitionSummary {
  const status = row.status as PetitionStatus;
  const handling = handlesPetition(relations);
  return {
    id: row.id,
    kind: row.kind as PetitionKind,
    kindText: PETITION_KIND_TEXT[row.kind as PetitionKind],
    category: row.category as PetitionCategory,
    title: row.title,
    status,
    statusText: PETITION_FLOW[status].text,
    communityId: row.community_id,
    communityName: row.community_name,
    submittedAt: new Date(row.created_at),
    agent: row.agent_id ? { id: row.agent_id, name: row.agent_name ?? '代办员', phone: row.agent_phone_enc ? page.agentPhone(row.agent_phone_enc) : null } : null,
    acceptDueAt: new Date(row.accept_due_at),
    resolveDueAt: row.resolve_due_at ? new Date(row.resolve_due_at) : null,
    overdue: overdueFlag(row, page.nowIso),
    submitterName: row.anonymous === 1 && !handling && !relations.has('submitter') ? '匿名' : (row.submitter_name ?? row.on_behalf_name ?? '居民'),
  };
}

/** A timeline entry as the detail shows it (a stored event with its author's name). */
export type TimelineEntry = Pick<PetitionEventsTable, 'action' | 'note' | 'at'> & { by_name: string | null };

/**
 * The full petition for someone allowed to read it. The ID and phone numbers stay masked
 * for all but the assigned agent, who needs them to act; `revealed` tells the caller to
 * write that view to the audit log.
 */
export async function toPetitionDetail(
  services: Services,
  row: PetitionRow,
  relations: Set<Relation>,
): Promise<{ detail: PetitionDetail; revealed: boolean }> {
  const [events, files] = await Promise.all([eventsOf(services.db, row.id), filesOf(services.db, 'petition', row.id)]);
  return detailOf(services, row, relations, {
    events,
    files,
    phone: services.cipher.decrypt(row.phone_enc),
    idNumber: row.id_number_enc ? services.cipher.decrypt(row.id_number_enc) : null,
  });
}

/**
 * The detail from values the caller already holds: the timeline, the photos and the numbers
 * in the clear (a petition just filed has them from its own write; `toPetitionDetail` reads
 * and decrypts them). The same answer either way.
 */
export async function detailOf(
  services: Services,
  row: PetitionRow,
  relations: Set<Relation>,
  known: { events: readonly TimelineEntry[]; files: ReadonlyArray<Pick<FilesTable, 'id'>>; phone: string; idNumber: string | null },
): Promise<{ detail: PetitionDetail; revealed: boolean }> {
  const full = seesFullNumbers(relations);
  const { phone, idNumber, events, files } = known;
  const status = row.status as PetitionStatus;
  return {
    revealed: full,
    detail: {
      ...toPetitionSummary(services, row, relations),
      description: row.description,
      location: row.location ? (JSON.parse(row.location) as PetitionDetail['location']) : null,
      contactPhone: full ? phone : maskPhone(phone),
      idNumber: idNumber ? (full ? idNumber : maskIdNumber(idNumber)) : null,
      anonymous: row.anonymous === 1,
      filedOnBehalf: row.filed_by !== null,
      photos: files.map((f) => ({ id: f.id, url: signedFileUrl(services, f.id) })),
      timeline: events.map((e) => ({ action: e.action, text: ACTION_TEXT[e.action] ?? e.action, note: e.note, byName: e.by_name, at: new Date(e.at) })),
      resolution: row.resolution,
      rating: row.rating ? { stars: row.rating, comment: row.rating_comment ?? '' } : null,
      reopenedOnce: row.reopened === 1,
      // The table allows a reopen from resolved; the once-only and 7-day rules take it away.
      actions: actionsFor(relations, status).filter((a) => a !== 'reopen' || reopenStillOpen(row, services.clock.now())),
      viewer: [...relations],
      submitterNotifiable:
        row.submitter_id && handlesPetition(relations)
          ? ((await notifiable(services.db, services.config, [row.submitter_id], 'progress')).get(row.submitter_id) ?? false)
          : null,
    },
  };
}
