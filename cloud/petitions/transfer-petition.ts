import { transferPetition } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { actOnPetition } from './lib/load-petition';
import { petitionMessage } from './lib/petition-messages';

export default defineFunction(transferPetition, async (input, { services, caller }) => {
  const now = services.clock.now();
  return actOnPetition(services, caller, input.id, 'transfer', (row) => ({
    note: `转至${input.to}：${input.reason}`,
    changes: { transferred_to: input.to },
    messages: petitionMessage(services.config, row, row.submitter_id, 'transferred', `已转至${input.to}办理`, now),
  }));
});
