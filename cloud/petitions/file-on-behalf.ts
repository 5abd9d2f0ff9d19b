import { AppError } from '../../types';
import { fileOnBehalf } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { mayFileOnBehalf } from './petitions.permissions';
import { fileNewPetition } from './lib/file-petition';
import { filedPetitionDetail } from './lib/load-petition';

export default defineFunction(fileOnBehalf, async (input, { services, caller }) => {
  if (!mayFileOnBehalf(caller.grants, input.communityId)) throw new AppError('OUT_OF_SCOPE');
  const { residentName, ...petition } = input;
  const filed = await fileNewPetition(
    services,
    { ...petition, anonymous: false },
    { submitterId: null, filedBy: caller.id, onBehalfName: residentName, photoOwner: caller.id },
  );
  // The filer may not be one who reads it later (a grid worker): they see it once, masked.
  return filedPetitionDetail(services, filed, null);
});
