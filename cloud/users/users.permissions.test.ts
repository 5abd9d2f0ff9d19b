import type { RoleGrant } from '../../types';
import { peopleSearchCommunities } from './users.permissions';

describe('where an admin looks for a person to appoint', () => {
  it.each([
    ['a community admin: their community', [{ role: 'communityAdmin', scopeId: 'chaoyang' }], ['chaoyang']],
    ['an admin of two communities: both', [{ role: 'communityAdmin', scopeId: 'chaoyang' }, { role: 'communityAdmin', scopeId: 'kangle' }], ['chaoyang', 'kangle']],
    ['a district admin: everywhere', [{ role: 'districtAdmin', scopeId: 'shangjie' }], 'all'],
    ['a grid worker: nowhere', [{ role: 'gridWorker', scopeId: 'chaoyang' }], []],
  ] as Array<[string, RoleGrant[], string[] | 'all']>)('%s', (_who, grants, where) => {
    expect(peopleSearchCommunities(grants)).toEqual(where);
  });
});
