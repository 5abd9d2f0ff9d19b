import type { EventSummary } from '../../types/events-model';
import { eventsForCheckIn, staffCommunities, worksEvents } from './staff-events';

function event(id: string, startsAt: string, over: Partial<EventSummary> = {}): EventSummary {
  return {
    id,
    title: id,
    category: '义诊',
    scopeId: 'chaoyang',
    scopeName: '朝阳社区',
    venue: '党群服务中心',
    startsAt: new Date(startsAt),
    endsAt: new Date(new Date(startsAt).getTime() + 3600_000),
    capacity: 10,
    seatsLeft: 5,
    waitlistLength: 0,
    requiresSignup: true,
    status: 'open',
    statusText: '报名中',
    ...over,
  };
}

describe('who works events', () => {
  it('is any staff role, never a plain resident', () => {
    expect(worksEvents([])).toBe(false);
    expect(worksEvents([{ role: 'gridWorker', scopeId: 'chaoyang' }])).toBe(true);
  });

  it('in their own communities, or everywhere for a district admin', () => {
    expect(staffCommunities([{ role: 'agent', scopeId: 'chaoyang' }, { role: 'gridWorker', scopeId: 'chaoyang' }])).toEqual(['chaoyang']);
    expect(staffCommunities([{ role: 'districtAdmin', scopeId: 'shangjie' }])).toBe('all');
  });
});

describe('the events a staff member checks people in for', () => {
  // 2026-03-22 23:40 in Shanghai.
  const now = new Date('2026-03-22T15:40:00Z');

  it('are those going on, later today, and within the hour past midnight; not tomorrow', async () => {
    const pages: Record<string, { items: EventSummary[]; nextCursor: string | null }> = {
      ongoing: { items: [event('now', '2026-03-22T14:00:00Z', { status: 'ongoing' })], nextCursor: null },
      upcoming: {
        items: [event('late', '2026-03-22T15:50:00Z'), event('after-midnight', '2026-03-22T16:20:00Z'), event('tomorrow', '2026-03-23T01:00:00Z')],
        nextCursor: 'more',
      },
    };
    const asked: unknown[] = [];
    const found = await eventsForCheckIn(
      async (input) => {
        asked.push(input);
        return pages[input.when ?? 'upcoming']!;
      },
      ['chaoyang'],
      now,
    );
    expect(found.map((e) => e.id)).toEqual(['now', 'late', 'after-midnight']);
    // It stopped at the page that reached tomorrow rather than asking for the next.
    expect(asked).toHaveLength(2);
    expect(asked[1]).toMatchObject({ when: 'upcoming', communityId: 'chaoyang' });
  });

  it('pages on while the starts are still today, and leaves cancelled ones out', async () => {
    const upcoming = [
      { items: [event('a', '2026-03-22T15:45:00Z')], nextCursor: 'c1' },
      { items: [event('b', '2026-03-22T15:50:00Z', { status: 'cancelled' }), event('c', '2026-03-22T15:55:00Z')], nextCursor: null },
    ];
    let page = 0;
    const found = await eventsForCheckIn(
      async (input) => (input.when === 'ongoing' ? { items: [], nextCursor: null } : upcoming[page++]!),
      'all',
      now,
    );
    expect(found.map((e) => e.id)).toEqual(['a', 'c']);
  });
});
