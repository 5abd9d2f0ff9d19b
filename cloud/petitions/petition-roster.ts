import { petitionRoster } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { rosterView } from './lib/roster-view';
import { mayKeepRoster } from './petitions.permissions';
import { AppError } from '../../types';

export default defineFunction(petitionRoster, async (input, { services, caller }) => {
  if (!mayKeepRoster(caller.grants, input.communityId)) throw new AppError('OUT_OF_SCOPE');
  return rosterView(services.db, input.communityId);
});
