import { dashboardStats } from '../../types/admin';
import { defineFunction } from '../core/define-function';
import { adminScope, checkRange } from './scope';
import { computeStats } from './stats';

export default defineFunction(dashboardStats, async (input, { services, caller }) => {
  checkRange(input.from, input.to);
  return computeStats(services, { from: input.from, to: input.to, communityIds: adminScope(caller, input.communityId) });
});
