import { AppError } from '../../types';
import { setPetitionRoster } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { mayKeepRoster } from './petitions.permissions';
import { agentsOf, setRoster } from './petitions.storage';
import { rosterView } from './lib/roster-view';

export default defineFunction(setPetitionRoster, async (input, { services, caller }) => {
  if (!mayKeepRoster(caller.grants, input.communityId)) throw new AppError('OUT_OF_SCOPE');
  const agents = await agentsOf(services.db, input.communityId);
  const days = Object.entries(input.set).map(([weekday, agentId]) => ({ weekday, agentId: agentId! }));
  // Only the community's own agents can be on its duty roster.
  if (days.some((d) => !agents.some((a) => a.id === d.agentId))) throw new AppError('PETITION_NOT_AN_AGENT');
  // Checked again in the write: an agent whose role is taken away meanwhile is not rostered.
  if (!(await setRoster(services.db, input.communityId, days))) throw new AppError('PETITION_NOT_AN_AGENT');
  return rosterView(services.db, input.communityId);
});
