import { AppError } from '../../types';
import { submitPetition } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { getUser } from '../users/users.storage';
import { fileNewPetition } from './lib/file-petition';
import { filedPetitionDetail } from './lib/load-petition';

export default defineFunction(submitPetition, async (input, { services, caller }) => {
  // The resident's home community only when the form names none (one read fewer a petition).
  const communityId = input.communityId ?? (await getUser(services.db, caller.id))?.home_community_id;
  if (!communityId) throw new AppError('COMMUNITY_NOT_FOUND', '请先在“我的”里选择所在社区，或在表单里选择社区');
  const filed = await fileNewPetition(services, { ...input, communityId }, { submitterId: caller.id, filedBy: null, onBehalfName: null, photoOwner: caller.id });
  // The answer from what was written: no read back of the petition, its timeline and photos.
  return filedPetitionDetail(services, filed, caller);
});
