import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { contracts, ERRORS } from '../../types';
import type { EventDetail } from '../../types/events';
import { HOUR, MINUTE } from '../core/clock';
import { interleaved, staffOf } from '../testing/interleave';
import { errorCodeOf, signIn, startTestLinli, type Client, type TestLinli } from '../testing/linli';
import { clinicEventInput } from '../testing/events';
import correctVolunteerHours from './correct-volunteer-hours';
import scanVolunteer from './scan-volunteer';
import setVolunteerCapacity from './set-volunteer-capacity';

let linli: TestLinli;
let admin: Client;
let grid: Client;
let district: Client;
beforeAll(async () => {
  linli = await startTestLinli();
  admin = await signIn('admin');
  grid = await signIn('grid');
  district = await signIn('district');
});
afterAll(() => linli.stop());

/** A published 朝阳社区 event 48 hours from the test clock, 3 hours long, with volunteer places. */
async function eventWithVolunteers(volunteers: number, over: { capacity?: number; title?: string } = {}): Promise<EventDetail> {
  const start = new Date(linli.clock.now().getTime() + 48 * HOUR);
  const created = await admin.call('events.create', clinicEventInput(start, { title: over.title ?? '爱心义诊进社区', capacity: over.capacity ?? 2 }));
  const event = await admin.call('events.publish', { id: created.id });
  if (volunteers) await admin.call('volunteers.setCapacity', { eventId: event.id, capacity: volunteers });
  return event;
}

const residents = (prefix: string, n: number) => Promise.all(Array.from({ length: n }, (_, i) => signIn(`${prefix}-${i}`)));

describe('signing up as a volunteer', () => {
  it('takes a volunteer place even when the participants are full, and signing up again returns the same place', async () => {
    const event = await eventWithVolunteers(2, { capacity: 1 });
    const [a, b] = await residents('vol-seat', 2);
    await a!.call('events.register', { eventId: event.id });
    expect(await b!.call('events.get', { id: event.id })).toMatchObject({ seatsLeft: 0 });
    const mine = await b!.call('volunteers.signUp', { eventId: event.id });
    expect(mine).toMatchObject({ status: 'confirmed', stageText: '已报名志愿者', canCancel: true });
    expect(mine.code).toMatch(/^V[A-HJ-NP-Z2-9]{8}$/);
    expect((await b!.call('volunteers.signUp', { eventId: event.id })).id).toBe(mine.id);
    expect(await b!.call('volunteers.places', { eventId: event.id })).toMatchObject({ capacity: 2, taken: 1, placesLeft: 1, open: true, mine: { id: mine.id } });
  });

  it('an event that takes no volunteers says so', async () => {
    const event = await eventWithVolunteers(0);
    const [a] = await residents('vol-none', 1);
    expect(await errorCodeOf(a!.call('volunteers.signUp', { eventId: event.id }))).toBe(ERRORS.VOLUNTEER_NOT_RECRUITING.code);
  });

  it('when 30 residents tap at once for 5 places, exactly 5 get one and the rest hear the places are gone', async () => {
    const event = await eventWithVolunteers(5);
    const many = await residents('vol-rush', 30);
    const outcomes = await Promise.allSettled(many.map((r) => r.call('volunteers.signUp', { eventId: event.id })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    const codes = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { code: number }).code] : []));
    expect(new Set(codes)).toEqual(new Set([ERRORS.VOLUNTEER_FULL.code]));
    expect(await admin.call('volunteers.places', { eventId: event.id })).toMatchObject({ taken: 5, placesLeft: 0, open: false });
  });

  it('the admin cannot cut the places below the volunteers already signed up', async () => {
    const event = await eventWithVolunteers(3);
    const [a, b] = await residents('vol-cut', 2);
    await a!.call('volunteers.signUp', { eventId: event.id });
    await b!.call('volunteers.signUp', { eventId: event.id });
    expect(await errorCodeOf(admin.call('volunteers.setCapacity', { eventId: event.id, capacity: 1 }))).toBe(ERRORS.VOLUNTEER_CAPACITY_TOO_SMALL.code);
    expect(await admin.call('volunteers.setCapacity', { eventId: event.id, capacity: 2 })).toMatchObject({ capacity: 2, taken: 2 });
  });

  it('a volunteer who steps back frees the place; after the start nobody can sign up or step back', async () => {
    const event = await eventWithVolunteers(1);
    const [a, b] = await residents('vol-back', 2);
    await a!.call('volunteers.signUp', { eventId: event.id });
    expect(await errorCodeOf(b!.call('volunteers.signUp', { eventId: event.id }))).toBe(ERRORS.VOLUNTEER_FULL.code);
    expect(await a!.call('volunteers.cancel', { eventId: event.id })).toMatchObject({ status: 'cancelled', stageText: '已取消', code: null });
    await b!.call('volunteers.signUp', { eventId: event.id });
    linli.clock.advance(49 * HOUR);
    try {
      expect(await errorCodeOf(b!.call('volunteers.cancel', { eventId: event.id }))).toBe(ERRORS.VOLUNTEER_SIGNUP_CLOSED.code);
      expect(await errorCodeOf(a!.call('volunteers.signUp', { eventId: event.id }))).toBe(ERRORS.VOLUNTEER_SIGNUP_CLOSED.code);
    } finally {
      linli.clock.advance(-49 * HOUR);
    }
  });

  it('a cancelled event takes no more volunteers, even one whose page was still open', async () => {
    const event = await eventWithVolunteers(2);
    await admin.call('events.cancel', { id: event.id, reason: '天气原因' });
    const [a] = await residents('vol-cancelled', 1);
    expect(await errorCodeOf(a!.call('volunteers.signUp', { eventId: event.id }))).toBe(ERRORS.EVENT_CANCELLED.code);
  });
});

describe('checking volunteers in and out', () => {
  it('counts only the time inside the event, whatever time the volunteer came and left', async () => {
    const event = await eventWithVolunteers(2);
    const [a] = await residents('vol-cap', 1);
    const { code } = await a!.call('volunteers.signUp', { eventId: event.id });
    const start = new Date(event.startsAt).getTime();
    linli.clock.set(new Date(start - 3 * HOUR));
    try {
      expect(await errorCodeOf(grid.call('volunteers.scan', { code: code! }))).toBe(ERRORS.VOLUNTEER_SCAN_NOT_OPEN.code);
      linli.clock.set(new Date(start - 90 * MINUTE));
      expect(await grid.call('volunteers.scan', { code: code!.toLowerCase() })).toMatchObject({ action: 'in', eventTitle: '爱心义诊进社区', minutes: null });
      expect((await a!.call('volunteers.places', { eventId: event.id })).mine).toMatchObject({ stageText: '服务中' });
      linli.clock.set(new Date(start + 3 * HOUR + 40 * MINUTE));
      expect(await grid.call('volunteers.scan', { code: code! })).toMatchObject({ action: 'out', minutes: 180 });
      expect(await errorCodeOf(grid.call('volunteers.scan', { code: code! }))).toBe(ERRORS.VOLUNTEER_ALREADY_OUT.code);
      expect((await a!.call('volunteers.places', { eventId: event.id })).mine).toMatchObject({ stageText: '已完成服务', minutes: 180, code: null });
    } finally {
      linli.clock.set(new Date(start - 48 * HOUR));
    }
  });

  it('a volunteer checked in but never out counts until the event ends; one never checked in is marked absent', async () => {
    const event = await eventWithVolunteers(2);
    const [a, b] = await residents('vol-forgot', 2);
    const { code } = await a!.call('volunteers.signUp', { eventId: event.id });
    await b!.call('volunteers.signUp', { eventId: event.id });
    const start = new Date(event.startsAt).getTime();
    linli.clock.set(new Date(start + HOUR));
    try {
      await grid.call('volunteers.scan', { code: code! });
      linli.clock.set(new Date(start + 5 * HOUR));
      const roster = await grid.call('volunteers.roster', { eventId: event.id });
      expect(roster.volunteers.map((v) => [v.stageText, v.minutes]).sort()).toEqual([
        ['已完成服务', 120],
        ['未到岗', null],
      ]);
    } finally {
      linli.clock.set(new Date(start - 48 * HOUR));
    }
  });

  it('staff of another community cannot check in this community’s volunteers (the code is unknown to them)', async () => {
    const event = await eventWithVolunteers(1);
    const [a] = await residents('vol-other', 1);
    const { code } = await a!.call('volunteers.signUp', { eventId: event.id });
    const kangleGrid = await signIn('kangle-grid');
    await district.call('roles.grant', { userId: kangleGrid.userId!, role: 'gridWorker', scopeId: 'kangle' });
    // Roles are read at each request: the new grant holds at once.
    const kangle = await signIn('kangle-grid');
    linli.clock.set(new Date(new Date(event.startsAt).getTime() - HOUR));
    try {
      expect(await errorCodeOf(kangle.call('volunteers.scan', { code: code! }))).toBe(ERRORS.VOLUNTEER_UNKNOWN_CODE.code);
      expect(await errorCodeOf(kangle.call('volunteers.roster', { eventId: event.id }))).toBe(ERRORS.NOT_FOUND.code);
    } finally {
      linli.clock.set(new Date(new Date(event.startsAt).getTime() - 48 * HOUR));
    }
  });
});

describe('correcting hours', () => {
  it('an admin sets the hours with a reason, the resident sees them, and the audit log keeps who, what and why', async () => {
    const event = await eventWithVolunteers(1, { title: '环境整治志愿服务' });
    const [a] = await residents('vol-fix', 1);
    await a!.call('volunteers.signUp', { eventId: event.id });
    const [row] = (await admin.call('volunteers.roster', { eventId: event.id })).volunteers;
    expect(await errorCodeOf(grid.call('volunteers.correct', { volunteerId: row!.id, minutes: 240, reason: '提前一晚布置场地' }))).toBe(ERRORS.ROLE_REQUIRED.code);
    expect(await errorCodeOf(admin.call('volunteers.correct', { volunteerId: row!.id, minutes: 240, reason: ' ' }))).toBe(ERRORS.INVALID_INPUT.code);
    const fixed = await admin.call('volunteers.correct', { volunteerId: row!.id, minutes: 240, reason: '提前一晚布置场地' });
    expect(fixed).toMatchObject({ minutes: 240, computedMinutes: null, stageText: '时长已核定', correctionReason: '提前一晚布置场地' });
    const audit = await district.call('audit.list', {});
    const entry = audit.items.find((i) => i.action === 'volunteers.correct' && i.outcome === 'ok');
    expect(entry).toMatchObject({ actorName: '马红梅', targetId: row!.id });
    expect(JSON.stringify(entry)).toContain('提前一晚布置场地');
  });
});

describe('a check made before a change and a write landing after it', () => {
  it('places set on an event cancelled meanwhile are refused, and the places stay as they were', async () => {
    const event = await eventWithVolunteers(2);
    const services = interleaved(linli.services, () => admin.call('events.cancel', { id: event.id, reason: '场地维修' }));
    const set = setVolunteerCapacity.handler({ eventId: event.id, capacity: 6 }, { services, caller: await staffOf(linli.services, admin), ip: '127.0.0.1' });
    expect(await errorCodeOf(set)).toBe(ERRORS.EVENT_NOT_EDITABLE.code);
    expect(services.interleaved()).toBe(true);
    expect(await admin.call('volunteers.places', { eventId: event.id })).toMatchObject({ capacity: 2 });
  });

  it('a scan checked before the event was cancelled is refused, and the volunteer is not checked in', async () => {
    const event = await eventWithVolunteers(1);
    const [a] = await residents('vol-race-scan', 1);
    const { code } = await a!.call('volunteers.signUp', { eventId: event.id });
    linli.clock.set(new Date(new Date(event.startsAt).getTime() - HOUR));
    try {
      const services = interleaved(linli.services, () => admin.call('events.cancel', { id: event.id, reason: '暴雨预警' }));
      const scan = scanVolunteer.handler({ code: code! }, { services, caller: await staffOf(linli.services, grid), ip: '127.0.0.1' });
      expect(await errorCodeOf(scan)).toBe(ERRORS.EVENT_CANCELLED.code);
      expect(services.interleaved()).toBe(true);
      const [row] = (await admin.call('volunteers.roster', { eventId: event.id })).volunteers;
      expect(row!.checkedInAt).toBeNull();
    } finally {
      linli.clock.set(new Date(new Date(event.startsAt).getTime() - 48 * HOUR));
    }
  });

  it('hours corrected for a volunteer who stepped back meanwhile are refused and not kept', async () => {
    const event = await eventWithVolunteers(1);
    const [a] = await residents('vol-race-fix', 1);
    await a!.call('volunteers.signUp', { eventId: event.id });
    const [row] = (await admin.call('volunteers.roster', { eventId: event.id })).volunteers;
    const services = interleaved(linli.services, () => a!.call('volunteers.cancel', { eventId: event.id }));
    const fix = correctVolunteerHours.handler({ volunteerId: row!.id, minutes: 240, reason: '提前一晚布置场地' }, { services, caller: await staffOf(linli.services, admin), ip: '127.0.0.1' });
    expect(await errorCodeOf(fix)).toBe(ERRORS.VOLUNTEER_NOT_SIGNED_UP.code);
    expect(services.interleaved()).toBe(true);
    const [after] = (await admin.call('volunteers.roster', { eventId: event.id })).volunteers;
    expect(after).toMatchObject({ minutes: null, correctionReason: null });
  });
});

describe('a resident’s hours, certificate and the yearly export', () => {
  it('sums each year, makes a certificate image, and the export lists people by name, not by hours', async () => {
    // 钱 serves longer than 白: ordered by hours 钱 would come first; by name (pinyin) 白 does.
    const [qian, bai] = [await signIn('vol-year-qian'), await signIn('vol-year-bai')];
    await qian.call('users.updateProfile', { nickname: '钱阿姨' });
    await bai.call('users.updateProfile', { nickname: '白大爷' });
    const first = await eventWithVolunteers(2, { title: '免费理发' });
    const second = await eventWithVolunteers(2, { title: '法制讲座' });
    for (const e of [first, second]) await qian.call('volunteers.signUp', { eventId: e.id });
    await bai.call('volunteers.signUp', { eventId: first.id });
    const roster = (await admin.call('volunteers.roster', { eventId: first.id })).volunteers;
    const baiRow = roster.find((v) => v.nickname === '白大爷')!;
    await admin.call('volunteers.correct', { volunteerId: baiRow.id, minutes: 60, reason: '按签到表' });
    for (const v of roster.filter((r) => r.nickname === '钱阿姨')) await admin.call('volunteers.correct', { volunteerId: v.id, minutes: 60, reason: '按签到表' });
    const secondRow = (await admin.call('volunteers.roster', { eventId: second.id })).volunteers[0]!;
    await admin.call('volunteers.correct', { volunteerId: secondRow.id, minutes: 90, reason: '按签到表' });

    const mine = await qian.call('volunteers.mine', {});
    expect(mine.years).toEqual([{ year: 2026, minutes: 150, services: 2 }]);
    expect(mine.records.map((r) => [r.eventTitle, r.minutes])).toEqual(
      expect.arrayContaining([
        ['免费理发', 60],
        ['法制讲座', 90],
      ]),
    );

    const cert = await qian.call('volunteers.certificate', { year: 2026 });
    const png = Buffer.from(cert.image.replace(/^data:image\/png;base64,/, ''), 'base64');
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', cert.width, cert.height]);
    expect(await errorCodeOf(qian.call('volunteers.certificate', { year: 2025 }))).toBe(ERRORS.NOT_FOUND.code);

    const file = await admin.call('volunteers.export', { year: 2026 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64'));
    const names: string[] = [];
    const hours: Record<string, number> = {};
    book.worksheets[0]!.eachRow((row, i) => {
      if (i === 1) return;
      const name = String(row.getCell(1).value);
      names.push(name);
      hours[name] = Number(row.getCell(4).value);
    });
    expect(names.indexOf('白大爷')).toBeLessThan(names.indexOf('钱阿姨'));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(hours).toMatchObject({ 白大爷: 1, 钱阿姨: 2.5 });
  });

  it('no function of the product ranks people', () => {
    const named = contracts.filter((c) => /rank|leader|(^|\.)top/i.test(c.name) || /(?<!不)(排名|排行)|榜首/.test(c.summary)).map((c) => c.name);
    expect(named).toEqual([]);
  });
});
