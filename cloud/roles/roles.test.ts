import { ERRORS } from '../../types';
import { errorCodeOf, signIn, signInConsole, startTestLinli, type TestLinli } from '../testing/linli';
import { mayManageRole } from './roles.permissions';
import { grantsOf } from './roles.storage';
import { interleaved, staffOf } from '../testing/interleave';
import grantRole from './grant-role';

describe('mayManageRole (pure rule)', () => {
  const communityAdmin = [{ role: 'communityAdmin' as const, scopeId: 'chaoyang' }];
  const districtAdmin = [{ role: 'districtAdmin' as const, scopeId: 'shangjie' }];

  it('lets a community admin appoint staff in their own community', () => {
    expect(mayManageRole(communityAdmin, { role: 'gridWorker', scopeId: 'chaoyang', scopeLevel: 'community' })).toBe('allowed');
    expect(mayManageRole(communityAdmin, { role: 'communityAdmin', scopeId: 'chaoyang', scopeLevel: 'community' })).toBe('allowed');
  });
  it('keeps a community admin out of other communities', () => {
    expect(mayManageRole(communityAdmin, { role: 'agent', scopeId: 'kangle', scopeLevel: 'community' })).toBe('out-of-scope');
  });
  it('never lets a community admin grant districtAdmin', () => {
    expect(mayManageRole(communityAdmin, { role: 'districtAdmin', scopeId: 'shangjie', scopeLevel: 'district' })).toBe('role-not-grantable');
  });
  it('lets a district admin grant anywhere, but community roles only in a community', () => {
    expect(mayManageRole(districtAdmin, { role: 'agent', scopeId: 'kangle', scopeLevel: 'community' })).toBe('allowed');
    expect(mayManageRole(districtAdmin, { role: 'districtAdmin', scopeId: 'shangjie', scopeLevel: 'district' })).toBe('allowed');
    expect(mayManageRole(districtAdmin, { role: 'agent', scopeId: 'jiyuanlu', scopeLevel: 'street' })).toBe('role-not-grantable');
  });
});

describe('granting and revoking through the host', () => {
  let linli: TestLinli;
  beforeAll(async () => {
    linli = await startTestLinli();
  });
  afterAll(() => linli.stop());

  it('a community admin makes a resident a grid worker, who then holds the role', async () => {
    const admin = await signIn('admin');
    const volunteer = await signIn('volunteer-1');
    const staff = await admin.call('roles.grant', { userId: volunteer.userId!, role: 'gridWorker', scopeId: 'chaoyang' });
    expect(staff).toMatchObject({ role: 'gridWorker', scopeName: '朝阳社区' });
    expect((await volunteer.call('users.me')).roles).toEqual([{ role: 'gridWorker', scopeId: 'chaoyang' }]);
    expect((await admin.call('roles.list', {})).map((s) => s.userId)).toContain(volunteer.userId);

    // Granting twice keeps one grant.
    await admin.call('roles.grant', { userId: volunteer.userId!, role: 'gridWorker', scopeId: 'chaoyang' });
    expect((await volunteer.call('users.me')).roles).toHaveLength(1);

    expect(await admin.call('roles.revoke', { userId: volunteer.userId!, role: 'gridWorker', scopeId: 'chaoyang' })).toEqual({ revoked: true });
    expect((await volunteer.call('users.me')).roles).toEqual([]);
    expect(await errorCodeOf(volunteer.call('roles.list', {}))).toBe(ERRORS.ROLE_REQUIRED.code);
  });

  it('a community admin cannot grant in another community, nor grant districtAdmin', async () => {
    const admin = await signIn('admin');
    const volunteer = await signIn('volunteer-2');
    expect(await errorCodeOf(admin.call('roles.grant', { userId: volunteer.userId!, role: 'agent', scopeId: 'kangle' }))).toBe(
      ERRORS.OUT_OF_SCOPE.code,
    );
    expect(
      await errorCodeOf(admin.call('roles.grant', { userId: volunteer.userId!, role: 'districtAdmin', scopeId: 'shangjie' })),
    ).toBe(ERRORS.ROLE_NOT_GRANTABLE.code);
    expect(await errorCodeOf(admin.call('roles.list', { scopeId: 'kangle' }))).toBe(ERRORS.OUT_OF_SCOPE.code);
    expect((await volunteer.call('users.me')).roles).toEqual([]);
  });

  it('the district admin sees staff of every community', async () => {
    const district = await signInConsole('district-admin', 'Linli2026dev');
    const scopes = new Set((await district.call('roles.list', {})).map((s) => s.scopeName));
    expect(scopes).toEqual(new Set(['朝阳社区', '康乐社区', '上街区']));
  });

  it('refuses an unknown user with a coded error', async () => {
    const admin = await signIn('admin');
    expect(await errorCodeOf(admin.call('roles.grant', { userId: 'no-such-user', role: 'agent', scopeId: 'chaoyang' }))).toBe(
      ERRORS.USER_NOT_FOUND.code,
    );
  });

  it('a grant checked before the person deleted their account is refused and not kept', async () => {
    const admin = await signIn('admin');
    const leaving = await signIn('leaving-resident');
    const services = interleaved(linli.services, () => leaving.call('users.deleteAccount', { confirm: '注销' }));
    const grant = grantRole.handler({ userId: leaving.userId!, role: 'gridWorker', scopeId: 'chaoyang' }, { services, caller: await staffOf(linli.services, admin), ip: '127.0.0.1' });
    expect(await errorCodeOf(grant)).toBe(ERRORS.USER_NOT_FOUND.code);
    expect(services.interleaved()).toBe(true);
    expect(await grantsOf(linli.services.db, leaving.userId!)).toEqual([]);
  });
});
