import { nearbyReports } from '../../types/grid';
import { defineFunction } from '../core/define-function';
import { nearbyReportsFor } from './nearby';
import { reportPlace } from './report-community';

export default defineFunction(nearbyReports, async (input, { services, caller }) => {
  const { communityId } = await reportPlace(services, caller, input.communityId);
  return nearbyReportsFor(services, communityId, input.place);
});
