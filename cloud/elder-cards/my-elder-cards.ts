import { myElderCards } from '../../types/elder-cards';
import { defineFunction } from '../core/define-function';
import { cardSummary } from './card-view';
import { cardSummaries } from './elder-cards.storage';

export default defineFunction(myElderCards, async (_input, { services, caller }) =>
  (await cardSummaries(services.db, { familyUserId: caller.id })).map(cardSummary),
);
