import { AppError } from '../../types';
import { REOPEN_DAYS, reopenPetition } from '../../types/petitions';
import { DAY } from '../core/clock';
import { defineFunction } from '../core/define-function';
import { actOnPetition, readablePetition } from './lib/load-petition';
import { petitionMessage } from './lib/petition-messages';

export default defineFunction(reopenPetition, async (input, { services, caller }) => {
  const { row } = await readablePetition(services, input.id, caller);
  const now = services.clock.now();
  if (row.status === 'resolved') {
    if (row.reopened === 1) throw new AppError('PETITION_REOPEN_USED');
    if (row.resolved_at && now.getTime() - Date.parse(row.resolved_at) > REOPEN_DAYS * DAY) throw new AppError('PETITION_REOPEN_EXPIRED');
  }
  return actOnPetition(services, caller, input.id, 'reopen', (r) => ({
    note: input.reason,
    changes: { reopened: 1, resolved_at: null, resolution: null },
    messages: petitionMessage(services.config, r, r.agent_id, 'reopened', `居民反映仍未解决：${input.reason}`, now),
  }));
});
