import { AppError } from '../../types';
import { sharePoster } from '../../types/grid';
import { defineFunction } from '../core/define-function';
import { cardFacts } from './card-facts';
import { renderPoster } from './share-card-image';

const SCENE_PREFIX = { event: 'e', article: 'a', honor: 'h' } as const;

export default defineFunction(sharePoster, async (input, { services }) => {
  const facts = await cardFacts(services, input.targetKind, input.targetId);
  if (!facts) throw new AppError('SHARE_TARGET_UNAVAILABLE');
  let code: Buffer;
  try {
    // The scene is at most 32 characters: a letter for the kind and the 24-character id.
    code = await services.wechat.getUnlimitedQrCode({ scene: `${SCENE_PREFIX[facts.kind]}${facts.id}`.slice(0, 32), page: facts.page, width: 280 });
  } catch {
    throw new AppError('WECHAT_UNAVAILABLE');
  }
  const png = await renderPoster(facts, code);
  return { image: `data:image/png;base64,${png.toString('base64')}` };
});
