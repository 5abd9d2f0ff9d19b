import { myPetitions } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { summaryPage, toPetitionSummary } from './lib/petition-view';
import type { Relation } from './petitions.permissions';
import { petitionsOfSubmitter } from './petitions.storage';

export default defineFunction(myPetitions, async (input, { services, caller }) => {
  const before = input.before ? { createdAt: input.before.submittedAt.toISOString(), id: input.before.id } : undefined;
  const rows = await petitionsOfSubmitter(services.db, caller.id, { before, limit: input.limit });
  const page = summaryPage(services);
  const submitter = new Set<Relation>(['submitter']);
  return rows.map((r) => toPetitionSummary(services, r, submitter, page));
});
