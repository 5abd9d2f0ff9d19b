import type { RoleGrant } from '../../types';
import { cardCommunities, isLiveCard, mayManageCard, maySeeCard } from './elder-cards.permissions';

const grid: RoleGrant[] = [{ role: 'gridWorker', scopeId: 'chaoyang' }];
const familyCard = { family_user_id: 'daughter', community_id: 'chaoyang' };
const staffCard = { family_user_id: null, community_id: 'chaoyang' };

describe('who manages and who reads a 防走失 card', () => {
  it.each([
    ['the family holder, their card', { id: 'daughter', grants: [] }, familyCard, true, true],
    ['a neighbour', { id: 'neighbour', grants: [] }, familyCard, false, false],
    ['a 网格员 of the community, a family-held card', { id: 'g', grants: grid }, familyCard, false, true],
    ['a 网格员 of the community, a card no family holds', { id: 'g', grants: grid }, staffCard, true, true],
    ['a 网格员 of another community', { id: 'g', grants: [{ role: 'gridWorker', scopeId: 'kangle' }] }, staffCard, false, false],
  ] as Array<[string, { id: string; grants: RoleGrant[] }, typeof staffCard, boolean, boolean]>)('%s: manages %s', (_who, caller, card, manages, sees) => {
    expect([mayManageCard(caller, card), maySeeCard(caller, card)]).toEqual([manages, sees]);
  });

  it('staff list their communities’ cards; a stopped card is not live', () => {
    expect([cardCommunities(grid), cardCommunities([{ role: 'districtAdmin', scopeId: 'shangjie' }]), cardCommunities([])]).toEqual([['chaoyang'], 'all', []]);
    expect([isLiveCard({ status: 'active' }), isLiveCard({ status: 'revoked' })]).toEqual([true, false]);
  });
});
