import { notePetition } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { actOnPetition } from './lib/load-petition';
import { petitionMessage } from './lib/petition-messages';

export default defineFunction(notePetition, async (input, { services, caller }) => {
  const now = services.clock.now();
  return actOnPetition(services, caller, input.id, 'note', (row) => ({
    note: input.note,
    messages: petitionMessage(services.config, row, row.submitter_id, 'note', `新进展：${input.note}`, now),
  }));
});
