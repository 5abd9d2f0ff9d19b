import { AppError } from '../../types';
import { scanElderCard } from '../../types/elder-cards';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { activeCardByCode, recordScan } from './elder-cards.storage';
import { scanLimiterOf } from './scan-limit';

export const FINDER_HEADLINE = '这位老人可能需要帮助';

/**
 * What a finder sees without signing in: the headline, the short name the family chose and
 * their note for helpers. Never an address, an ID number, a full name or a phone number.
 * Every scan is logged for the family.
 */
export default defineFunction(scanElderCard, async (input, { services, caller, ip }) => {
  const now = services.clock.now();
  scanLimiterOf(services).take(ip, now.getTime());
  const card = await activeCardByCode(services.db, input.code);
  if (!card) throw new AppError('ELDER_CARD_NOT_FOUND');
  const logged = await recordScan(services.db, { id: newId(), card_id: card.id, kind: 'view', finder_id: caller?.id ?? null, location: null, finder_note: null, at: now.toISOString() }, card.code);
  if (!logged) throw new AppError('ELDER_CARD_NOT_FOUND');
  return { headline: FINDER_HEADLINE, displayName: card.display_name, note: card.note };
});
