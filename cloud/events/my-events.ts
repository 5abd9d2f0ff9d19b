import { myEvents } from '../../types/events';
import { defineFunction } from '../core/define-function';
import { checkinQr, toEventSummary, toMyRegistration } from './lib/event-view';
import { getEventRow, registrationsOfUser, waitlistPosition } from './events.storage';

export default defineFunction(myEvents, async (input, { services, caller }) => {
  const now = services.clock.now();
  const regs = await registrationsOfUser(services.db, caller.id);
  const rows = [];
  for (const reg of regs) {
    const event = await getEventRow(services.db, reg.event_id);
    if (!event) continue;
    const past = event.state === 'closed' || event.ends_at <= now.toISOString();
    if (past !== (input.when === 'past')) continue;
    const registration = toMyRegistration(reg, event, await waitlistPosition(services.db, reg), now);
    rows.push({
      event: toEventSummary(event, now),
      registration,
      checkinQr: registration.checkinCode && !past ? await checkinQr(registration.checkinCode) : null,
    });
  }
  const order = input.when === 'past' ? -1 : 1;
  return rows.sort((a, b) => order * (a.event.startsAt.getTime() - b.event.startsAt.getTime()));
});
