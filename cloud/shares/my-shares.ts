import { myShares, type ShareReach } from '../../types/shares';
import { defineFunction } from '../core/define-function';
import { countSignupsBySharer } from '../events/events.storage';
import { visitsBySharer } from './shares.storage';

export default defineFunction(myShares, async (_input, { services, caller }) => {
  const [visits, signups] = await Promise.all([visitsBySharer(services.db, caller.id), countSignupsBySharer(services.db, caller.id)]);
  const reach = new Map<string, ShareReach>();
  for (const v of visits) {
    reach.set(`${v.kind}:${v.targetId}`, { targetKind: v.kind as ShareReach['targetKind'], targetId: v.targetId, title: v.title, visits: v.visits, signups: 0 });
  }
  for (const s of signups) {
    const key = `event:${s.eventId}`;
    const entry = reach.get(key) ?? { targetKind: 'event' as const, targetId: s.eventId, title: s.title, visits: 0, signups: 0 };
    reach.set(key, { ...entry, signups: s.signups });
  }
  return [...reach.values()].sort((a, b) => b.signups - a.signups || b.visits - a.visits);
});
