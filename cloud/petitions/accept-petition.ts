import { acceptPetition } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { resolveDue } from './lib/deadlines';
import { actOnPetition } from './lib/load-petition';
import { petitionMessage } from './lib/petition-messages';
import type { PetitionCategory } from '../../types/petitions';

export default defineFunction(acceptPetition, async (input, { services, caller }) => {
  const now = services.clock.now();
  return actOnPetition(services, caller, input.id, 'accept', (row) => ({
    changes: { accepted_at: now.toISOString(), resolve_due_at: resolveDue(now, row.category as PetitionCategory).toISOString() },
    messages: petitionMessage(services.config, row, row.submitter_id, 'accepted', `已受理，承办人：${row.agent_name ?? '代办员'}`, now),
  }));
});
