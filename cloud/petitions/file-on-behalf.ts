import { AppError } from '../../types';
import { fileOnBehalf } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { mayFileOnBehalf } from './petitions.permissions';
import { filePetition } from './lib/file-petition';
import { toPetitionDetail } from './lib/petition-view';
import { getPetitionRow } from './petitions.storage';

export default defineFunction(fileOnBehalf, async (input, { services, caller }) => {
  if (!mayFileOnBehalf(caller.grants, input.communityId)) throw new AppError('OUT_OF_SCOPE');
  const { residentName, ...petition } = input;
  const id = await filePetition(
    services,
    { ...petition, anonymous: false },
    { submitterId: null, filedBy: caller.id, onBehalfName: residentName, photoOwner: caller.id },
  );
  // The filer may not be one who reads it later (a grid worker): they see it once, masked.
  const row = (await getPetitionRow(services.db, id))!;
  return (await toPetitionDetail(services, row, new Set())).detail;
});
