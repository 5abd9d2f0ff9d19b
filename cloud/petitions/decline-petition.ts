import { declinePetition } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { actOnPetition } from './lib/load-petition';
import { petitionMessage } from './lib/petition-messages';

export default defineFunction(declinePetition, async (input, { services, caller }) => {
  const now = services.clock.now();
  return actOnPetition(services, caller, input.id, 'decline', (row) => ({
    note: input.reason,
    messages: petitionMessage(services.config, row, row.submitter_id, 'declined', `不予受理：${input.reason}`, now),
  }));
});
