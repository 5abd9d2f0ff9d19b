import { AppError } from '../../types';
import { communityElderCards } from '../../types/elder-cards';
import { communitiesWhere } from '../core/scope';
import { defineFunction } from '../core/define-function';
import { cardSummary } from './card-view';
import { cardSummaries } from './elder-cards.storage';

export default defineFunction(communityElderCards, async (input, { services, caller }) => {
  const mine = communitiesWhere(caller.grants, ['gridWorker', 'agent', 'communityAdmin']);
  if (input.communityId && mine !== 'all' && !mine.includes(input.communityId)) throw new AppError('OUT_OF_SCOPE');
  const communityIds = input.communityId ? [input.communityId] : mine;
  return (await cardSummaries(services.db, { communityIds })).map(cardSummary);
});
