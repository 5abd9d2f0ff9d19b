import { AppError } from '../../types';
import { reissueElderCard } from '../../types/elder-cards';
import { defineFunction } from '../core/define-function';
import { cardView, newCardCode } from './card-view';
import { mayManageCard } from './elder-cards.permissions';
import { getElderCardRow, replaceCode } from './elder-cards.storage';

/** A lost card: a new code at once, so whoever picks up the old card learns nothing from it. */
export default defineFunction(reissueElderCard, async (input, { services, caller }) => {
  const card = await getElderCardRow(services.db, input.id);
  if (!card || !mayManageCard(caller, card)) throw new AppError('NOT_FOUND');
  if (!(await replaceCode(services.db, card.id, newCardCode(), services.clock.now()))) throw new AppError('ELDER_CARD_REVOKED');
  return cardView(services, (await getElderCardRow(services.db, card.id))!, caller);
});
