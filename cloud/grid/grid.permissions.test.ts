import type { RoleGrant } from '../../types';
import { mayBeAssigned, mayKeepGrids, mayListHouseholds, servesGrid, workbenchTools } from './grid.permissions';

const grid = { communityId: 'chaoyang' };
const worker: RoleGrant[] = [{ role: 'gridWorker', scopeId: 'chaoyang' }];
const workerElsewhere: RoleGrant[] = [{ role: 'gridWorker', scopeId: 'kangle' }];
const admin: RoleGrant[] = [{ role: 'communityAdmin', scopeId: 'chaoyang' }];
const district: RoleGrant[] = [{ role: 'districtAdmin', scopeId: 'shangjie' }];

describe('who serves a grid and reads its households', () => {
  it.each([
    ['an assigned 网格员 of the community', worker, true, true, true, true],
    ['a 网格员 of the community, not assigned', worker, false, false, true, false],
    ['assigned, but 网格员 only of another community (role moved)', workerElsewhere, true, false, false, false],
    ['the community admin, not assigned', admin, false, false, false, true],
    ['a district admin', district, false, false, false, true],
  ])('%s: serves %s', (_who, grants, assigned, serves, assignable, lists) => {
    expect([servesGrid(grants, grid, assigned), mayBeAssigned(grants, grid), mayListHouseholds(grants, grid, assigned)]).toEqual([serves, assignable, lists]);
  });
});

describe('who keeps a community’s grids (roster, import, totals)', () => {
  it.each([
    [admin, true],
    [district, true],
    [worker, false],
    [[{ role: 'communityAdmin', scopeId: 'kangle' }] as RoleGrant[], false],
  ])('%j: %s', (grants, allowed) => {
    expect(mayKeepGrids(grants, { id: 'chaoyang', level: 'community' })).toBe(allowed);
  });

  it('opens the workbench by role: visits for 网格员, the inbox for agents and admins, nothing for residents', () => {
    expect(workbenchTools([])).toEqual([]);
    expect(workbenchTools(worker)).toEqual(['visits', 'report', 'checkin', 'bookings', 'fileOnBehalf', 'reach', 'feedback']);
    expect(workbenchTools([{ role: 'agent', scopeId: 'chaoyang' }])).toEqual(['report', 'checkin', 'bookings', 'fileOnBehalf', 'inbox', 'reach', 'feedback']);
  });
});
