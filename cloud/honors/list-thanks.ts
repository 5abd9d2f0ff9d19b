import { AppError } from '../../types';
import { listThanks } from '../../types/honors';
import { getDistrict, getRegion } from '../communities/communities.storage';
import { defineFunction } from '../core/define-function';
import { toThanks } from './honor-view';
import { thanksRows } from './honors.storage';

export default defineFunction(listThanks, async (input, { services }) => {
  let scopeIds: string[] | undefined;
  if (input.communityId) {
    if (!(await getRegion(services.db, input.communityId))) throw new AppError('COMMUNITY_NOT_FOUND');
    const district = await getDistrict(services.db);
    scopeIds = [input.communityId, ...(district ? [district.id] : [])];
  }
  let before: { createdAt: string; id: string } | undefined;
  if (input.cursor) {
    try {
      const [createdAt, id] = JSON.parse(Buffer.from(input.cursor, 'base64url').toString('utf8')) as [string, string];
      if (typeof createdAt !== 'string' || typeof id !== 'string') throw new Error('shape');
      before = { createdAt, id };
    } catch {
      throw new AppError('INVALID_INPUT', '翻页参数无效，请下拉刷新后重试', [{ path: 'cursor', message: '翻页参数无效' }]);
    }
  }
  const rows = await thanksRows(services.db, { statuses: ['approved'], scopeIds, before, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toThanks(services, r)),
    nextCursor: rows.length > input.limit && last ? Buffer.from(JSON.stringify([last.created_at, last.id])).toString('base64url') : null,
  };
});
