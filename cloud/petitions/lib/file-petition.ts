import { AppError } from '../../../types';
import type { PetitionCategory, PetitionKind } from '../../../types/petitions';
import { newId } from '../../core/crypto';
import type { Services } from '../../core/services';
import { attachFiles } from '../../files/files.storage';
import { isoWeekday } from '../../bookings/lib/slots';
import { shanghaiDay } from '../../../types/time';
import { acceptDue } from './deadlines';
import { isValidIdNumber } from './id-number';
import { petitionMessage } from './petition-messages';
import { AS_FILED, FilesUnusable, filingFacts, insertPetition, type PetitionRow } from '../petitions.storage';
import type { TimelineEntry } from './petition-view';
import type { PetitionsTable } from '../../storage/schema';

export interface NewPetition {
  kind: PetitionKind;
  category: PetitionCategory;
  title: string;
  description: string;
  photoIds: string[];
  location: { latitude: number | null; longitude: number | null; address: string } | null;
  contactPhone: string;
  idNumber?: string;
  anonymous: boolean;
  communityId: string;
}

/**
 * Files a petition (by the resident, or by staff on someone's behalf): checks the ID
 * number a formal petition needs, routes it to the community's agent on duty today
 * (只进一扇门、认准一个人), and writes it with its photos, first timeline entries and the
 * agent's message in one transaction.
 */
export async function filePetition(
  services: Services,
  p: NewPetition,
  by: { submitterId: string | null; filedBy: string | null; onBehalfName: string | null; photoOwner: string },
): Promise<string> {
  return (await fileNewPetition(services, p, by)).row.id;
}

/**
 * A petition as just filed: its row as `getPetitionRow` would read it now (with the names),
 * its first timeline entries, and its numbers in the clear, so the reply is built from
 * what was written instead of read back (lib/petition-view.ts `detailOf`).
 */
export interface FiledPetition {
  row: PetitionRow;
  events: TimelineEntry[];
  phone: string;
  idNumber: string | null;
  photoIds: string[];
}

export async function fileNewPetition(
  services: Services,
  p: NewPetition,
  by: { submitterId: string | null; filedBy: string | null; onBehalfName: string | null; photoOwner: string },
): Promise<FiledPetition> {
  const now = services.clock.now();
  const byId = by.filedBy ?? by.submitterId;
  const community = await filingFacts(services.db, { communityId: p.communityId, weekday: String(isoWeekday(shanghaiDay(now))), submitterId: by.submitterId, byId });
  if (community?.level !== 'community') throw new AppError('COMMUNITY_NOT_FOUND');
  if (p.kind === 'petition' && !p.idNumber) throw new AppError('PETITION_ID_REQUIRED', undefined, [{ path: 'idNumber', message: '请填写身份证号' }]);
  if (p.idNumber && !isValidIdNumber(p.idNumber)) throw new AppError('PETITION_ID_INVALID', undefined, [{ path: 'idNumber', message: '身份证号不正确' }]);
  const agentId = community.agent_id;
  const id = newId();
  const at = now.toISOString();
  const facts = { id, title: p.title, community_name: community.name };
  const idNumber = p.idNumber ? p.idNumber.toUpperCase() : null;
  const row: PetitionsTable = {
    id,
    kind: p.kind,
    category: p.category,
    title: p.title,
    description: p.description,
    community_id: community.id,
    submitter_id: by.submitterId,
    on_behalf_name: by.onBehalfName,
    filed_by: by.filedBy,
    phone_enc: services.cipher.encrypt(p.contactPhone),
    phone_index: services.cipher.blindIndex(p.contactPhone),
    id_number_enc: idNumber ? services.cipher.encrypt(idNumber) : null,
    anonymous: p.anonymous ? 1 : 0,
    location: p.location ? JSON.stringify(p.location) : null,
    ...AS_FILED,
    agent_id: agentId,
    accept_due_at: acceptDue(now).toISOString(),
    created_at: at,
    updated_at: at,
  };
  const events = [
    { action: by.filedBy ? 'fileOnBehalf' : 'submit', from_status: null, to_status: 'submitted', note: null, by_user_id: byId, at },
    ...(agentId ? [{ action: 'assign', from_status: 'submitted', to_status: 'submitted', note: '当天值班代办员', by_user_id: null, at }] : []),
  ];
  try {
    await insertPetition(services.db, {
      row,
      events,
      photos: p.photoIds.length,
      attach: (tx) => attachFiles(tx, p.photoIds, by.photoOwner, 'petition', id),
      messages: petitionMessage(services.config, facts, agentId, 'new', '有新的事项待受理', now),
      now,
    });
  } catch (error) {
    if (error instanceof FilesUnusable) throw new AppError('FILE_UNUSABLE');
    throw error;
  }
  return {
    row: { ...row, community_name: community.name, submitter_name: community.submitter_name, agent_name: community.agent_name, agent_phone_enc: community.agent_phone_enc },
    events: events.map((e) => ({ action: e.action, note: e.note, at: e.at, by_name: e.by_user_id ? community.by_name : null })),
    phone: p.contactPhone,
    idNumber,
    photoIds: p.photoIds,
  };
}
