import { DAY } from '../core/clock';
import { signIn, signInConsole, startTestLinli, type Client, type TestLinli } from '../testing/linli';
import { outboxBacklog } from '../notifications/outbox.storage';
import { seedDemo } from './seed';
import { HISTORY_DAYS, HISTORY_PETITIONS } from './history';

/**
 * The demo's past (LINLI_DEMO_HISTORY, on for `npm start`): a first start's dashboard,
 * reports and exports show months of work across 上街区's communities.
 */
let linli: TestLinli;
let district: Client;
const period = () => ({ from: new Date(linli.clock.now().getTime() - HISTORY_DAYS * DAY), to: linli.clock.now() });

beforeAll(async () => {
  linli = await startTestLinli({ LINLI_DEMO_HISTORY: '1' });
  district = await signInConsole('district-admin', 'Linli2026dev');
});
afterAll(() => linli.stop());

describe('when the demo is loaded with its past', () => {
  it('fills the district dashboard: events held with attendance, bookings, petitions taken to a rating', async () => {
    const { total, communities, daily } = await district.call('dashboard.stats', period());
    expect(total.events.held).toBeGreaterThanOrEqual(12);
    expect(total.events.attendance).toBeGreaterThan(total.events.held * 5);
    expect(total.bookings.total).toBeGreaterThanOrEqual(20);
    expect(total.bookings.rooms).toBeGreaterThan(0);
    expect(total.bookings.hall).toBeGreaterThan(0);
    expect(total.bookings.noShows).toBeGreaterThan(0);
    expect(total.petitions.received).toBe(HISTORY_PETITIONS);
    expect(total.petitions.resolved).toBeGreaterThan(HISTORY_PETITIONS * 0.8);
    expect(total.petitions.avgHoursToResolve).toBeGreaterThan(24);
    expect(total.petitions.satisfactionRate).toBeGreaterThan(0.5);
    // Not everything on time, not everything done: the figures are worth reading.
    expect(total.petitions.responseRate).toBeLessThan(1);
    expect(total.petitions.resolutionRate).toBeLessThan(1);
    expect(total.pledges).toBeGreaterThan(0);
    // Spread over the district, not one community's story.
    expect(communities.filter((c) => c.petitions.received > 0).length).toBeGreaterThanOrEqual(6);
    expect(communities.filter((c) => c.events.held > 0).length).toBeGreaterThanOrEqual(6);
    // Over about four months, day by day.
    const months = new Set(daily.filter((d) => d.petitionsReceived + d.eventsHeld + d.bookings > 0).map((d) => d.day.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(4);
  });

  it('shows the last 30 days on their own, as the console opens the dashboard', async () => {
    const { total } = await district.call('dashboard.stats', { from: new Date(linli.clock.now().getTime() - 30 * DAY), to: linli.clock.now() });
    expect(total.events.held).toBeGreaterThan(0);
    expect(total.bookings.total).toBeGreaterThan(0);
    expect(total.petitions.received).toBeGreaterThan(0);
  });

  it('keeps each petition\'s steps with real times, in order, for its resident and its agent', async () => {
    const admin = await signIn('admin');
    const all = await admin.call('petitions.inbox', { status: 'all' });
    const closed = all.filter((p) => p.status === 'closed');
    expect(closed.length).toBeGreaterThan(0);
    const open = (await district.call('petitions.inbox', { status: 'open' })).map((p) => p.status);
    expect(open).toEqual(expect.arrayContaining(['accepted', 'in_progress']));
    const petition = await admin.call('petitions.get', { id: closed[0]!.id });
    const steps = petition.timeline.map((t) => t.action);
    expect(steps).toEqual(['submit', 'assign', 'accept', 'note', 'resolve', 'confirm']);
    const times = petition.timeline.map((t) => new Date(t.at).getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times[times.length - 1]! - times[0]!).toBeGreaterThan(DAY);
    expect(petition.rating).not.toBeNull();
  });

  it('lists the past events with registrants checked in at the door', async () => {
    const { url } = await district.call('reports.export', { report: 'events', ...period() });
    const response = await fetch(linli.url + url);
    expect(response.status).toBe(200);
    const { registrants } = await district.call('events.registrants', { eventId: 'demo-past-01' });
    expect(registrants.length).toBeGreaterThan(0);
    expect(registrants.some((r) => r.checkedInAt)).toBe(true);
  });

  it('has residents signing up, confirming and rating in the Shanghai day, not at night', async () => {
    const hourOf = (at: Date | string) => (new Date(at).getUTCHours() + 8) % 24 + new Date(at).getUTCMinutes() / 60;
    const daytime = (at: Date | string) => hourOf(at) >= 7.5 && hourOf(at) < 21.5;
    const signUps = [];
    for (const n of ['01', '02', '05', '08', '12']) {
      const { registrants } = await district.call('events.registrants', { eventId: `demo-past-${n}` });
      signUps.push(...registrants.map((r) => r.registeredAt));
    }
    expect(signUps.length).toBeGreaterThan(20);
    expect(signUps.filter((at) => !daytime(at))).toEqual([]);
    const admin = await signIn('admin');
    const closed = (await admin.call('petitions.inbox', { status: 'all' })).filter((p) => p.status === 'closed').slice(0, 10);
    for (const p of closed) {
      const { timeline } = await admin.call('petitions.get', { id: p.id });
      const residents = timeline.filter((t) => t.action === 'submit' || t.action === 'confirm');
      expect(residents.filter((t) => !daytime(t.at))).toEqual([]);
    }
  });

  it('files its petitions as 我要反映 does, and tells nobody today about steps taken months ago', async () => {
    const admin = await signIn('admin');
    const all = await admin.call('petitions.inbox', { status: 'all' });
    // Filed through filePetition: a formal 信访 carries the ID number it requires.
    const formal = all.find((p) => p.kind === 'petition');
    expect(formal).toBeDefined();
    const detail = await admin.call('petitions.get', { id: formal!.id });
    expect(detail.timeline[0]!.action).toBe('submit');
    expect(detail.timeline[1]).toMatchObject({ action: 'assign', note: '当天值班代办员' });
    expect(await outboxBacklog(linli.services.db)).toEqual({ pending: 0, sending: 0 });
  });

  it('is loaded once: a second start adds nothing', async () => {
    const before = await district.call('dashboard.stats', period());
    await seedDemo(linli.services);
    const after = await district.call('dashboard.stats', period());
    expect(after.total).toEqual(before.total);
  });
});
