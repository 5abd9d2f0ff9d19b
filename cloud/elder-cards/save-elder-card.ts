import { AppError } from '../../types';
import { saveElderCard } from '../../types/elder-cards';
import { getRegion } from '../communities/communities.storage';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { attachFiles } from '../files/files.storage';
import { cardView, newCardCode } from './card-view';
import { isLiveCard, looksAfterCards, mayManageCard } from './elder-cards.permissions';
import { getElderCardRow, saveCard } from './elder-cards.storage';

/**
 * A family member registers a card and holds it. Staff of the community may register one on
 * a family's behalf (no family member in the app): the card is then theirs to look after.
 */
export default defineFunction(saveElderCard, async (input, { services, caller }) => {
  const community = await getRegion(services.db, input.communityId);
  if (!community || community.level !== 'community') throw new AppError('COMMUNITY_NOT_FOUND');
  const now = services.clock.now();
  const at = now.toISOString();
  const existing = input.id ? await getElderCardRow(services.db, input.id) : undefined;
  if (input.id && (!existing || !mayManageCard(caller, existing))) throw new AppError('NOT_FOUND');
  if (existing && !isLiveCard(existing)) throw new AppError('ELDER_CARD_REVOKED');
  // Moving a staff-held card to another community needs staff rights there too.
  if (existing && existing.family_user_id === null && !looksAfterCards(caller.grants, community.id)) throw new AppError('OUT_OF_SCOPE');
  const id = existing?.id ?? newId();
  const photo = input.photoFileId === undefined ? (existing?.photo_file_id ?? null) : input.photoFileId;
  if (photo && photo !== existing?.photo_file_id && !(await attachFiles(services.db, [photo], caller.id, 'elderCard', id))) {
    throw new AppError('FILE_UNUSABLE');
  }
  // Only the community's staff register on a family's behalf; anyone else registering is the family.
  const onBehalf = !existing && input.onBehalf;
  if (onBehalf && !looksAfterCards(caller.grants, community.id)) throw new AppError('OUT_OF_SCOPE');
  const saved = await saveCard(
    services.db,
    {
      id,
      code: existing?.code ?? newCardCode(),
      community_id: community.id,
      display_name: input.displayName,
      photo_file_id: photo,
      note: input.note,
      family_user_id: existing ? existing.family_user_id : onBehalf ? null : caller.id,
      created_by: existing?.created_by ?? caller.id,
      status: 'active',
      created_at: existing?.created_at ?? at,
      updated_at: at,
    },
    input.contacts.map((c) =>
      c.phone !== undefined ? { name: c.name, relation: c.relation, phone_enc: services.cipher.encrypt(c.phone) } : { name: c.name, relation: c.relation, keep: c.keep! },
    ),
    !existing,
  );
  // The write re-checks the card's state: a revocation landing meanwhile wins.
  if (saved === 'revoked') throw new AppError('ELDER_CARD_REVOKED');
  if (saved === 'unknown-contact') throw new AppError('INVALID_INPUT', '请重新填写联系人的手机号', [{ path: 'contacts', message: '请填写11位手机号' }]);
  return cardView(services, (await getElderCardRow(services.db, id))!, caller);
});
