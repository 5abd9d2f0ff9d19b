import { ERRORS } from '../../types';
import { HOUR } from '../core/clock';
import { DEMO_SCREENS } from '../demo/stories';
import { interleaved, staffOf } from '../testing/interleave';
import { anonymous, errorCodeOf, signIn, startTestLinli, type Client, type TestLinli } from '../testing/linli';
import renewScreenKey from './renew-screen-key';
import saveScreen from './save-screen';

let linli: TestLinli;
let admin: Client;
let kangleAdmin: Client;
beforeAll(async () => {
  linli = await startTestLinli();
  admin = await signIn('admin');
  kangleAdmin = await signIn('admin-kangle');
});
afterAll(() => linli.stop());

const chaoyangKey = DEMO_SCREENS[0].key;

describe('what a screen shows', () => {
  it('shows 朝阳社区’s notices, events with seats left, today’s room use, the hall’s hours and the honor list, without sign-in', async () => {
    const content = await anonymous.call('screens.show', { key: chaoyangKey });
    expect(content).toMatchObject({ name: '一楼大厅屏', communityName: '朝阳社区', orientation: 'landscape', rotateSeconds: 15 });
    expect(content.modules).toEqual(['notices', 'events', 'rooms', 'hall', 'honors']);
    expect(content.notices.length).toBeGreaterThan(0);
    expect(content.events.week.map((e) => e.title)).toContain('爱心义诊进社区');
    expect(content.rooms.length).toBeGreaterThan(0);
    expect(content.hall).toMatchObject({ centerName: expect.stringContaining('朝阳社区') });
    expect(content.hall!.hoursToday.length).toBeGreaterThan(0);
    expect(content.honors?.entries.length).toBeGreaterThan(0);
  });

  it('a campaign shows its pledge count, and a new pledge shows at the next refresh', async () => {
    const dongfang = await anonymous.call('screens.show', { key: DEMO_SCREENS[1].key });
    const campaign = dongfang.notices.find((n) => n.pledge);
    expect(campaign).toBeDefined();
    const resident = await signIn('screen-pledger');
    await resident.call('articles.pledge', { id: campaign!.id });
    const after = await anonymous.call('screens.show', { key: DEMO_SCREENS[1].key });
    expect(after.notices.find((n) => n.id === campaign!.id)!.pledge!.count).toBe(campaign!.pledge!.count + 1);
    // Only the modules chosen for that screen are filled.
    expect([after.rooms, after.honors]).toEqual([[], null]);
  });

  it('tells who booked a room or why to nobody: a booking shows as a time only', async () => {
    const resident = await signIn('screen-booker');
    const rooms = await resident.call('bookings.resources', { communityId: 'chaoyang', kind: 'room' });
    const room = rooms.find((r) => !r.requiresApproval)!;
    const day = await resident.call('bookings.availability', { resourceId: room.id, date: '2026-03-24' });
    const slot = day.slots.find((s) => s.bookable)!;
    await resident.call('bookings.create', { resourceId: room.id, start: slot.start, purpose: '张家私事谈话', partySize: 2 });
    linli.clock.set(new Date(new Date(slot.start).getTime() - HOUR));
    try {
      const content = await anonymous.call('screens.show', { key: chaoyangKey });
      const text = JSON.stringify(content);
      expect(content.rooms.find((r) => r.name === room.name)!.uses.length).toBeGreaterThan(0);
      expect(text).not.toContain('张家私事谈话');
      expect(text).not.toContain('screen-booker');
    } finally {
      linli.clock.set(new Date('2026-03-23T02:00:00.000Z'));
    }
  });

  it('an unknown or short key is refused with a message that says what to do', async () => {
    expect(await errorCodeOf(anonymous.call('screens.show', { key: 'not-a-real-screen-key-123' }))).toBe(ERRORS.SCREEN_NOT_FOUND.code);
    expect(await errorCodeOf(anonymous.call('screens.show', { key: 'short' }))).toBe(ERRORS.INVALID_INPUT.code);
  });
});

describe('setting up screens in the console', () => {
  it('an admin adds a screen, chooses what it shows and how fast it turns; a new address ends the old one', async () => {
    const screen = await admin.call('screens.save', { communityId: 'chaoyang', name: '二楼活动室屏', orientation: 'portrait', modules: ['events', 'notices'], rotateSeconds: 20 });
    expect(screen.path).toMatch(/^\/screen\/#[A-Za-z0-9_-]{32}$/);
    const key = screen.path.split('#')[1]!;
    expect(await anonymous.call('screens.show', { key })).toMatchObject({ modules: ['events', 'notices'], rotateSeconds: 20, orientation: 'portrait' });
    const renewed = await admin.call('screens.renewKey', { id: screen.id });
    expect(await errorCodeOf(anonymous.call('screens.show', { key }))).toBe(ERRORS.SCREEN_NOT_FOUND.code);
    expect(await anonymous.call('screens.show', { key: renewed.path.split('#')[1]! })).toMatchObject({ name: '二楼活动室屏' });
    expect(await admin.call('screens.remove', { id: screen.id })).toEqual({ removed: true });
  });

  it('a community admin sees and changes only their own community’s screens', async () => {
    expect((await kangleAdmin.call('screens.adminList', {})).map((s) => s.communityId)).not.toContain('chaoyang');
    expect(await errorCodeOf(kangleAdmin.call('screens.save', { communityId: 'chaoyang', name: '冒名屏幕', modules: ['notices'] }))).toBe(ERRORS.OUT_OF_SCOPE.code);
    expect(await errorCodeOf(kangleAdmin.call('screens.renewKey', { id: DEMO_SCREENS[0].id }))).toBe(ERRORS.NOT_FOUND.code);
    expect(await errorCodeOf(admin.call('screens.save', { communityId: 'chaoyang', name: '太快', modules: ['notices'], rotateSeconds: 2 }))).toBe(ERRORS.INVALID_INPUT.code);
  });
});

describe('a check made before a change and a write landing after it', () => {
  it('a screen removed while its address was being renewed or its settings saved stays removed', async () => {
    const screen = await admin.call('screens.save', { communityId: 'chaoyang', name: '临时屏', modules: ['notices'] });
    const caller = await staffOf(linli.services, admin);
    const renewing = interleaved(linli.services, () => admin.call('screens.remove', { id: screen.id }));
    expect(await errorCodeOf(renewScreenKey.handler({ id: screen.id }, { services: renewing, caller, ip: '127.0.0.1' }))).toBe(ERRORS.NOT_FOUND.code);
    expect(renewing.interleaved()).toBe(true);
    const again = await admin.call('screens.save', { communityId: 'chaoyang', name: '临时屏二', modules: ['notices'] });
    const saving = interleaved(linli.services, () => admin.call('screens.remove', { id: again.id }));
    const save = saveScreen.handler({ id: again.id, communityId: 'chaoyang', name: '改名', orientation: 'landscape', modules: ['events'], rotateSeconds: 15 }, { services: saving, caller, ip: '127.0.0.1' });
    expect(await errorCodeOf(save)).toBe(ERRORS.NOT_FOUND.code);
    const left = (await admin.call('screens.adminList', {})).map((s) => s.id);
    expect(left).not.toContain(screen.id);
    expect(left).not.toContain(again.id);
  });
});
