import { petitionInbox } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { summaryPage, toPetitionSummary } from './lib/petition-view';
import { petitionAdminCommunities, relationsTo } from './petitions.permissions';
import { petitionsForStaff } from './petitions.storage';

const OVERDUE_FIRST = { accept: 0, resolve: 1 } as const;

export default defineFunction(petitionInbox, async (input, { services, caller }) => {
  const rows = await petitionsForStaff(services.db, {
    agentId: caller.id,
    communityIds: petitionAdminCommunities(caller.grants),
    openOnly: input.status === 'open',
  });
  // Overdue first (late acceptance before late resolution), then oldest first.
  // Rows come by the stored agent name too; only those the caller stands to now are shown.
  const page = summaryPage(services);
  return rows
    .map((r) => ({ r, relations: relationsTo(caller, r) }))
    .filter(({ relations }) => relations.size > 0)
    .map(({ r, relations }) => toPetitionSummary(services, r, relations, page))
    .sort((a, b) => (a.overdue ? OVERDUE_FIRST[a.overdue] : 2) - (b.overdue ? OVERDUE_FIRST[b.overdue] : 2) || a.submittedAt.getTime() - b.submittedAt.getTime());
});
