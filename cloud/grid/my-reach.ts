import type { GroupReach, MyReach, ShareReachDetail, ShareTargetKind } from '../../types/grid-model';
import { myReach } from '../../types/grid';
import { shanghaiDay } from '../../types/time';
import { DAY } from '../core/clock';
import { defineFunction } from '../core/define-function';
import { bookingsBy, groupOpensOf, labelsOf, shareVisitsOf, signupsThrough, titlesOf } from './grid.storage';

/** A booking counts for a group when its resident opened the card there at most this long before. */
const BOOKING_WINDOW_MS = 7 * DAY;
const DAYS_SHOWN = 14;

/**
 * 我的传播. Every query is keyed on the caller's own id, taken from the session: there is
 * no input naming a person, so nobody can ask for another worker's reach.
 */
export default defineFunction(myReach, async (_input, { services, caller }) => {
  const [visits, opens, signups, labels] = await Promise.all([
    shareVisitsOf(services.db, caller.id),
    groupOpensOf(services.db, caller.id),
    signupsThrough(services.db, caller.id),
    labelsOf(services.db, caller.id),
  ]);
  const groupVisitors = [...new Set(opens.map((o) => o.visitor_id))];
  const bookings = await bookingsBy(services.db, groupVisitors);

  interface Acc {
    kind: ShareTargetKind;
    id: string;
    visitors: Set<string>;
    anonymous: number;
    first: string | null;
    groups: Map<string, { opens: number; newResidents: number; visitors: Map<string, string> }>;
  }
  const shares = new Map<string, Acc>();
  const accFor = (kind: string, id: string): Acc => {
    const key = `${kind}:${id}`;
    let acc = shares.get(key);
    if (!acc) {
      acc = { kind: kind as ShareTargetKind, id, visitors: new Set(), anonymous: 0, first: null, groups: new Map() };
      shares.set(key, acc);
    }
    return acc;
  };
  const firstOpen = new Map<string, string>();
  const noteOpen = (key: string, at: string) => {
    const seen = firstOpen.get(key);
    if (!seen || at < seen) firstOpen.set(key, at);
  };
  let anonymousSeq = 0;
  for (const v of visits) {
    const acc = accFor(v.target_kind, v.target_id);
    if (v.visitor_id) acc.visitors.add(v.visitor_id);
    else acc.anonymous++;
    if (!acc.first || v.visited_at < acc.first) acc.first = v.visited_at;
    noteOpen(`${v.target_kind}:${v.target_id}:${v.visitor_id ?? `anonymous-${anonymousSeq++}`}`, v.visited_at);
  }
  for (const o of opens) {
    const acc = accFor(o.target_kind, o.target_id);
    acc.visitors.add(o.visitor_id);
    if (!acc.first || o.opened_at < acc.first) acc.first = o.opened_at;
    noteOpen(`${o.target_kind}:${o.target_id}:${o.visitor_id}`, o.opened_at);
    const g = acc.groups.get(o.opengid) ?? { opens: 0, newResidents: 0, visitors: new Map<string, string>() };
    g.opens++;
    g.newResidents += o.new_resident;
    g.visitors.set(o.visitor_id, o.opened_at);
    acc.groups.set(o.opengid, g);
  }
  const signedUp = new Map<string, Set<string>>();
  for (const s of signups) {
    const set = signedUp.get(s.event_id) ?? new Set<string>();
    set.add(s.user_id);
    signedUp.set(s.event_id, set);
    accFor('event', s.event_id);
  }

  const titles = new Map<string, string>();
  for (const kind of ['event', 'article', 'honor'] as const) {
    const ids = [...shares.values()].filter((a) => a.kind === kind).map((a) => a.id);
    for (const [id, title] of await titlesOf(services.db, kind, ids)) titles.set(`${kind}:${id}`, title);
  }

  const result: ShareReachDetail[] = [...shares.values()]
    .filter((a) => titles.has(`${a.kind}:${a.id}`))
    .map((a) => {
      const eventSignups = a.kind === 'event' ? (signedUp.get(a.id) ?? new Set<string>()) : new Set<string>();
      const groups: GroupReach[] = [...a.groups.entries()].map(([opengid, g]) => ({
        opengid,
        label: labels.get(opengid) ?? null,
        opens: g.opens,
        newResidents: g.newResidents,
        signups: [...g.visitors.keys()].filter((v) => eventSignups.has(v)).length,
        bookings: bookings.filter((b) => {
          const openedAt = g.visitors.get(b.user_id);
          if (!openedAt) return false;
          const gap = new Date(b.created_at).getTime() - new Date(openedAt).getTime();
          return gap >= 0 && gap <= BOOKING_WINDOW_MS;
        }).length,
      }));
      return {
        targetKind: a.kind,
        targetId: a.id,
        title: titles.get(`${a.kind}:${a.id}`)!,
        opens: a.visitors.size + a.anonymous,
        signups: eventSignups.size,
        groups: groups.sort((x, y) => y.opens - x.opens),
        firstOpenedAt: a.first ? new Date(a.first) : null,
      };
    })
    // Newest first: a list of my own shares over time, not a league table.
    .sort((x, y) => (y.firstOpenedAt?.getTime() ?? 0) - (x.firstOpenedAt?.getTime() ?? 0));

  const now = services.clock.now();
  const days: MyReach['days'] = [];
  const perDay = new Map<string, number>();
  for (const at of firstOpen.values()) perDay.set(shanghaiDay(at), (perDay.get(shanghaiDay(at)) ?? 0) + 1);
  for (let i = DAYS_SHOWN - 1; i >= 0; i--) {
    const day = shanghaiDay(new Date(now.getTime() - i * DAY));
    days.push({ day, opens: perDay.get(day) ?? 0 });
  }
  return { shares: result, days };
});
