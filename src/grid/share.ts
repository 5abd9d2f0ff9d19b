import Taro from '@tarojs/taro';
import type { PreparedCard } from '../../types/grid-model';
import { cloudSettings } from '../cloud/settings';

/** The host serves card images under its own origin; WeChat needs the absolute URL. */
export function absoluteImage(path: string): string {
  return `${cloudSettings().serverURL.replace(/\/$/, '')}${path}`;
}

/**
 * Turns the next 转发 into a 动态消息 in the group chat (WeChat shows "成员正在加入 x/y 人"
 * and the host keeps it current) and asks for a shareTicket so the group can be told apart.
 * Only in WeChat; elsewhere there is nothing to set.
 */
export async function armShareMenu(card: PreparedCard): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  await Taro.updateShareMenu({
    withShareTicket: true,
    ...(card.live
      ? {
          isUpdatableMessage: true,
          activityId: card.live.activityId,
          templateInfo: { parameterList: card.live.parameters.map((p) => ({ name: p.name, value: p.value })) },
        }
      : {}),
  } as Parameters<typeof Taro.updateShareMenu>[0]).catch(() => undefined);
}
