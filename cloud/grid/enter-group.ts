import { AppError } from '../../types';
import { enterFromGroup } from '../../types/grid';
import { HOUR } from '../core/clock';
import { defineFunction } from '../core/define-function';
import { countsForSharer } from '../shares/shares.permissions';
import { getUser } from '../users/users.storage';
import { WechatError } from '../wechat/client';
import { OpenDataError } from '../wechat/open-data';
import { cardFacts } from './card-facts';
import { recordGroupOpen } from './grid.storage';

/** A resident whose account is this young when they open the card joined through it. */
const NEW_RESIDENT_WINDOW_MS = HOUR;

export default defineFunction(enterFromGroup, async (input, { services, caller }) => {
  let opened: { openid: string; data: Record<string, unknown> };
  try {
    opened = await services.wechat.decryptWithCode(input.code, input.encryptedData, input.iv);
  } catch (error) {
    if (error instanceof OpenDataError) throw new AppError('GRID_GROUP_DATA_INVALID');
    if (error instanceof WechatError && error.errcode > 0) throw new AppError('WECHAT_CODE_INVALID');
    throw new AppError('WECHAT_UNAVAILABLE');
  }
  const visitor = await getUser(services.db, caller.id);
  // The code must be the caller's own: someone else's group data counts for nobody.
  if (!visitor || visitor.openid !== opened.openid) throw new AppError('GRID_GROUP_DATA_INVALID');
  const opengid = opened.data.opengid;
  if (typeof opengid !== 'string' || !opengid) throw new AppError('GRID_GROUP_DATA_INVALID');
  // Opening one's own card, from a forged sharer, or a card that is not public: nothing counts.
  if (!countsForSharer({ id: input.sharer, exists: !!(await getUser(services.db, input.sharer)) }, caller.id)) return { counted: false };
  if (!(await cardFacts(services, input.targetKind, input.targetId))) return { counted: false };
  const now = services.clock.now();
  const counted = await recordGroupOpen(services.db, {
    sharerId: input.sharer,
    targetKind: input.targetKind,
    targetId: input.targetId,
    opengid,
    visitorId: caller.id,
    newResident: now.getTime() - new Date(visitor.created_at).getTime() <= NEW_RESIDENT_WINDOW_MS,
    now,
  });
  return { counted };
});
