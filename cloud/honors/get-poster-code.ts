import { AppError } from '../../types';
import { honorPosterCode } from '../../types/honors';
import { defineFunction } from '../core/define-function';
import { getHonorEntryRow } from './honors.storage';
import { isPublicEntry } from './honors.permissions';

export default defineFunction(honorPosterCode, async (input, { services }) => {
  const row = await getHonorEntryRow(services.db, input.id);
  if (!row || !isPublicEntry(row)) throw new AppError('NOT_FOUND');
  try {
    // The scene carries the entry id (24 characters, within WeChat's 32); the page reads it back.
    const png = await services.wechat.getUnlimitedQrCode({ scene: row.id, page: 'packages/honors/entry/index', width: 280 });
    return { image: `data:image/png;base64,${png.toString('base64')}` };
  } catch {
    throw new AppError('WECHAT_UNAVAILABLE');
  }
});
