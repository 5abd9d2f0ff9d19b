import { AppError } from '../../types';
import { petitionRoster } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { holdsRoleIn } from '../core/scope';
import { agentsOf, rosterOf, setRoster } from './petitions.storage';

export default defineFunction(petitionRoster, async (input, { services, caller }) => {
  if (!holdsRoleIn(caller.grants, ['communityAdmin'], input.communityId)) throw new AppError('OUT_OF_SCOPE');
  const agents = await agentsOf(services.db, input.communityId);
  if (input.set) {
    const days = Object.entries(input.set).map(([weekday, agentId]) => ({ weekday, agentId: agentId! }));
    const stranger = days.find((d) => !agents.some((a) => a.id === d.agentId));
    if (stranger) throw new AppError('PETITION_NOT_AN_AGENT');
    await setRoster(services.db, input.communityId, days);
  }
  const roster = await rosterOf(services.db, input.communityId);
  return {
    communityId: input.communityId,
    days: roster.map((r) => ({ weekday: r.weekday, agentId: r.agent_id, agentName: r.agent_name })),
    agents,
  };
});
