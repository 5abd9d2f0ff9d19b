import type { Region } from '../../types/communities';
import { describeRoles, groupByStreet } from './regions';

const region = (r: Partial<Region> & Pick<Region, 'id' | 'level' | 'name'>): Region => ({
  parentId: null,
  kind: '',
  path: [],
  ...r,
});

const DISTRICT = region({ id: 'd', level: 'district', name: '上街区', path: ['上街区'] });
const JIYUAN = region({ id: 's1', parentId: 'd', level: 'street', name: '济源路街道', path: ['上街区', '济源路街道'] });
const XIAWO = region({ id: 's2', parentId: 'd', level: 'street', name: '峡窝镇', path: ['上街区', '峡窝镇'] });
const CHAOYANG = region({ id: 'c1', parentId: 's1', level: 'community', name: '朝阳社区', path: ['上街区', '济源路街道', '朝阳社区'] });
const KANGLE = region({ id: 'c2', parentId: 's1', level: 'community', name: '康乐社区', path: ['上街区', '济源路街道', '康乐社区'] });
const VILLAGE = region({ id: 'c3', parentId: 's2', level: 'community', name: '马固村', path: ['上街区', '峡窝镇', '马固村'] });
const GRID = region({ id: 'g1', parentId: 'c1', level: 'grid', name: '第一网格' });

describe('the community picker', () => {
  it('lists communities under their street and leaves out grids and empty streets', () => {
    const empty = region({ id: 's3', parentId: 'd', level: 'street', name: '工业路街道' });
    const groups = groupByStreet([DISTRICT, JIYUAN, XIAWO, empty, CHAOYANG, GRID, KANGLE, VILLAGE]);
    expect(groups.map((g) => [g.name, g.communities.map((c) => c.name)])).toEqual([
      ['济源路街道', ['朝阳社区', '康乐社区']],
      ['峡窝镇', ['马固村']],
    ]);
  });

  it('still offers a community whose street is not in the list', () => {
    const groups = groupByStreet([CHAOYANG]);
    expect(groups).toEqual([{ name: '济源路街道', id: null, communities: [CHAOYANG] }]);
  });
});

describe('the roles shown on 我的', () => {
  it('says where each staff role is held', () => {
    const labels = describeRoles(
      true,
      [
        { role: 'gridWorker', scopeId: 'c1' },
        { role: 'districtAdmin', scopeId: 'd' },
      ],
      [DISTRICT, CHAOYANG],
    );
    expect(labels).toEqual(['居民', '网格员（朝阳社区）', '区级管理员（上街区）']);
  });

  it('names the role alone while the places are unknown', () => {
    expect(describeRoles(false, [{ role: 'agent', scopeId: 'c9' }], [])).toEqual(['代办员']);
  });
});
