import { AppError } from '../../types';
import { visitToPetition } from '../../types/grid';
import { defineFunction } from '../core/define-function';
import { filePetition } from '../petitions/lib/file-petition';
import { toPetitionDetail } from '../petitions/lib/petition-view';
import { getPetitionRow } from '../petitions/petitions.storage';
import { claimFollowUp, getHousehold, getVisit, linkPetition, releaseFollowUp } from './grid.storage';
import { gridServedBy } from './my-grids';

/**
 * One tap: a visit marked 需跟进 becomes a petition filed on the household's behalf (the same
 * path as 代为登记), linked both ways. Claiming the follow-up first is a conditional update,
 * so a double tap never files twice; if filing fails the claim is given back.
 */
export default defineFunction(visitToPetition, async (input, { services, caller }) => {
  const visit = await getVisit(services.db, input.visitId);
  if (!visit) throw new AppError('NOT_FOUND');
  const grid = await gridServedBy(services, caller, visit.grid_id);
  if (visit.petition_id) throw new AppError('GRID_VISIT_ALREADY_PETITION');
  if (visit.follow_up === 0) throw new AppError('GRID_VISIT_NO_FOLLOW_UP');
  const h = (await getHousehold(services.db, visit.household_id))!;
  const phone = h.phone_enc ? services.cipher.decrypt(h.phone_enc) : input.contactPhone;
  if (!phone) throw new AppError('GRID_PHONE_NEEDED', undefined, [{ path: 'contactPhone', message: '请填写联系电话' }]);
  if (!(await claimFollowUp(services.db, visit.id))) throw new AppError('GRID_VISIT_ALREADY_PETITION');
  const title = `走访反映：${Array.from(visit.raised).slice(0, 20).join('')}`;
  let petitionId: string;
  try {
    petitionId = await filePetition(
      services,
      {
        kind: 'request',
        category: input.category,
        title: Array.from(title).slice(0, 40).join(''),
        description: `${visit.visited_on} 走访 ${h.address} 时居民反映：${visit.raised}`,
        photoIds: [],
        location: null,
        contactPhone: phone,
        anonymous: false,
        communityId: grid.communityId,
      },
      { submitterId: null, filedBy: caller.id, onBehalfName: services.cipher.decrypt(h.head_name_enc), photoOwner: caller.id },
    );
  } catch (error) {
    await releaseFollowUp(services.db, visit.id);
    throw error;
  }
  await linkPetition(services.db, visit.id, petitionId);
  const row = (await getPetitionRow(services.db, petitionId))!;
  return (await toPetitionDetail(services, row, new Set())).detail;
});
