import { formatFullDateTime } from '../../types/time';
import type { Config } from '../config';
import type { OutgoingMessage } from '../notifications/outbox.storage';
import { templateFor, thing } from '../notifications/templates';

export const CARD_PAGE = 'packages/elder/card/index';

/**
 * The alert a finder's tap sends, to the family member who holds the card and to each grid
 * worker of the card's community. One message per recipient and alert (the scan id), so a
 * retry never doubles it.
 */
export function alertMessages(
  _config: Pick<Config, 'templates'>,
  a: { cardId: string; scanId: string; displayName: string; recipients: string[]; located: boolean; at: Date },
): OutgoingMessage[] {
  return [...new Set(a.recipients)].map((userId) => ({
    dedupeKey: `elder:${a.cardId}:alert:${a.scanId}:${userId}`,
    userId,
    template: templateFor('elder.alert'),
    page: `${CARD_PAGE}?id=${a.cardId}`,
    data: {
      thing1: thing(`${a.displayName}可能需要帮助`),
      time2: formatFullDateTime(a.at),
      thing3: thing(a.located ? '好心人已提供所在位置，请查看' : '好心人未提供位置，请尽快联系'),
    },
    notBefore: a.at,
  }));
}
