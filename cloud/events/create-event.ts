import { AppError } from '../../types';
import { createEvent } from '../../types/events';
import { getRegion } from '../communities/communities.storage';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { scheduleOf } from './lib/event-fields';
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
  const at = now.toISOString();
  await insertEvent(services.db, {
    id,
    scope_id: scope.id,
    category: input.category,
    title: input.title,
    description: input.description,
    organizer: input.organizer,
    partners: JSON.stringify(input.partners),
    venue: input.venue,
    starts_at: schedule.startsAt.toISOString(),
    ends_at: schedule.endsAt.toISOString(),
    signup_opens_at: schedule.signupOpensAt.toISOString(),
    signup_closes_at: schedule.signupClosesAt.toISOString(),
    cancel_cutoff_at: schedule.cancelCutoffAt.toISOString(),
    requires_signup: input.requiresSignup ? 1 : 0,
    capacity: input.capacity,
    confirmed_count: 0,
    waitlist_seq: 0,
    state: 'draft',
    cancel_reason: null,
    attendance: null,
    residents_served: null,
    created_by: caller.id,
    created_at: at,
    updated_at: at,
  });
  return eventDetail(services, (await getEventRow(services.db, id))!, caller);
});
