import { resolvePetition } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { actOnPetition } from './lib/load-petition';
import { petitionMessage } from './lib/petition-messages';

export default defineFunction(resolvePetition, async (input, { services, caller }) => {
  const now = services.clock.now();
  return actOnPetition(services, caller, input.id, 'resolve', (row) => ({
    note: input.resolution,
    changes: { resolution: input.resolution, resolved_at: now.toISOString() },
    // The follow-up question the resident answers with 确认 (and a rating) or 重新打开.
    messages: petitionMessage(services.config, row, row.submitter_id, 'resolved', '已办结，问题解决了吗？请点开确认', now),
  }));
});
