import { AppError } from '../../types';
import { assignPetition } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { actOnPetition, readablePetition } from './lib/load-petition';
import { petitionMessage } from './lib/petition-messages';
import { agentsOf } from './petitions.storage';

export default defineFunction(assignPetition, async (input, { services, caller }) => {
  const { row } = await readablePetition(services, input.id, caller);
  const agent = (await agentsOf(services.db, row.community_id)).find((a) => a.id === input.agentId);
  if (!agent) throw new AppError('PETITION_NOT_AN_AGENT');
  const now = services.clock.now();
  return actOnPetition(services, caller, input.id, 'assign', (r) => ({
    note: `分派给${agent.name}`,
    changes: { agent_id: agent.id },
    messages: petitionMessage(services.config, r, agent.id, 'assigned', '有新的事项分派给您', now),
  }));
});
