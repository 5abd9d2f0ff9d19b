import { AppError } from '../../types';
import { prepareCard } from '../../types/grid';
import { defineFunction } from '../core/define-function';
import { WechatError } from '../wechat/client';
import { cardFacts } from './card-facts';
import { liveCardFor } from './live-cards';

export default defineFunction(prepareCard, async (input, { services, caller }) => {
  const facts = await cardFacts(services, input.targetKind, input.targetId);
  if (!facts) throw new AppError('SHARE_TARGET_UNAVAILABLE');
  const query = `id=${encodeURIComponent(facts.id)}&sharer=${encodeURIComponent(caller.id)}`;
  let live = null;
  if (facts.live && facts.live.state === 0) {
    try {
      const made = await liveCardFor(services, facts.id, caller.id, { count: facts.live.confirmed, limit: facts.live.capacity });
      live = {
        ...made,
        parameters: [
          { name: 'member_count' as const, value: String(facts.live.confirmed) },
          { name: 'room_limit' as const, value: String(facts.live.capacity) },
        ],
      };
    } catch (error) {
      // Without WeChat the card is still shared, as a plain card.
      if (!(error instanceof WechatError)) throw error;
    }
  }
  return {
    title: facts.highlight ? `${facts.title}｜${facts.highlight}` : facts.title,
    path: `/${facts.page}?${query}`,
    timelineQuery: query,
    imageUrl: `/api/share-cards/${facts.kind}/${facts.id}.png`,
    live,
  };
});
