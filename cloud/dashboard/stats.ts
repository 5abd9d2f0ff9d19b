import type { CommunityStats, DashboardStats } from '../../types/admin';
import { shanghaiDay } from '../../types/time';
import type { Services } from '../core/services';
import { overdueFlag } from '../petitions/lib/deadlines';
import { bookingsInRange, communitiesOf, eventsInRange, petitionsInRange, pledgesInRange, type Range } from './dashboard.storage';

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/**
 * The numbers a community's office reports on: events held and residents served, bookings
 * and room use, petitions received / accepted on time / resolved / overdue / time to
 * resolve / satisfaction (响应率, 解决率, 满意率), and campaign pledges.
 */
export async function computeStats(services: Services, range: Range): Promise<DashboardStats> {
  const now = services.clock.now().toISOString();
  const [events, bookings, petitions, pledges, communities] = await Promise.all([
    eventsInRange(services.db, range),
    bookingsInRange(services.db, range),
    petitionsInRange(services.db, range),
    pledgesInRange(services.db, range),
    communitiesOf(services.db, range.communityIds),
  ]);

  const statsFor = (communityId: string | null, communityName: string): CommunityStats => {
    const mine = <T>(rows: T[], key: (row: T) => string) => (communityId ? rows.filter((r) => key(r) === communityId) : rows);
    const ev = mine(events, (e) => e.scope_id);
    const held = ev.filter((e) => e.state !== 'cancelled' && e.ends_at <= now);
    const bk = mine(bookings, (b) => b.community_id);
    const rooms = bk.filter((b) => b.kind === 'room' && (b.status === 'approved' || b.status === 'checked_in'));
    const pt = mine(petitions, (p) => p.community_id);
    const resolved = pt.filter((p) => p.resolved_at || p.status === 'closed');
    const rated = pt.filter((p) => p.rating !== null);
    const satisfied = rated.filter((p) => (p.rating ?? 0) >= 4);
    const acceptedOnTime = pt.filter((p) => p.accepted_at && p.accepted_at <= p.accept_due_at).length;
    const durations = resolved.filter((p) => p.resolved_at).map((p) => (Date.parse(p.resolved_at!) - Date.parse(p.created_at)) / 3_600_000);
    // Of the petitions received in the range, those still open and past a deadline today.
    const overdue = pt.filter((p) => overdueFlag(p, services.clock.now()) !== null).length;
    return {
      communityId: communityId ?? 'all',
      communityName,
      events: {
        held: held.length,
        attendance: held.reduce((n, e) => n + (e.attendance ?? 0), 0),
        residentsServed: held.reduce((n, e) => n + (e.residents_served ?? 0), 0),
        cancelled: ev.filter((e) => e.state === 'cancelled').length,
      },
      bookings: {
        total: bk.filter((b) => b.status !== 'cancelled' && b.status !== 'rejected').length,
        rooms: rooms.length,
        hall: bk.filter((b) => b.kind === 'hall' && b.status !== 'cancelled').length,
        roomHours: Math.round(rooms.reduce((h, b) => h + (Date.parse(b.slot_end) - Date.parse(b.slot_start)) / 3_600_000, 0) * 10) / 10,
        noShows: bk.filter((b) => b.status === 'no_show').length,
        pending: bk.filter((b) => b.status === 'pending').length,
      },
      petitions: {
        received: pt.length,
        acceptedOnTime,
        resolved: resolved.length,
        overdue,
        avgHoursToResolve: durations.length ? Math.round((durations.reduce((a, b) => a + b, 0) / durations.length) * 10) / 10 : null,
        rated: rated.length,
        satisfied: satisfied.length,
        responseRate: rate(acceptedOnTime, pt.length),
        resolutionRate: rate(resolved.length, pt.length),
        satisfactionRate: rate(satisfied.length, rated.length),
      },
      pledges: communityId ? pledges.filter((p) => p.scope_id === communityId).length : pledges.length,
    };
  };

  const days = new Map<string, DashboardStats['daily'][number]>();
  const day = (iso: string) => {
    const d = shanghaiDay(iso);
    if (!days.has(d)) days.set(d, { day: d, petitionsReceived: 0, petitionsResolved: 0, eventsHeld: 0, bookings: 0 });
    return days.get(d)!;
  };
  for (const p of petitions) {
    day(p.created_at).petitionsReceived++;
    if (p.resolved_at) day(p.resolved_at).petitionsResolved++;
  }
  for (const e of events) if (e.state !== 'cancelled' && e.ends_at <= now) day(e.starts_at).eventsHeld++;
  for (const b of bookings) if (b.status !== 'cancelled' && b.status !== 'rejected') day(b.slot_start).bookings++;

  return {
    from: range.from,
    to: range.to,
    total: statsFor(null, range.communityIds === 'all' ? '全区' : communities.map((c) => c.name).join('、')),
    communities: communities.map((c) => statsFor(c.id, c.name)),
    daily: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}
