import type { RoleGrant } from '../../types';
import { isPublicEntry, managedListScopes, mayBeThanked, mayManageHonorList, mayReadHonorList, mayReportThanks, mayReviewFor, reviewCommunities } from './honors.permissions';

const resident: RoleGrant[] = [];
const chaoyangAdmin: RoleGrant[] = [{ role: 'communityAdmin', scopeId: 'chaoyang' }];
const chaoyangGrid: RoleGrant[] = [{ role: 'gridWorker', scopeId: 'chaoyang' }];
const district: RoleGrant[] = [{ role: 'districtAdmin', scopeId: 'shangjie' }];
const chaoyang = { id: 'chaoyang', level: 'community' };
const kangle = { id: 'kangle', level: 'community' };
const wholeDistrict = { id: 'shangjie', level: 'district' };

describe('who manages a list (create, fill, publish)', () => {
  it.each([
    ['a resident', resident, chaoyang, false],
    ['a grid worker of the community', chaoyangGrid, chaoyang, false],
    ['the community admin', chaoyangAdmin, chaoyang, true],
    ['another community admin', chaoyangAdmin, kangle, false],
    ['a community admin, for the district list', chaoyangAdmin, wholeDistrict, false],
    ['a district admin, any community', district, kangle, true],
    ['a district admin, the district list', district, wholeDistrict, true],
  ])('%s: %s', (_who, grants, place, allowed) => {
    expect(mayManageHonorList(grants, place)).toBe(allowed);
  });
});

describe('who reads a list', () => {
  it.each([
    ['anyone, published', { published: 1 }, null, true],
    ['nobody signed out, unpublished', { published: 0 }, null, false],
    ['a resident, unpublished', { published: 0 }, { grants: resident }, false],
    ['its community admin, unpublished', { published: 0 }, { grants: chaoyangAdmin }, true],
  ])('%s', (_case, list, viewer, allowed) => {
    expect(mayReadHonorList(list, viewer, chaoyang)).toBe(allowed);
  });

  it('an entry is public only while its list is published', () => {
    expect([isPublicEntry({ published: 1 }), isPublicEntry({ published: 0 })]).toEqual([true, false]);
  });
});

describe('who reviews nominations and thank-you posts', () => {
  it.each([
    [resident, 'chaoyang', false],
    [chaoyangGrid, 'chaoyang', false],
    [chaoyangAdmin, 'chaoyang', true],
    [chaoyangAdmin, 'kangle', false],
    [district, 'kangle', true],
  ])('%j in %s: %s', (grants, community, allowed) => {
    expect(mayReviewFor(grants, community)).toBe(allowed);
  });

  it('queues and console lists cover the admin’s own communities, all for a district admin, none for staff', () => {
    expect([reviewCommunities(chaoyangAdmin), reviewCommunities(district), reviewCommunities(chaoyangGrid)]).toEqual([['chaoyang'], 'all', []]);
    expect([managedListScopes(chaoyangAdmin), managedListScopes(district)]).toEqual([['chaoyang'], 'all']);
  });
});

describe('the thank-you wall', () => {
  it.each([
    ['a grid worker of the community', chaoyangGrid, 'chaoyang', true],
    ['a grid worker of another community', chaoyangGrid, 'kangle', false],
    ['a district admin, anywhere', district, 'kangle', true],
    ['someone with no role', resident, 'chaoyang', false],
  ])('%s can be thanked: %s', (_who, grants, community, allowed) => {
    expect(mayBeThanked(grants, community)).toBe(allowed);
  });

  it.each([
    ['approved', true],
    ['pending', false],
    ['hidden', false],
    ['rejected', false],
  ])('a %s post can be reported: %s', (status, allowed) => {
    expect(mayReportThanks({ status })).toBe(allowed);
  });
});
