import sharp from 'sharp';
import { ERRORS } from '../../types';
import { PETITION_ACTIONS, PETITION_FLOW, petitionNext, type PetitionAction, type PetitionStatus } from '../../types/petitions';
import { auditEntries } from '../audit/audit.storage';
import { DAY, HOUR } from '../core/clock';
import { messagesFor } from '../notifications/outbox.storage';
import { anonymous, errorCodeOf, signIn, startTestLinli, TEST_NOW, type Client, type TestLinli } from '../testing/linli';
import { interleaved, staffOf } from '../testing/interleave';
import { uploadAs } from '../testing/upload';
import assignPetition from './assign-petition';
import { closeStaleResolved } from './lib/close-stale';
import setPetitionRoster from './set-petition-roster';

let linli: TestLinli;
let resident: Client;
let agent: Client;
let admin: Client;
beforeAll(async () => {
  linli = await startTestLinli();
  [resident, agent, admin] = await Promise.all([signIn('resident'), signIn('agent'), signIn('admin')]);
});
afterAll(() => linli.stop());
afterEach(async () => {
  linli.clock.set(TEST_NOW);
  // Sign in again only where a test ended the session: WeChat allows a user about 100
  // logins a minute (45011), and the state matrix alone runs more tests than that.
  const keep = async (client: Client, persona: string) => ((await client.call('users.me').then(() => true, () => false)) ? client : signIn(persona));
  [resident, agent, admin] = await Promise.all([keep(resident, 'resident'), keep(agent, 'agent'), keep(admin, 'admin')]);
});

const ID = '11010519491231002X';
const base = {
  kind: 'request' as const,
  category: '道路设施' as const,
  title: '安置区北门外没有直通路',
  description: '北门出来要绕行近800米才能上路，夜里老人出门很不方便。',
  contactPhone: '13912345678',
};

const upload = (client: Client, bytes: Buffer, type?: string) => uploadAs(linli, client, bytes, type);

const photoWithGps = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Secret Model X' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '34/1 49/1 0/1' } })
    .toBuffer();

// The flow as 信访代办 works, written out here rather than read back from PETITION_FLOW:
// a row per status, a column per action, '—' where the action is refused.
//   submitted:   an admin (re)assigns it, the agent accepts, transfers or declines it.
//   accepted / in_progress: notes keep it in progress; resolve, transfer or decline end the work.
//   in_progress: an admin may assign it anew (a reopened matter whose agent has left).
//   resolved:    the resident confirms or reopens (once, within the reopen window); else it closes by itself.
//   closed, transferred, declined: final.
//   reassign is the system's step when the agent's role or account ends: open work goes back
//   to the admin's queue (已重新分派); a resolved matter stays resolved for the resident.
const RULES = `
  status       assign       accept    note         resolve   transfer     decline   confirm  reopen       autoClose  reassign
  submitted    submitted    accepted  —            —         transferred  declined  —        —            —          submitted
  accepted     —            —         in_progress  resolved  transferred  declined  —        —            —          submitted
  in_progress  in_progress  —         in_progress  resolved  transferred  declined  —        —            —          submitted
  resolved     —            —         —            —         —            —         closed   in_progress  closed     resolved
  closed       —            —         —            —         —            —         —        —            —          —
  transferred  —            —         —            —         —            —         —        —            —          —
  declined     —            —         —            —         —            —         —        —            —          —`;
const [header, ...ruleRows] = RULES.trim().split('\n').map((line) => line.trim().split(/\s+/));
const RULE_ACTIONS = header!.slice(1) as PetitionAction[];
const ruleFor = (status: PetitionStatus, action: PetitionAction): PetitionStatus | null => {
  const cell = ruleRows.find((r) => r[0] === status)![1 + RULE_ACTIONS.indexOf(action)]!;
  return cell === '—' ? null : (cell as PetitionStatus);
};

describe('the transition table', () => {
  it('covers every status and every action the flow knows', () => {
    expect(ruleRows.map((r) => r[0]).sort()).toEqual((Object.keys(PETITION_FLOW) as PetitionStatus[]).sort());
    expect([...RULE_ACTIONS].sort()).toEqual([...PETITION_ACTIONS].sort());
  });
  it.each(ruleRows.map((r) => r[0] as PetitionStatus))('from %s, each action leads where the flow says', (status) => {
    expect(Object.fromEntries(RULE_ACTIONS.map((a) => [a, petitionNext(status, a)]))).toEqual(Object.fromEntries(RULE_ACTIONS.map((a) => [a, ruleFor(status, a)])));
  });
});

describe('submitting', () => {
  it('routes to the on-duty agent of my community, who I then see by name with a number to call', async () => {
    const p = await resident.call('petitions.submit', base);
    expect(p).toMatchObject({ status: 'submitted', statusText: '已提交', communityName: '朝阳社区', agent: { name: '陈静', phone: '13700000001' } });
    expect(p.contactPhone).toBe('139****5678');
    expect((await resident.call('petitions.mine')).map((x) => x.id)).toContain(p.id);
    expect((await agent.call('petitions.inbox', {})).map((x) => x.id)).toContain(p.id);
  });

  it('a formal petition needs a valid ID number', async () => {
    expect(await errorCodeOf(resident.call('petitions.submit', { ...base, kind: 'petition' }))).toBe(ERRORS.PETITION_ID_REQUIRED.code);
    expect(await errorCodeOf(resident.call('petitions.submit', { ...base, kind: 'petition', idNumber: '110105194912310021' }))).toBe(ERRORS.PETITION_ID_INVALID.code);
    await expect(resident.call('petitions.submit', { ...base, kind: 'petition', idNumber: ID })).resolves.toMatchObject({ idNumber: '1101**********002X' });
  });

  it('keeps the ID number and phone out of what the database stores, in plain text', async () => {
    const marker = '安置区北门外没有直通路（存储检查）';
    await resident.call('petitions.submit', { ...base, title: marker, kind: 'petition', idNumber: ID, contactPhone: '13912340000' });
    const bytes = await linli.testDatabase.storedBytes();
    // The petition itself is there to be found: the search reads the bytes that were written.
    expect(bytes.includes(Buffer.from(marker))).toBe(true);
    expect(bytes.includes(Buffer.from(ID))).toBe(false);
    expect(bytes.includes(Buffer.from('13912340000'))).toBe(false);
  });
});

describe('the answer to filing', () => {
  // petitions.submit and fileOnBehalf build their answer from what they wrote instead of
  // reading the petition back: it must be exactly what reading it gives.
  it('is the petition as the submitter then reads it: numbers masked, photos in their order, the timeline with names', async () => {
    const photos = [await upload(resident, await photoWithGps()), await upload(resident, await photoWithGps())].map((u) => u.body.result!.id);
    const location = { latitude: 34.75, longitude: 113.6, address: '上街区朝阳社区北门' };
    const p = await resident.call('petitions.submit', { ...base, kind: 'petition', idNumber: ID.toLowerCase(), anonymous: true, location, photoIds: photos });
    expect(p).toMatchObject({ idNumber: '1101**********002X', contactPhone: '139****5678', anonymous: true, location, viewer: ['submitter'] });
    expect(p.photos.map((f) => f.id).sort()).toEqual([...photos].sort());
    expect(p.timeline.map((e) => [e.action, e.byName])).toEqual([['submit', '王秀兰'], ['assign', null]]);
    expect(p).toEqual(await resident.call('petitions.get', { id: p.id }));
    // Stored with it: the agent on duty is told.
    const told = (await messagesFor(linli.services.db, agent.userId!)).filter((m) => m.dedupe_key.startsWith(`petition:${p.id}:new:`));
    expect(told.map((m) => [JSON.parse(m.data).thing4, m.status, m.page])).toEqual([['有新的事项待受理', 'pending', expect.stringContaining(p.id)]]);
  });

  it('shows the on-duty agent who files one themselves the full numbers, and writes that view to the audit log', async () => {
    const p = await agent.call('petitions.submit', { ...base, kind: 'petition', idNumber: ID, communityId: 'chaoyang' });
    expect(p).toMatchObject({ idNumber: ID, contactPhone: '13912345678', viewer: ['submitter', 'agent'] });
    const log = await auditEntries(linli.services.db, { targetKind: 'petition', targetId: p.id, limit: 10 });
    expect(log).toEqual([expect.objectContaining({ actor_id: agent.userId, action: 'petition.viewPersonalData', outcome: 'ok' })]);
    expect(p).toEqual(await agent.call('petitions.get', { id: p.id }));
  });

  it('without an agent on duty, names none and has no assignment step', async () => {
    const roster = await admin.call('petitions.roster', { communityId: 'chaoyang' });
    await admin.call('petitions.setRoster', { communityId: 'chaoyang', set: {} });
    try {
      const p = await resident.call('petitions.submit', base);
      expect(p).toMatchObject({ agent: null, actions: [] });
      expect(p.timeline.map((e) => e.action)).toEqual(['submit']);
      expect(p).toEqual(await resident.call('petitions.get', { id: p.id }));
    } finally {
      await admin.call('petitions.setRoster', { communityId: 'chaoyang', set: Object.fromEntries(roster.days.map((d) => [d.weekday, d.agentId])) });
    }
  });
});

describe('photos', () => {
  it('strips EXIF (GPS, phone model) on upload and serves the photo only through a signed link', async () => {
    const uploaded = await upload(resident, await photoWithGps());
    expect(uploaded.status).toBe(200);
    const p = await resident.call('petitions.submit', { ...base, photoIds: [uploaded.body.result!.id] });
    const url = `${linli.url}${p.photos[0]!.url}`;
    const served = Buffer.from(await (await fetch(url)).arrayBuffer());
    const meta = await sharp(served).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(served.includes(Buffer.from('Secret Model X'))).toBe(false);
    expect((await fetch(`${linli.url}/api/files/${p.photos[0]!.id}`)).status).toBe(404);
    expect((await fetch(url.replace(/s=[^&]+/, 's=forged'))).status).toBe(404);
  });

  it('refuses what is not a photo, and another resident cannot attach my upload', async () => {
    const text = await upload(resident, Buffer.from('<script>alert(1)</script>'), 'image/png');
    expect(text.body.code).toBe(ERRORS.FILE_TYPE_NOT_ALLOWED.code);
    const mine = await upload(resident, await photoWithGps());
    const other = await signIn('resident2');
    expect(await errorCodeOf(other.call('petitions.submit', { ...base, photoIds: [mine.body.result!.id] }))).toBe(ERRORS.FILE_UNUSABLE.code);
    expect((await other.call('petitions.mine')).length).toBe(0);
  });
});

describe('who may read a petition, its photos and its timeline', () => {
  it('the submitter, the assigned agent and the admins of its community or district; nobody else, not even knowing it exists', async () => {
    const photo = await upload(resident, await photoWithGps());
    const p = await resident.call('petitions.submit', { ...base, photoIds: [photo.body.result!.id] });
    const readers: Array<[string, Client, boolean]> = [
      ['submitter', resident, true],
      ['assigned agent', agent, true],
      ['community admin', admin, true],
      ['district admin', await signIn('district'), true],
      ['another resident', await signIn('resident2'), false],
      ['an agent of another community', await signIn('agent-kangle'), false],
      ['an admin of another community', await signIn('admin-kangle'), false],
      ['a grid worker of the same community', await signIn('grid'), false],
    ];
    for (const [who, client, allowed] of readers) {
      const outcome = await client.call('petitions.get', { id: p.id }).then(
        (d) => ({ ok: true, photos: d.photos.length, timeline: d.timeline.length }),
        (e: { code: number }) => ({ ok: false, code: e.code }),
      );
      expect([who, outcome]).toEqual([who, allowed ? { ok: true, photos: 1, timeline: 2 } : { ok: false, code: ERRORS.NOT_FOUND.code }]);
    }
    expect(await errorCodeOf(anonymous.call('petitions.get', { id: p.id }))).toBe(211);
    // A made-up id answers exactly like a real one the caller may not see.
    expect(await errorCodeOf(readers[4]![1].call('petitions.get', { id: 'f'.repeat(24) }))).toBe(ERRORS.NOT_FOUND.code);
  });

  it('only the assigned agent sees the full numbers, and that view is written to the audit log', async () => {
    const p = await resident.call('petitions.submit', { ...base, kind: 'petition', idNumber: ID });
    expect((await admin.call('petitions.get', { id: p.id })).idNumber).toBe('1101**********002X');
    const seen = await agent.call('petitions.get', { id: p.id });
    expect(seen).toMatchObject({ idNumber: ID, contactPhone: '13912345678' });
    const log = await auditEntries(linli.services.db, { targetKind: 'petition', targetId: p.id, limit: 10 });
    expect(log).toEqual([expect.objectContaining({ actor_id: agent.userId, action: 'petition.viewPersonalData', outcome: 'ok' })]);
  });

  it('an anonymous submitter is named to the handling staff only', async () => {
    const p = await resident.call('petitions.submit', { ...base, anonymous: true });
    expect((await agent.call('petitions.get', { id: p.id })).submitterName).toBe('王秀兰');
    expect((await resident.call('petitions.get', { id: p.id })).submitterName).toBe('王秀兰');
  });
});

describe('the whole way: accept, progress, resolve, confirm', () => {
  it('the resident follows each step, sees who handles it, is asked whether it is solved, and rates it', async () => {
    const p = await resident.call('petitions.submit', base);
    expect(await errorCodeOf(resident.call('petitions.accept', { id: p.id }))).toBe(ERRORS.ROLE_REQUIRED.code);
    const otherAgent = await signIn('agent-kangle');
    expect(await errorCodeOf(otherAgent.call('petitions.accept', { id: p.id }))).toBe(ERRORS.NOT_FOUND.code);
    await agent.call('petitions.accept', { id: p.id });
    await agent.call('petitions.note', { id: p.id, note: '已联系区城管局，正在办理开设路口的手续' });
    await agent.call('petitions.resolve', { id: p.id, resolution: '北门外最近处开设了路口，已通行' });
    const seen = await resident.call('petitions.get', { id: p.id });
    expect(seen).toMatchObject({ statusText: '已办结', resolution: '北门外最近处开设了路口，已通行', actions: ['confirm', 'reopen'], viewer: ['submitter'] });
    expect(seen.timeline.map((t) => [t.text, t.byName])).toEqual([
      ['提交', '王秀兰'],
      ['分派代办员', null],
      ['受理', '陈静'],
      ['办理进展', '陈静'],
      ['办结', '陈静'],
    ]);
    const asked = (await messagesFor(linli.services.db, resident.userId!)).map((m) => JSON.parse(m.data).thing4);
    expect(asked).toContain('已办结，问题解决了吗？请点开确认');
    const closed = await resident.call('petitions.confirm', { id: p.id, stars: 5, comment: '认准一个人，真省心' });
    expect(closed).toMatchObject({ status: 'closed', rating: { stars: 5, comment: '认准一个人，真省心' }, actions: [] });
  });

  it('reopening works once within 7 days; after 7 days silence it closes by itself', async () => {
    const p = await resident.call('petitions.submit', base);
    await agent.call('petitions.accept', { id: p.id });
    await agent.call('petitions.resolve', { id: p.id, resolution: '已处理完毕' });
    expect(await resident.call('petitions.reopen', { id: p.id, reason: '路口还是被堵着' })).toMatchObject({ status: 'in_progress', reopenedOnce: true });
    await agent.call('petitions.resolve', { id: p.id, resolution: '清走了堵路的车' });
    expect(await errorCodeOf(resident.call('petitions.reopen', { id: p.id, reason: '又堵了' }))).toBe(ERRORS.PETITION_REOPEN_USED.code);
    expect((await resident.call('petitions.get', { id: p.id })).actions).toEqual(['confirm']);

    const q = await resident.call('petitions.submit', base);
    await agent.call('petitions.accept', { id: q.id });
    await agent.call('petitions.resolve', { id: q.id, resolution: '已处理完毕' });
    linli.clock.advance(7 * DAY + HOUR);
    expect(await errorCodeOf(resident.call('petitions.reopen', { id: q.id, reason: '没解决' }))).toBe(ERRORS.PETITION_REOPEN_EXPIRED.code);
    expect(await closeStaleResolved(linli.services)).toBeGreaterThanOrEqual(2);
    expect((await resident.call('petitions.get', { id: q.id })).timeline.at(-1)!.text).toBe('7天未反馈，自动结案');
  });
});

describe('every state × every action through the host', () => {
  type Driver = (id: string) => Promise<unknown>;
  const drive: Record<PetitionStatus, Driver[]> = {
    submitted: [],
    accepted: [(id) => agent.call('petitions.accept', { id })],
    in_progress: [(id) => agent.call('petitions.accept', { id }), (id) => agent.call('petitions.note', { id, note: '处理中' })],
    resolved: [(id) => agent.call('petitions.accept', { id }), (id) => agent.call('petitions.resolve', { id, resolution: '已处理完毕' })],
    closed: [
      (id) => agent.call('petitions.accept', { id }),
      (id) => agent.call('petitions.resolve', { id, resolution: '已处理完毕' }),
      (id) => resident.call('petitions.confirm', { id, stars: 4 }),
    ],
    transferred: [(id) => admin.call('petitions.transfer', { id, to: '区城管局', reason: '不属社区职责' })],
    declined: [(id) => admin.call('petitions.decline', { id, reason: '重复提交' })],
  };
  const act: Record<Exclude<PetitionAction, 'autoClose' | 'reassign'>, (id: string) => Promise<unknown>> = {
    assign: (id) => admin.call('petitions.assign', { id, agentId: agent.userId! }),
    accept: (id) => agent.call('petitions.accept', { id }),
    note: (id) => agent.call('petitions.note', { id, note: '进展' }),
    resolve: (id) => agent.call('petitions.resolve', { id, resolution: '已经办理完毕' }),
    transfer: (id) => agent.call('petitions.transfer', { id, to: '区司法局', reason: '需要法律援助' }),
    decline: (id) => agent.call('petitions.decline', { id, reason: '不属受理范围' }),
    confirm: (id) => resident.call('petitions.confirm', { id, stars: 3 }),
    reopen: (id) => resident.call('petitions.reopen', { id, reason: '还没解决' }),
  };
  const cases = (Object.keys(drive) as PetitionStatus[]).flatMap((s) => (Object.keys(act) as Array<keyof typeof act>).map((a) => [s, a] as const));
  it.each(cases)('from %s, %s is allowed exactly as the flow above says', async (status, action) => {
    const p = await resident.call('petitions.submit', base);
    for (const step of drive[status]) await step(p.id);
    expect((await resident.call('petitions.get', { id: p.id })).status).toBe(status);
    const expected = ruleFor(status, action);
    const outcome = await act[action](p.id).then(
      () => 'ok',
      (e: { code: number }) => e.code,
    );
    expect(outcome).toBe(expected ? 'ok' : ERRORS.PETITION_NOT_ALLOWED_NOW.code);
    if (expected) expect((await resident.call('petitions.get', { id: p.id })).status).toBe(expected);
  });
});

describe('deadlines on the official calendar', () => {
  it('acceptance is due one working day later, skipping the National Day holiday; then flagged overdue, first in the inbox', async () => {
    linli.clock.set('2026-09-30T02:00:00.000Z'); // Wednesday 10:00, the eve of the holiday
    // Half a year on, the sessions signed in at the start have expired: sign in again.
    [resident, agent, admin] = await Promise.all([signIn('resident'), signIn('agent'), signIn('admin')]);
    const p = await resident.call('petitions.submit', base);
    expect(p.acceptDueAt.toISOString()).toBe('2026-10-08T02:00:00.000Z');
    linli.clock.set('2026-10-07T12:00:00.000Z');
    expect((await agent.call('petitions.get', { id: p.id })).overdue).toBeNull();
    linli.clock.set('2026-10-08T02:01:00.000Z');
    expect((await agent.call('petitions.get', { id: p.id })).overdue).toBe('accept');
    const inbox = await agent.call('petitions.inbox', {});
    expect(inbox[0]!.overdue).toBe('accept');
    expect((await admin.call('petitions.overdue', {})).map((x) => x.id)).toContain(p.id);
    await agent.call('petitions.accept', { id: p.id });
    const accepted = await agent.call('petitions.get', { id: p.id });
    // 道路设施: 15 working days from acceptance, the make-up Saturday 10-10 among them.
    expect(accepted.resolveDueAt!.toISOString()).toBe('2026-10-28T02:01:00.000Z');
    expect(accepted.overdue).toBeNull();
  });

  it('a make-up Saturday (调休) counts as a working day', async () => {
    linli.clock.set('2026-10-09T02:00:00.000Z'); // Friday; Saturday 10-10 is a make-up workday
    resident = await signIn('resident');
    expect((await resident.call('petitions.submit', base)).acceptDueAt.toISOString()).toBe('2026-10-10T02:00:00.000Z');
  });
});

describe('on behalf of a resident without a smartphone', () => {
  it('staff file it with a name and phone; binding that phone later claims it', async () => {
    const grid = await signIn('grid');
    const filed = await grid.call('petitions.fileOnBehalf', {
      ...base,
      category: '养老助老',
      title: '老伴忘了银行卡密码',
      description: '腿脚不便，子女不在身边，去不了银行柜台。',
      contactPhone: '13812341234',
      residentName: '杨大爷',
      communityId: 'chaoyang',
    });
    expect(filed).toMatchObject({ filedOnBehalf: true, submitterName: '杨大爷', contactPhone: '138****1234' });
    expect(await errorCodeOf(grid.call('petitions.get', { id: filed.id }))).toBe(ERRORS.NOT_FOUND.code);
    expect(await errorCodeOf(grid.call('petitions.fileOnBehalf', { ...base, residentName: '某人', communityId: 'kangle' }))).toBe(ERRORS.OUT_OF_SCOPE.code);

    const elder = await signIn('elder-yang');
    expect(await elder.call('petitions.mine')).toEqual([]);
    await elder.call('users.bindPhone', { code: 'phone:13812341234' });
    const mine = await elder.call('petitions.mine');
    expect(mine.map((p) => p.id)).toEqual([filed.id]);
    expect((await elder.call('petitions.get', { id: filed.id })).timeline[0]!.text).toBe('工作人员代为登记');
  });
});

describe('roster and assignment', () => {
  it('reading the roster is a query that leaves no audit row; setting it is an audited command', async () => {
    const rows = async () => (await auditEntries(linli.services.db, { limit: 1000 })).filter((r) => r.action === 'petitions.roster' || r.action === 'petitions.setRoster').length;
    const before = await rows();
    const roster = await admin.call('petitions.roster', { communityId: 'chaoyang' });
    await admin.call('petitions.roster', { communityId: 'chaoyang' });
    expect(await rows()).toBe(before);
    // The whole week set again as it was: every day 陈静, the community's one agent.
    const set = Object.fromEntries(roster.days.map((d) => [d.weekday, d.agentId]));
    const saved = await admin.call('petitions.setRoster', { communityId: 'chaoyang', set });
    expect(saved.days.map((d) => d.agentName)).toEqual(Array(7).fill('陈静'));
    expect(await rows()).toBe(before + 1);
  });

  it('an admin keeps the duty roster and assigns only to agents of the community', async () => {
    const roster = await admin.call('petitions.roster', { communityId: 'chaoyang' });
    expect(roster.days).toHaveLength(7);
    expect(roster.agents.map((a) => a.name)).toEqual(['陈静']);
    const kangleAgent = await signIn('agent-kangle');
    expect(await errorCodeOf(admin.call('petitions.setRoster', { communityId: 'chaoyang', set: { '1': kangleAgent.userId! } }))).toBe(ERRORS.PETITION_NOT_AN_AGENT.code);
    expect(await errorCodeOf(admin.call('petitions.roster', { communityId: 'kangle' }))).toBe(ERRORS.OUT_OF_SCOPE.code);
    const p = await resident.call('petitions.submit', base);
    expect(await errorCodeOf(admin.call('petitions.assign', { id: p.id, agentId: kangleAgent.userId! }))).toBe(ERRORS.PETITION_NOT_AN_AGENT.code);
  });
});

describe('when an agent loses the role while an admin is assigning them', () => {
  const newAgent = async (persona: string) => {
    const person = await signIn(persona);
    await admin.call('roles.grant', { userId: person.userId!, role: 'agent', scopeId: 'chaoyang' });
    const revoke = () => admin.call('roles.revoke', { userId: person.userId!, role: 'agent', scopeId: 'chaoyang' });
    return { person, revoke };
  };

  it('an assignment checked before the revocation is refused, and the petition stays with the agent it had', async () => {
    const p = await resident.call('petitions.submit', { ...base, title: '楼道灯坏了（分派时撤销）' });
    const { person, revoke } = await newAgent('agent-leaving');
    const services = interleaved(linli.services, revoke);
    const assign = assignPetition.handler({ id: p.id, agentId: person.userId! }, { services, caller: await staffOf(linli.services, admin), ip: '127.0.0.1' });
    expect(await errorCodeOf(assign)).toBe(ERRORS.PETITION_NOT_AN_AGENT.code);
    expect(services.interleaved()).toBe(true);
    expect(await resident.call('petitions.get', { id: p.id })).toMatchObject({ status: 'submitted', agent: { name: '陈静' } });
    expect(await messagesFor(linli.database.db, person.userId!)).toEqual([]);
  });

  // Under PostgreSQL's READ COMMITTED an EXISTS over the grant reads the last committed rows:
  // without a lock it would hand the petition to someone whose revocation is committing.
  (process.env.LINLI_TEST_PG_URL ? it : it.skip)('on PostgreSQL, an assignment meeting a revocation still under way waits for it and is refused', async () => {
    const p = await resident.call('petitions.submit', { ...base, title: '路灯不亮（撤销未提交时分派）' });
    const { person } = await newAgent('agent-overlap');
    let assign!: Promise<unknown>;
    await linli.database.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('role_grants').where('user_id', '=', person.userId!).where('role', '=', 'agent').execute();
      assign = admin.call('petitions.assign', { id: p.id, agentId: person.userId! });
      // Gives the assignment time to reach its write while the revocation is uncommitted.
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    expect(await errorCodeOf(assign)).toBe(ERRORS.PETITION_NOT_AN_AGENT.code);
    expect(await resident.call('petitions.get', { id: p.id })).toMatchObject({ status: 'submitted' });
  });

  it('a former agent no longer opens the petitions they handled, though their name stays on them', async () => {
    const p = await resident.call('petitions.submit', { ...base, title: '井盖松动（原代办员）' });
    const { person, revoke } = await newAgent('agent-former');
    await admin.call('petitions.assign', { id: p.id, agentId: person.userId! });
    await person.call('petitions.decline', { id: p.id, reason: '不属于本社区职责' });
    expect(await person.call('petitions.get', { id: p.id })).toMatchObject({ status: 'declined' });
    await revoke();
    expect(await errorCodeOf(person.call('petitions.get', { id: p.id }))).toBe(ERRORS.NOT_FOUND.code);
    expect(await resident.call('petitions.get', { id: p.id })).toMatchObject({ status: 'declined', agent: { id: person.userId } });
  });

  it('a roster checked before the revocation is refused, and the week stays as it was', async () => {
    const { person, revoke } = await newAgent('agent-leaving-roster');
    const services = interleaved(linli.services, revoke);
    const set = setPetitionRoster.handler({ communityId: 'chaoyang', set: { '1': person.userId!, '2': person.userId! } }, { services, caller: await staffOf(linli.services, admin), ip: '127.0.0.1' });
    expect(await errorCodeOf(set)).toBe(ERRORS.PETITION_NOT_AN_AGENT.code);
    expect(services.interleaved()).toBe(true);
    expect((await admin.call('petitions.roster', { communityId: 'chaoyang' })).days.map((d) => d.agentName)).toEqual(Array(7).fill('陈静'));
  });
});
