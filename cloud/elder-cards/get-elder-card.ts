import { AppError } from '../../types';
import { getElderCard } from '../../types/elder-cards';
import { defineFunction } from '../core/define-function';
import { cardView } from './card-view';
import { maySeeCard } from './elder-cards.permissions';
import { getElderCardRow } from './elder-cards.storage';

export default defineFunction(getElderCard, async (input, { services, caller }) => {
  const card = await getElderCardRow(services.db, input.id);
  if (!card || !maySeeCard(caller, card)) throw new AppError('NOT_FOUND');
  return cardView(services, card, caller);
});
