import { AppError } from '../../types';
import { communityElderCards } from '../../types/elder-cards';
import { narrowScope } from '../core/scope';
import { cardCommunities } from './elder-cards.permissions';
import { defineFunction } from '../core/define-function';
import { cardSummary } from './card-view';
import { cardSummaries } from './elder-cards.storage';

export default defineFunction(communityElderCards, async (input, { services, caller }) => {
  const communityIds = narrowScope(cardCommunities(caller.grants), input.communityId);
  if (!communityIds) throw new AppError('OUT_OF_SCOPE');
  return (await cardSummaries(services.db, { communityIds })).map(cardSummary);
});
