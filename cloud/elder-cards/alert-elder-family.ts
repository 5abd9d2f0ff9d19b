import { AppError } from '../../types';
import { alertElderFamily } from '../../types/elder-cards';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { alertMessages } from './elder-messages';
import { activeCardByCode, contactsOf, gridWorkersOf, recordAlert } from './elder-cards.storage';
import { scanLimiterOf } from './scan-limit';

/**
 * The finder's button: the family member who holds the card and the community's grid
 * workers are told at once (with the finder's location only if the finder shared it), and the
 * finder is shown one number to call: the first emergency contact's, and only that one.
 */
export default defineFunction(alertElderFamily, async (input, { services, caller, ip }) => {
  const now = services.clock.now();
  scanLimiterOf(services).take(ip, now.getTime());
  const card = await activeCardByCode(services.db, input.code);
  if (!card) throw new AppError('ELDER_CARD_NOT_FOUND');
  const [first] = await contactsOf(services.db, card.id);
  if (!first) throw new AppError('ELDER_CARD_NOT_FOUND');
  const workers = await gridWorkersOf(services.db, card.community_id);
  const recipients = [...(card.family_user_id ? [card.family_user_id] : []), ...workers];
  const scanId = newId();
  const sent = await recordAlert(
    services.db,
    {
      id: scanId,
      card_id: card.id,
      kind: 'alert',
      finder_id: caller?.id ?? null,
      location: input.location ? JSON.stringify(input.location) : null,
      finder_note: input.note ?? null,
      at: now.toISOString(),
    },
    card.code,
    alertMessages(services.config, { cardId: card.id, scanId, displayName: card.display_name, recipients, located: !!input.location, at: now }),
    now,
  );
  // A card revoked or given a new code since it was read is as unknown as a mistyped code.
  if (!sent) throw new AppError('ELDER_CARD_NOT_FOUND');
  return {
    relation: first.relation,
    phone: services.cipher.decrypt(first.phone_enc),
    notified: card.family_user_id ? '已通知老人的家属和社区网格员' : '已通知社区网格员',
  };
});
