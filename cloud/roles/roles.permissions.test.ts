import type { RoleGrant } from '../../types';
import { staffListCommunities } from './roles.permissions';

describe('whose staff list a person reads', () => {
  it.each([
    ['a community admin: their community', [{ role: 'communityAdmin', scopeId: 'chaoyang' }], ['chaoyang']],
    ['a district admin: all', [{ role: 'districtAdmin', scopeId: 'shangjie' }], 'all'],
    ['a grid worker: none', [{ role: 'gridWorker', scopeId: 'chaoyang' }], []],
  ] as Array<[string, RoleGrant[], string[] | 'all']>)('%s', (_who, grants, where) => {
    expect(staffListCommunities(grants)).toEqual(where);
  });
});
