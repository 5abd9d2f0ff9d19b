import type { RegionRow } from '../communities/communities.storage';

/**
 * 上街区 as the demo knows it: the streets and the town, the communities and villages the
 * 2020 news series wrote about, and a few grids. The ids are stable so that tests and
 * links can name them.
 */
export const DISTRICT_ID = 'shangjie';

const streets: Array<[id: string, name: string, kind: string, communities: Array<[string, string, string]>]> = [
  [
    'jiyuanlu',
    '济源路街道',
    '街道',
    [
      ['chaoyang', '朝阳社区', '社区'],
      ['kangle', '康乐社区', '社区'],
      ['minan', '民安社区', '社区'],
    ],
  ],
  [
    'zhongxinlu',
    '中心路街道',
    '街道',
    [
      ['sanwanjie', '三湾街社区', '社区'],
      ['huifeng', '汇丰社区', '社区'],
    ],
  ],
  ['xinanlu', '新安路街道', '街道', [['dongfang', '东方社区', '社区']]],
  ['gongyelu', '工业路街道', '街道', []],
  ['kuangshan', '矿山街道', '街道', []],
  ['xiawo', '峡窝镇', '镇', [['dapoding', '大坡顶村', '村']]],
];

const grids: Array<[community: string, count: number]> = [
  ['chaoyang', 3],
  ['kangle', 2],
  ['sanwanjie', 2],
];

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五'];

export function demoRegions(): RegionRow[] {
  const rows: RegionRow[] = [{ id: DISTRICT_ID, parent_id: null, level: 'district', name: '上街区', kind: '区', sort: 0 }];
  let sort = 1;
  for (const [id, name, kind, communities] of streets) {
    rows.push({ id, parent_id: DISTRICT_ID, level: 'street', name, kind, sort: sort++ });
    for (const [cid, cname, ckind] of communities) {
      rows.push({ id: cid, parent_id: id, level: 'community', name: cname, kind: ckind, sort: sort++ });
    }
  }
  for (const [community, count] of grids) {
    for (let i = 1; i <= count; i++) {
      rows.push({
        id: `${community}-g${i}`,
        parent_id: community,
        level: 'grid',
        name: `第${CHINESE_ORDINALS[i - 1]}网格`,
        kind: '网格',
        sort: sort++,
      });
    }
  }
  return rows;
}
