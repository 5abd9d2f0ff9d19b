import type { RoleGrant } from '../../types';
import { actionsFor, handlesPetition, mayFileOnBehalf, mayKeepRoster, petitionAdminCommunities, relationsTo, reopenRefusal, seesFullNumbers } from './petitions.permissions';

const agentGrant: RoleGrant[] = [{ role: 'agent', scopeId: 'chaoyang' }];
const petition = { submitter_id: 'resident', agent_id: 'agent', community_id: 'chaoyang', status: 'submitted' };

describe('how a viewer stands to a petition', () => {
  it.each([
    ['its submitter', { id: 'resident', grants: [] }, ['submitter']],
    ['its agent, holding the role there now', { id: 'agent', grants: agentGrant }, ['agent']],
    ['its agent by name, the role revoked', { id: 'agent', grants: [] }, []],
    ['its agent by name, an agent of another community', { id: 'agent', grants: [{ role: 'agent', scopeId: 'kangle' }] }, []],
    ['the community admin', { id: 'admin', grants: [{ role: 'communityAdmin', scopeId: 'chaoyang' }] }, ['admin']],
    ['another community’s admin', { id: 'admin', grants: [{ role: 'communityAdmin', scopeId: 'kangle' }] }, []],
    ['a district admin', { id: 'd', grants: [{ role: 'districtAdmin', scopeId: 'shangjie' }] }, ['admin']],
    ['a grid worker of the community', { id: 'g', grants: [{ role: 'gridWorker', scopeId: 'chaoyang' }] }, []],
  ] as const)('%s: %j', (_who, viewer, relations) => {
    expect([...relationsTo({ id: viewer.id, grants: [...viewer.grants] as RoleGrant[] }, petition)]).toEqual(relations);
  });
});

describe('what each relation may do, by status', () => {
  it.each([
    ['submitter', 'resolved', ['confirm', 'reopen']],
    ['submitter', 'submitted', []],
    ['agent', 'submitted', ['accept', 'transfer', 'decline']],
    ['agent', 'accepted', ['note', 'resolve', 'transfer', 'decline']],
    ['admin', 'submitted', ['assign', 'transfer', 'decline']],
    ['admin', 'closed', []],
  ] as const)('%s, %s: %j', (relation, status, actions) => {
    expect(actionsFor(new Set([relation]), status).sort()).toEqual([...actions].sort());
  });

  it('only the agent sees full numbers; agent and admins handle it (anonymous name, reachability)', () => {
    expect([seesFullNumbers(new Set(['agent'])), seesFullNumbers(new Set(['admin'])), seesFullNumbers(new Set(['submitter']))]).toEqual([true, false, false]);
    expect([handlesPetition(new Set(['agent'])), handlesPetition(new Set(['admin'])), handlesPetition(new Set(['submitter']))]).toEqual([true, true, false]);
  });
});

describe('reopening: once, within 7 days of the resolution', () => {
  const resolved = '2026-06-01T10:00:00+08:00';
  it.each([
    ['6 days later', 0, '2026-06-07T10:00:00+08:00', null],
    ['exactly 7 days later', 0, '2026-06-08T10:00:00+08:00', null],
    ['7 days and a minute later', 0, '2026-06-08T10:01:00+08:00', 'PETITION_REOPEN_EXPIRED'],
    ['a second time', 1, '2026-06-02T10:00:00+08:00', 'PETITION_REOPEN_USED'],
  ])('%s: %s', (_case, reopened, now, refusal) => {
    expect(reopenRefusal({ reopened, resolved_at: resolved }, new Date(now))).toBe(refusal);
  });
});

describe('staff tasks by role', () => {
  it.each([
    [[{ role: 'gridWorker', scopeId: 'chaoyang' }], true, false],
    [[{ role: 'agent', scopeId: 'chaoyang' }], true, false],
    [[{ role: 'communityAdmin', scopeId: 'chaoyang' }], true, true],
    [[{ role: 'gridWorker', scopeId: 'kangle' }], false, false],
    [[], false, false],
  ] as Array<[RoleGrant[], boolean, boolean]>)('%j in 朝阳: files on behalf %s, keeps the roster %s', (grants, files, roster) => {
    expect([mayFileOnBehalf(grants, 'chaoyang'), mayKeepRoster(grants, 'chaoyang')]).toEqual([files, roster]);
  });

  it('admins oversee their own communities, a district admin all', () => {
    expect([petitionAdminCommunities([{ role: 'communityAdmin', scopeId: 'chaoyang' }]), petitionAdminCommunities([{ role: 'districtAdmin', scopeId: 'shangjie' }]), petitionAdminCommunities([{ role: 'agent', scopeId: 'chaoyang' }])]).toEqual([['chaoyang'], 'all', []]);
  });
});
