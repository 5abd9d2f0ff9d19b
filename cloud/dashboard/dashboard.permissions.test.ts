import type { RoleGrant } from '../../types';
import { statsCommunities } from './dashboard.permissions';

describe('whose figures an admin sees', () => {
  it.each([
    ['a community admin: their community', [{ role: 'communityAdmin', scopeId: 'chaoyang' }], ['chaoyang']],
    ['a district admin: all', [{ role: 'districtAdmin', scopeId: 'shangjie' }], 'all'],
    ['an agent: none (no figures of staff work)', [{ role: 'agent', scopeId: 'chaoyang' }], []],
  ] as Array<[string, RoleGrant[], string[] | 'all']>)('%s', (_who, grants, where) => {
    expect(statsCommunities(grants)).toEqual(where);
  });
});
