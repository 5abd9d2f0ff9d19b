import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { call } from '../cloud/client';
import { useSession } from '../hooks/use-session';

/** 1008: a card in a group chat; 1044: a card shared with a shareTicket. Elsewhere getGroupEnterInfo fails (40097). */
export const GROUP_CARD_SCENES: ReadonlySet<number> = new Set([1008, 1044]);

/**
 * Opened from a card in a group chat: tells the host which group, so the sharer's reach
 * counts per group. WeChat encrypts the group id (opengid) with the user's session key, so
 * a fresh wx.login code goes with it; the host decrypts and never keeps the key. wx.login
 * comes first: it may renew the session key, which would make data encrypted before it
 * undecryptable. Outside a group chat (or outside WeChat) there is nothing to send, and a
 * failure costs the resident nothing.
 */
export function useGroupEntry(targetKind: 'event' | 'article' | 'honor', targetId: string, sharer: string | undefined): void {
  const session = useSession();
  const sent = useRef(false);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || !sharer || !targetId || sent.current || session.status !== 'signedIn') return;
    // Opened from a one-to-one chat, Moments or a poster: no group to tell.
    if (!GROUP_CARD_SCENES.has(Taro.getEnterOptionsSync().scene)) return;
    sent.current = true;
    void (async () => {
      const { code } = await Taro.login();
      const info = await new Promise<{ encryptedData: string; iv: string }>((resolve, reject) => {
        // getGroupEnterInfo has no promise form.
        (Taro as unknown as { getGroupEnterInfo(o: { success(r: { encryptedData: string; iv: string }): void; fail(e: unknown): void }): void }).getGroupEnterInfo({
          success: resolve,
          fail: reject,
        });
      });
      await call('shares.enterGroup', { targetKind, targetId, sharer, code, encryptedData: info.encryptedData, iv: info.iv });
    })().catch(() => undefined);
  }, [targetKind, targetId, sharer, session.status]);
}
