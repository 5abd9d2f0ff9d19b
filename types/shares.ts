import { z } from 'zod';
import { SIGNED_IN } from './access';
import { defineContract } from './contract';

/** What one of my share cards brought. Only ever shown to the sharer: no ranking of staff. */
export interface ShareReach {
  targetKind: 'article' | 'event' | 'honor';
  targetId: string;
  title: string;
  /** Openings of the card by others. */
  visits: number;
  /** Event sign-ups made through the card. */
  signups: number;
}

export const MySharesInput = z.object({});
export const myShares = defineContract({
  name: 'shares.mine',
  summary: '我分享的卡片带来的浏览与报名（仅本人可见）',
  kind: 'query',
  access: SIGNED_IN,
  input: MySharesInput,
}).returns<ShareReach[]>();

export const sharesContracts = [myShares] as const;
