import { adminListEvents, type EventTiming } from '../../types/events';
import { defineFunction } from '../core/define-function';
import { eventConsoleScopes } from './events.permissions';
import { toEventSummary } from './lib/event-view';
import { eventsForAdmin } from './events.storage';

export default defineFunction(adminListEvents, async (input, { services, caller }) => {
  const now = services.clock.now();
  const { rows, total } = await eventsForAdmin(services.db, {
    scopeIds: eventConsoleScopes(caller.grants),
    state: input.state,
    category: input.category,
    q: input.q,
    offset: (input.page - 1) * input.pageSize,
    limit: input.pageSize,
  });
  return {
    items: rows.map((r) => ({ ...toEventSummary(r, now), state: r.state as EventTiming['state'], confirmedCount: r.confirmed_count })),
    total,
  };
});
