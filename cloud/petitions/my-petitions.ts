import { myPetitions } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { toPetitionSummary } from './lib/petition-view';
import { petitionsOfSubmitter } from './petitions.storage';

export default defineFunction(myPetitions, async (_input, { services, caller }) => {
  const rows = await petitionsOfSubmitter(services.db, caller.id);
  return rows.map((r) => toPetitionSummary(services, r, new Set(['submitter'])));
});
