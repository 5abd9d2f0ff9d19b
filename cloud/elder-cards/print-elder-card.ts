import { AppError } from '../../types';
import { printElderCard } from '../../types/elder-cards';
import { defineFunction } from '../core/define-function';
import { cardUrl, renderCard, renderSticker } from './card-images';
import { isLiveCard, mayManageCard } from './elder-cards.permissions';
import { getElderCardRow } from './elder-cards.storage';

export const FOUND_PAGE = 'packages/elder/found/index';

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

export default defineFunction(printElderCard, async (input, { services, caller }) => {
  const card = await getElderCardRow(services.db, input.id);
  if (!card || !mayManageCard(caller, card)) throw new AppError('NOT_FOUND');
  if (!isLiveCard(card)) throw new AppError('ELDER_CARD_REVOKED');
  let miniCode: Buffer;
  try {
    // The scene carries the code (28 characters, within WeChat's 32); the found page reads it back.
    miniCode = await services.wechat.getUnlimitedQrCode({ scene: `c=${card.code}`, page: FOUND_PAGE, width: 430 });
  } catch {
    throw new AppError('WECHAT_UNAVAILABLE');
  }
  const url = cardUrl(services.config.publicUrl, card.code);
  const [front, sticker] = await Promise.all([renderCard({ displayName: card.display_name, url, miniCode }), renderSticker({ url })]);
  return { card: dataUrl(front), sticker: dataUrl(sticker), url };
});
