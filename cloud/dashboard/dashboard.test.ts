import ExcelJS from 'exceljs';
import { ERRORS } from '../../types';
import { DAY, HOUR } from '../core/clock';
import { errorCodeOf, signIn, signInConsole, startTestLinli, type Client, type TestLinli } from '../testing/linli';

let linli: TestLinli;
let admin: Client;
let district: Client;
let agent: Client;
const from = () => new Date(linli.clock.now().getTime() - DAY);
const to = () => new Date(linli.clock.now().getTime() + 30 * DAY);
const request = { kind: 'request' as const, category: '环境卫生' as const, title: '楼道堆放杂物', description: '三号楼一单元楼道堆满了杂物，老人上下楼容易绊倒。', contactPhone: '13900001111' };

beforeAll(async () => {
  linli = await startTestLinli();
  [admin, agent] = await Promise.all([signIn('admin'), signIn('agent')]);
  district = await signInConsole('district-admin', 'Linli2026dev');
});
afterAll(() => linli.stop());

describe('the audit log', () => {
  it('records every admin write, ok or denied, every export, and every full-number view; only district admins read it', async () => {
    const article = await admin.call('articles.create', { title: '停水通知', bodyHtml: '<p>周三停水</p>', category: '通知公告', scopeId: 'chaoyang' });
    await errorCodeOf(admin.call('articles.create', { title: '越权通知', bodyHtml: '<p>x</p>', category: '通知公告', scopeId: 'kangle' }));
    await admin.call('reports.export', { report: 'events', from: from(), to: to() });
    const resident = await signIn('resident');
    const p = await resident.call('petitions.submit', { ...request, kind: 'petition', idNumber: '11010519491231002X' });
    await agent.call('petitions.get', { id: p.id });

    const { items } = await district.call('audit.list', { limit: 50 });
    const find = (action: string, outcome: string) => items.find((i) => i.action === action && i.outcome === outcome);
    expect(find('articles.create', 'ok')).toMatchObject({ actorName: '马红梅', targetKind: 'articles', scope: 'chaoyang' });
    expect(find('articles.create', 'denied')).toBeDefined();
    // An export has no object to look up: the entry says what went out, over which days.
    expect(find('reports.export', 'ok')).toMatchObject({ targetId: 'events', targetTitle: expect.stringMatching(/^活动与服务人数 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}，\d+行$/) });
    expect(find('petition.viewPersonalData', 'ok')).toMatchObject({ actorName: '陈静', targetId: p.id });
    expect(JSON.stringify(items)).not.toContain('11010519491231002X');
    void article;
    expect(await errorCodeOf(admin.call('audit.list', {}))).toBe(ERRORS.ROLE_REQUIRED.code);
  });
});

describe('the dashboard', () => {
  it("counts a community's petitions with 响应率, 解决率 and 满意率, and keeps to the admin's scope", async () => {
    // Twenty days on, so the range holds only what this test files.
    linli.clock.advance(20 * DAY);
    const since = new Date(linli.clock.now().getTime() - HOUR);
    const resident = await signIn('dash-resident');
    await resident.call('users.updateProfile', { homeCommunityId: 'chaoyang' });
    const a = await resident.call('petitions.submit', request);
    const b = await resident.call('petitions.submit', request);
    await agent.call('petitions.accept', { id: a.id });
    await agent.call('petitions.resolve', { id: a.id, resolution: '已清理楼道杂物' });
    await resident.call('petitions.confirm', { id: a.id, stars: 5 });
    linli.clock.advance(3 * DAY);
    const stats = await admin.call('dashboard.stats', { from: since, to: to() });
    linli.clock.advance(-23 * DAY);
    const chaoyang = stats.communities.find((c) => c.communityId === 'chaoyang')!;
    expect(chaoyang.petitions).toMatchObject({ received: 2, acceptedOnTime: 1, resolved: 1, overdue: 1, rated: 1, satisfied: 1, responseRate: 0.5, resolutionRate: 0.5, satisfactionRate: 1 });
    expect(stats.communities.map((c) => c.communityId)).toEqual(['chaoyang']);
    expect(await errorCodeOf(admin.call('dashboard.stats', { communityId: 'kangle', from: from(), to: to() }))).toBe(ERRORS.OUT_OF_SCOPE.code);
    const all = await district.call('dashboard.stats', { from: from(), to: to() });
    expect(all.communities.map((c) => c.communityName)).toEqual(expect.arrayContaining(['朝阳社区', '康乐社区']));
    expect(all.total.petitions.received).toBeGreaterThanOrEqual(2);
    void b;
  });

  it('counts events held and residents served once closed', async () => {
    const start = new Date(linli.clock.now().getTime() + HOUR);
    const e = await admin.call('events.create', { title: '免费理发', category: '志愿服务', scopeId: 'chaoyang', organizer: '朝阳社区', venue: '活动室', startsAt: start, endsAt: new Date(start.getTime() + 2 * HOUR) });
    await admin.call('events.publish', { id: e.id });
    linli.clock.advance(4 * HOUR);
    await admin.call('events.close', { id: e.id, residentsServed: 23, attendance: 25 });
    const stats = await admin.call('dashboard.stats', { from: from(), to: to() });
    linli.clock.advance(-4 * HOUR);
    expect(stats.total.events).toMatchObject({ held: 1, residentsServed: 23, attendance: 25 });
  });
});

describe('Excel reports', () => {
  it('an export read back with exceljs has the rows of the admin scope, and nothing personal', async () => {
    const resident = await signIn('export-resident');
    await resident.call('users.updateProfile', { homeCommunityId: 'kangle' });
    await resident.call('petitions.submit', { ...request, title: '康乐社区的路灯坏了', contactPhone: '13911112222' });
    const { url, fileName, rows } = await admin.call('reports.export', { report: 'petitions', from: from(), to: to() });
    expect(fileName).toMatch(/^诉求办理明细_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const response = await fetch(linli.url + url);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    const raw = Buffer.from(await response.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(raw as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const titles = sheet.getColumn(4).values.slice(2) as string[];
    expect(sheet.getRow(1).getCell(1).value).toBe('提交时间');
    expect(titles.length).toBe(rows);
    expect(titles).not.toContain('康乐社区的路灯坏了');
    expect(raw.includes(Buffer.from('13911112222'))).toBe(false);
    const kangle = await signInConsole('kangle-admin', 'Linli2026dev');
    const theirs = await kangle.call('reports.export', { report: 'petitions', from: from(), to: to() });
    const kb = new ExcelJS.Workbook();
    await kb.xlsx.load((await (await fetch(linli.url + theirs.url)).arrayBuffer()) as ArrayBuffer);
    expect(kb.worksheets[0]!.getColumn(4).values.slice(2)).toContain('康乐社区的路灯坏了');
  });
});

describe('the summary export', () => {
  const communities = async (client: Client) => {
    const { url } = await client.call('reports.export', { report: 'dashboard', from: from(), to: to() });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await (await fetch(linli.url + url)).arrayBuffer()) as ArrayBuffer);
    return (book.worksheets[0]!.getColumn(1).values.slice(2) as string[]).filter(Boolean);
  };
  it('gives a community admin one row for their community, not the same row again as a total', async () => {
    expect(await communities(admin)).toEqual(['朝阳社区']);
  });
  it('gives the district a row per community and one 合计', async () => {
    const district = await signInConsole('district-admin', 'Linli2026dev');
    const names = await communities(district);
    expect(names.at(-1)).toBe('合计');
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('queue counts', () => {
  it('count what waits for this admin', async () => {
    const counts = await admin.call('admin.queueCounts', {});
    expect(counts.petitionsOpen).toBeGreaterThan(0);
    expect(counts).toEqual(expect.objectContaining({ bookingsPending: expect.any(Number), thanksHidden: expect.any(Number) }));
  });
});
