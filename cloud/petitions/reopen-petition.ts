import { AppError } from '../../types';
import { reopenPetition } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { actOnPetition, readablePetition } from './lib/load-petition';
import { petitionMessage } from './lib/petition-messages';
import { reopenRefusal } from './petitions.permissions';

export default defineFunction(reopenPetition, async (input, { services, caller }) => {
  const { row } = await readablePetition(services, input.id, caller);
  const now = services.clock.now();
  if (row.status === 'resolved') {
    const refusal = reopenRefusal(row, now);
    if (refusal) throw new AppError(refusal);
  }
  return actOnPetition(services, caller, input.id, 'reopen', (r) => ({
    note: input.reason,
    changes: { reopened: 1, resolved_at: null, resolution: null },
    messages: petitionMessage(services.config, r, r.agent_id, 'reopened', `居民反映仍未解决：${input.reason}`, now),
  }));
});
