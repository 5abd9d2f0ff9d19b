import { gridRoster } from '../../types/grid';
import { defineFunction } from '../core/define-function';
import { administeredCommunity, rosterOf } from './roster';

export default defineFunction(gridRoster, async (input, { services, caller }) => {
  const community = await administeredCommunity(services, caller, input.communityId);
  return rosterOf(services, community.id);
});
