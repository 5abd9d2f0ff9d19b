import { AppError } from '../../types';
import type { SessionUser } from '../core/define-function';
import { narrowScope } from '../core/scope';
import { statsCommunities } from './dashboard.permissions';

/** The communities an admin's numbers cover: one they ask for (if theirs), or all of theirs. */
export function adminScope(caller: SessionUser, communityId: string | undefined): string[] | 'all' {
  const scope = narrowScope(statsCommunities(caller.grants), communityId);
  if (!scope) throw new AppError('OUT_OF_SCOPE');
  return scope;
}

export function checkRange(from: Date, to: Date): void {
  if (to <= from) throw new AppError('INVALID_INPUT', '结束日期要晚于开始日期', [{ path: 'to', message: '结束日期要晚于开始日期' }]);
  if (to.getTime() - from.getTime() > 400 * 24 * 3_600_000) {
    throw new AppError('INVALID_INPUT', '一次最多统计一年多的数据', [{ path: 'from', message: '时间范围太长' }]);
  }
}
