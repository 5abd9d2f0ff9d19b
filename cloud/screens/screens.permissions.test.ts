import type { RoleGrant } from '../../types';
import { mayManageScreens, screenCommunities } from './screens.permissions';

const chaoyangAdmin: RoleGrant = { role: 'communityAdmin', scopeId: 'chaoyang' };
const chaoyangAgent: RoleGrant = { role: 'agent', scopeId: 'chaoyang' };
const district: RoleGrant = { role: 'districtAdmin', scopeId: 'shangjie' };

describe('who sets up a community screen', () => {
  it.each([
    ['its own community admin', [chaoyangAdmin], 'chaoyang', true],
    ['another community’s admin', [chaoyangAdmin], 'kangle', false],
    ['a district admin, any community', [district], 'kangle', true],
    ['an agent of the community', [chaoyangAgent], 'chaoyang', false],
    ['a resident with no grants', [], 'chaoyang', false],
  ] as const)('%s', (_case, grants, community, may) => {
    expect(mayManageScreens(grants, community)).toBe(may);
  });
});

describe('whose screens the console lists', () => {
  it.each([
    ['a community admin: their own communities', [chaoyangAdmin, { role: 'communityAdmin', scopeId: 'kangle' }], ['chaoyang', 'kangle']],
    ['an agent: none', [chaoyangAgent], []],
    ['a district admin: all', [district, chaoyangAgent], 'all'],
  ] as const)('%s', (_case, grants, communities) => {
    expect(screenCommunities(grants as readonly RoleGrant[])).toEqual(communities);
  });
});
