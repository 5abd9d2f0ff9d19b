import { AppError } from '../../types';
import { createEvent } from '../../types/events';
import { getRegion } from '../communities/communities.storage';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { newEventRow, scheduleOf } from './lib/event-fields';
import { mayManageEvent } from './events.permissions';
import { getEventRow, insertEvent } from './events.storage';
import { eventDetail } from './lib/load-event';

export default defineFunction(createEvent, async (input, { services, caller }) => {
  const scope = await getRegion(services.db, input.scopeId);
  if (!scope || (scope.level !== 'community' && scope.level !== 'district')) {
    throw new AppError('COMMUNITY_NOT_FOUND', '活动范围需为一个社区/村或全区');
  }
  if (!mayManageEvent(caller.grants, scope)) throw new AppError('OUT_OF_SCOPE');
  const now = services.clock.now();
  const schedule = scheduleOf(input, now);
  const id = newId();
  await insertEvent(services.db, newEventRow({ ...input, id, scopeId: scope.id }, schedule, { state: 'draft', createdBy: caller.id, createdAt: now }));
  return eventDetail(services, (await getEventRow(services.db, id))!, caller);
});
