import type { Roster } from '../../../types/petitions';
import type { Db } from '../../storage/dialect';
import { agentsOf, rosterOf } from '../petitions.storage';

/** A community's duty roster with the agents who could be put on it. */
export async function rosterView(db: Db, communityId: string): Promise<Roster> {
  const [roster, agents] = await Promise.all([rosterOf(db, communityId), agentsOf(db, communityId)]);
  return { communityId, days: roster.map((r) => ({ weekday: r.weekday, agentId: r.agent_id, agentName: r.agent_name })), agents };
}
