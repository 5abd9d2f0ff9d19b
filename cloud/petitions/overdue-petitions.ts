import { AppError } from '../../types';
import { overduePetitions } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { summaryPage, toPetitionSummary } from './lib/petition-view';
import { petitionAdminCommunities, relationsTo } from './petitions.permissions';
import { petitionsForStaff } from './petitions.storage';

export default defineFunction(overduePetitions, async (input, { services, caller }) => {
  const mine = petitionAdminCommunities(caller.grants);
  if (input.communityId && mine !== 'all' && !mine.includes(input.communityId)) throw new AppError('OUT_OF_SCOPE');
  const rows = await petitionsForStaff(services.db, { communityIds: input.communityId ? [input.communityId] : mine, openOnly: true });
  const page = summaryPage(services);
  return rows.map((r) => toPetitionSummary(services, r, relationsTo(caller, r), page)).filter((p) => p.overdue !== null);
});
