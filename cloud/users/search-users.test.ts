import { ERRORS } from '../../types';
import { errorCodeOf, signIn, signInConsole, startTestLinli, type TestLinli } from '../testing/linli';

describe('finding a person to appoint (users.search) and the invite code they show', () => {
  let linli: TestLinli;
  beforeAll(async () => {
    linli = await startTestLinli();
  });
  afterAll(() => linli.stop());

  async function newResident(persona: string, communityId: string, phone?: string) {
    const c = await signIn(persona);
    await c.call('users.updateProfile', { homeCommunityId: communityId, nickname: persona === 'ying-1' ? '李秀英' : '李秀珍' });
    if (phone) await c.call('users.bindPhone', { code: `phone:${phone}` });
    return c;
  }

  it('a community admin finds a resident of their community by name, with the phone masked, and appoints them', async () => {
    const ying = await newResident('ying-1', 'chaoyang', '13912345678');
    const admin = await signIn('admin');
    const found = await admin.call('users.search', { query: '秀英' });
    expect(found).toEqual([
      expect.objectContaining({ userId: ying.userId, nickname: '李秀英', phoneMasked: '139****5678', communityName: '朝阳社区', roles: [], matchedBy: 'name' }),
    ]);
    await admin.call('roles.grant', { userId: found[0]!.userId, role: 'gridWorker', scopeId: 'chaoyang' });
    const again = await admin.call('users.search', { query: '5678' });
    expect(again.map((p) => p.userId)).toEqual([ying.userId]);
    expect(again[0]!.roles).toEqual([{ role: 'gridWorker', scopeId: 'chaoyang', scopeName: '朝阳社区' }]);
    // The full number and the masked form an elder reads out find the same person.
    expect((await admin.call('users.search', { query: '13912345678' })).map((p) => p.userId)).toEqual([ying.userId]);
    expect((await admin.call('users.search', { query: '139****5678' })).map((p) => p.userId)).toEqual([ying.userId]);
  });

  it('keeps a community admin to their own community when searching by name or phone', async () => {
    const zhen = await newResident('zhen-1', 'kangle', '13887654321');
    const admin = await signIn('admin');
    expect(await admin.call('users.search', { query: '秀珍' })).toEqual([]);
    expect(await admin.call('users.search', { query: '13887654321' })).toEqual([]);
    expect(await errorCodeOf(admin.call('users.search', { query: '秀珍', communityId: 'kangle' }))).toBe(ERRORS.OUT_OF_SCOPE.code);
    const district = await signInConsole('district-admin', 'Linli2026dev');
    expect((await district.call('users.search', { query: '秀珍', communityId: 'kangle' })).map((p) => p.userId)).toEqual([zhen.userId]);
  });

  it('finds the holder of an invite code anywhere, however it is typed, and the code stays the same', async () => {
    const zhen = await signIn('zhen-1');
    const { code, qr } = await zhen.call('users.inviteCode', {});
    expect(qr).toMatch(/^data:image\/png;base64,/);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect((await zhen.call('users.inviteCode', {})).code).toBe(code);
    const admin = await signIn('admin');
    const typed = ` ${code.toLowerCase().replace('-', ' ')} `;
    const found = await admin.call('users.search', { query: typed });
    expect(found.map((p) => [p.userId, p.matchedBy])).toEqual([[zhen.userId, 'inviteCode']]);
  });

  it('never lists console accounts, and refuses residents and empty queries', async () => {
    const admin = await signIn('admin');
    expect(await admin.call('users.search', { query: '管理员' })).toEqual([]);
    const resident = await signIn('resident');
    expect(await errorCodeOf(resident.call('users.search', { query: '秀英' }))).toBe(ERRORS.ROLE_REQUIRED.code);
    expect(await errorCodeOf(admin.call('users.search', { query: '  ' }))).toBe(ERRORS.INVALID_INPUT.code);
  });

  it('treats % and _ in a name as letters, not wildcards', async () => {
    const admin = await signIn('admin');
    expect(await admin.call('users.search', { query: '%' })).toEqual([]);
    expect(await admin.call('users.search', { query: '_' })).toEqual([]);
  });
});
