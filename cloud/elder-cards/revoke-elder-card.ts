import { AppError } from '../../types';
import { revokeElderCard } from '../../types/elder-cards';
import { defineFunction } from '../core/define-function';
import { cardView } from './card-view';
import { mayManageCard } from './elder-cards.permissions';
import { getElderCardRow, revokeCard } from './elder-cards.storage';

export default defineFunction(revokeElderCard, async (input, { services, caller }) => {
  const card = await getElderCardRow(services.db, input.id);
  if (!card || !mayManageCard(caller, card)) throw new AppError('NOT_FOUND');
  await revokeCard(services.db, card.id, services.clock.now());
  return cardView(services, (await getElderCardRow(services.db, card.id))!, caller);
});
