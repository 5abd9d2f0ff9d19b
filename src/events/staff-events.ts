import type { FunctionInput, FunctionOutput } from '../../types';
import type { RoleGrant } from '../../types/access';
import type { EventSummary } from '../../types/events-model';
import { shanghaiDay } from '../../types/time';

type ListInput = FunctionInput<'events.list'>;
type ListPage = FunctionOutput<'events.list'>;

/** The staff roles that may check residents in (the host's events.checkIn rule). */
const WORKING_ROLES = ['gridWorker', 'agent', 'communityAdmin', 'districtAdmin'] as const;

/** Whether this user holds a role that works events, i.e. should see the check-in page. */
export function worksEvents(grants: readonly RoleGrant[]): boolean {
  return grants.some((g) => (WORKING_ROLES as readonly string[]).includes(g.role));
}

/**
 * Where a staff member works events: every community for a district admin, otherwise the
 * communities of their grants (a grid worker of 朝阳社区 works 朝阳社区's events).
 */
export function staffCommunities(grants: readonly RoleGrant[]): 'all' | string[] {
  if (grants.some((g) => g.role === 'districtAdmin')) return 'all';
  return [...new Set(grants.filter((g) => g.role !== 'districtAdmin').map((g) => g.scopeId))];
}

/** Check-in opens an hour before the start (the host's CHECKIN_OPENS_BEFORE_START, cloud/events/events.permissions.ts). */
const CHECKIN_LEAD_MS = 60 * 60 * 1000;

/**
 * The events a staff member may be checking people in for today: those going on now, and
 * those starting later today (Shanghai) or within the hour, so an 00:30 event is on the
 * list at 23:45. Pages through the host's list until the starts pass that horizon.
 *
 * @example await eventsForCheckIn((input) => call('events.list', input), ['chaoyang'], new Date())
 */
export async function eventsForCheckIn(
  list: (input: ListInput) => Promise<ListPage>,
  communities: 'all' | string[],
  now: Date,
): Promise<EventSummary[]> {
  const today = shanghaiDay(now);
  const soon = now.getTime() + CHECKIN_LEAD_MS;
  const relevant = (e: EventSummary) => shanghaiDay(e.startsAt) === today || new Date(e.startsAt).getTime() <= soon;
  const scopes = communities === 'all' ? [undefined] : communities;
  const found = new Map<string, EventSummary>();

  for (const communityId of scopes) {
    const ongoing = await allPages(list, { when: 'ongoing', communityId }, () => true);
    ongoing.forEach((e) => found.set(e.id, e));
    // Upcoming comes in start order: stop at the first page that reaches past today.
    const upcoming = await allPages(list, { when: 'upcoming', communityId }, relevant);
    upcoming.filter((e) => relevant(e) && e.status !== 'cancelled').forEach((e) => found.set(e.id, e));
  }
  return [...found.values()].sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
}

async function allPages(
  list: (input: ListInput) => Promise<ListPage>,
  input: ListInput,
  keepGoing: (last: EventSummary) => boolean,
): Promise<EventSummary[]> {
  const items: EventSummary[] = [];
  let cursor: string | undefined;
  // A community has a handful of events a day; the cap only guards against a host bug.
  for (let page = 0; page < 20; page++) {
    const result = await list({ ...input, limit: 50, ...(cursor ? { cursor } : {}) });
    items.push(...result.items);
    const last = result.items[result.items.length - 1];
    if (!result.nextCursor || !last || !keepGoing(last)) break;
    cursor = result.nextCursor;
  }
  return items;
}
