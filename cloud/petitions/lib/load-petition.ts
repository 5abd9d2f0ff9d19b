import { AppError } from '../../../types';
import { petitionNext, type PetitionAction, type PetitionDetail, type PetitionStatus } from '../../../types/petitions';
import { writeAudit } from '../../audit/audit.storage';
import type { SessionUser } from '../../core/define-function';
import type { Services } from '../../core/services';
import type { OutgoingMessage } from '../../notifications/outbox.storage';
import type { PetitionsTable } from '../../storage/schema';
import { filesOf } from '../../files/files.storage';
import type { FiledPetition } from './file-petition';
import { detailOf, toPetitionDetail } from './petition-view';
import { mayAct, relationsTo, type Relation } from '../petitions.permissions';
import { agentsOf, getPetitionRow, transitionPetition, type PetitionRow } from '../petitions.storage';

/** The petition and how the caller stands to it; NOT_FOUND alike for "missing" and "not yours". */
export async function readablePetition(services: Services, id: string, caller: SessionUser): Promise<{ row: PetitionRow; relations: Set<Relation> }> {
  const row = await getPetitionRow(services.db, id);
  const relations = row ? relationsTo(caller, row) : new Set<Relation>();
  if (!row || relations.size === 0) throw new AppError('NOT_FOUND');
  return { row, relations };
}

/** The detail as the caller may see it; a full-number view by the agent goes to the audit log. */
export async function petitionDetailFor(services: Services, id: string, caller: SessionUser): Promise<PetitionDetail> {
  const { row, relations } = await readablePetition(services, id, caller);
  const { detail, revealed } = await toPetitionDetail(services, row, relations);
  if (revealed) await auditFullView(services, caller, row);
  return detail;
}

/**
 * The answer to filing a petition, built from what the filing wrote (no read back): the same
 * detail `petitionDetailFor` gives, for the caller as they stand to it now (`relationsTo`; an
 * empty set shows it once, masked, to a filer who may not read it later). Its photos are read
 * only when it has some, for their stored order.
 */
export async function filedPetitionDetail(services: Services, filed: FiledPetition, caller: SessionUser | null): Promise<PetitionDetail> {
  const relations = caller ? relationsTo(caller, filed.row) : new Set<Relation>();
  const files = filed.photoIds.length > 0 ? await filesOf(services.db, 'petition', filed.row.id) : [];
  const { detail, revealed } = await detailOf(services, filed.row, relations, { events: filed.events, files, phone: filed.phone, idNumber: filed.idNumber });
  if (revealed && caller) await auditFullView(services, caller, filed.row);
  return detail;
}

async function auditFullView(services: Services, caller: SessionUser, row: PetitionRow): Promise<void> {
  await writeAudit(services.db, {
    actor_id: caller.id,
    action: 'petition.viewPersonalData',
    target_kind: 'petition',
    target_id: row.id,
    scope_id: row.community_id,
    outcome: 'ok',
    detail: { fields: row.id_number_enc ? ['phone', 'idNumber'] : ['phone'] },
    at: services.clock.now(),
  });
}

/**
 * Takes an action from PETITION_FLOW: allowed for the caller's relation and the current
 * status, else a coded refusal; lost to a concurrent change, also refused.
 */
export async function actOnPetition(
  services: Services,
  caller: SessionUser,
  id: string,
  action: PetitionAction,
  build: (row: PetitionRow) => { note?: string | null; changes?: Partial<Omit<PetitionsTable, 'id' | 'status' | 'created_at'>>; messages?: OutgoingMessage[] },
): Promise<PetitionDetail> {
  const { row, relations } = await readablePetition(services, id, caller);
  const status = row.status as PetitionStatus;
  if (!mayAct(relations, action, status)) {
    if (action === 'accept' && row.agent_id && row.agent_id !== caller.id) throw new AppError('PETITION_ASSIGNED_TO_OTHER');
    throw new AppError('PETITION_NOT_ALLOWED_NOW', `“${row.title}”当前不能${ACTION_VERB[action]}`);
  }
  const { note = null, changes = {}, messages = [] } = build(row);
  const moved = await transitionPetition(services.db, {
    id: row.id,
    from: status,
    to: petitionNext(status, action)!,
    action,
    note,
    by: caller.id,
    changes,
    now: services.clock.now(),
    messages,
  });
  if (!moved) {
    // The write also requires a new agent to hold the role then (transitionPetition): say
    // which of its two conditions failed.
    const handedTo = changes.agent_id;
    if (typeof handedTo === 'string' && !(await agentsOf(services.db, row.community_id)).some((a) => a.id === handedTo)) throw new AppError('PETITION_NOT_AN_AGENT');
    throw new AppError('PETITION_NOT_ALLOWED_NOW', '事项刚刚被其他人处理过，请刷新后再试');
  }
  return petitionDetailFor(services, row.id, caller);
}

const ACTION_VERB: Record<PetitionAction, string> = {
  assign: '分派',
  accept: '受理',
  note: '记录进展',
  resolve: '办结',
  transfer: '转办',
  decline: '不予受理',
  confirm: '确认解决',
  reopen: '重新打开',
  autoClose: '结案',
  reassign: '重新分派',
};
