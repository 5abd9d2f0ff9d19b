import crypto from 'node:crypto';
import { DAY, HOUR } from '../core/clock';
import { newCheckinCode } from '../events/lib/event-view';
import { newId } from '../core/crypto';
import type { Services } from '../core/services';
import { getRegistration, registerResident } from '../events/events.storage';
import { countHouseholds, insertHousehold, insertVisit, recordGroupOpen, setAssignment, setLabel } from '../grid/grid.storage';
import { shanghaiDay } from '../../types/time';
import { findOrCreateByOpenid, updateUser } from '../users/users.storage';
import { openidOf } from '../wechat/fake-server';

/**
 * 朝阳社区's grids as the H5 preview shows them to 刘建国 (dev:grid): his two grids with
 * their households (all names invented), a few visits, and a share of the 法律讲座 that
 * reached two WeChat groups he has labelled. Idempotent like the rest of the seed.
 */
const HOUSEHOLDS: Array<[grid: string, address: string, head: string, phone: string | null, note: string]> = [
  ['chaoyang-g1', '朝阳小区1号楼1单元101室', '李桂兰', '13900001001', '独居老人'],
  ['chaoyang-g1', '朝阳小区1号楼1单元202室', '王建华', '13900001002', ''],
  ['chaoyang-g1', '朝阳小区2号楼2单元301室', '张秀英', null, '高龄，子女在外地'],
  ['chaoyang-g1', '朝阳小区3号楼1单元102室', '刘志强', '13900001004', ''],
  ['chaoyang-g1', '朝阳小区3号楼2单元401室', '陈玉梅', '13900001005', ''],
  ['chaoyang-g2', '济源路16号院1号楼101室', '赵国庆', '13900002001', ''],
  ['chaoyang-g2', '济源路16号院1号楼302室', '孙美华', '13900002002', '残疾人家庭'],
  ['chaoyang-g2', '济源路16号院2号楼201室', '周德福', null, ''],
  ['chaoyang-g2', '济源路18号院3号楼502室', '吴丽娟', '13900002004', ''],
  ['chaoyang-g3', '朝阳路东段5号楼101室', '郑春生', '13900003001', ''],
  ['chaoyang-g3', '朝阳路东段6号楼203室', '冯秀珍', '13900003002', ''],
];

const VISITS: Array<[address: string, daysAgo: number, raised: string, followUp: boolean]> = [
  ['朝阳小区1号楼1单元101室', 2, '老人腿脚不便，想问问助餐点能不能送餐上门', true],
  ['朝阳小区2号楼2单元301室', 5, '身体还好，冬天取暖正常，没有别的困难', false],
  ['济源路16号院1号楼302室', 1, '楼下电动车乱停，轮椅出不了单元门', true],
];

const GROUPS: Array<[opengid: string, label: string, residents: string[]]> = [
  ['demo-gid-building-3', '3号楼群', ['demo-neighbour-1', 'demo-neighbour-2', 'demo-neighbour-3']],
  ['demo-gid-estate', '朝阳小区居民群', ['demo-neighbour-4', 'demo-neighbour-5']],
];
const NEIGHBOUR_NAMES: Record<string, string> = {
  'demo-neighbour-1': '邻居·马大爷',
  'demo-neighbour-2': '邻居·何阿姨',
  'demo-neighbour-3': '邻居·高师傅',
  'demo-neighbour-4': '邻居·罗奶奶',
  'demo-neighbour-5': '邻居·梁叔',
};
const SHARED_EVENT = 'demo-event-law';

export async function seedGridDemo(services: Services): Promise<void> {
  const { db, clock, cipher } = services;
  const now = clock.now();
  const worker = await findOrCreateByOpenid(db, openidOf('grid'), now, '刘建国');
  for (const gridId of ['chaoyang-g1', 'chaoyang-g2']) await setAssignment(db, { gridId, communityId: 'chaoyang', userId: worker.id, assigned: true, by: worker.id, now });

  if ((await countHouseholds(db, ['chaoyang-g1'])).get('chaoyang-g1')) return;
  const ids = new Map<string, { id: string; grid: string }>();
  for (const [grid, address, head, phone, note] of HOUSEHOLDS) {
    const id = newId();
    ids.set(address, { id, grid });
    await insertHousehold(db, {
      id,
      grid_id: grid,
      address,
      head_name_enc: cipher.encrypt(head),
      phone_enc: phone ? cipher.encrypt(phone) : null,
      note,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
  }
  for (const [address, daysAgo, raised, followUp] of VISITS) {
    const h = ids.get(address)!;
    const at = new Date(now.getTime() - daysAgo * DAY);
    await insertVisit(db, {
      id: newId(),
      grid_id: h.grid,
      household_id: h.id,
      worker_id: worker.id,
      visited_on: shanghaiDay(at),
      raised,
      follow_up: followUp ? 1 : 0,
      petition_id: null,
      created_at: at.toISOString(),
    });
  }
  for (const [opengid, label, residents] of GROUPS) {
    await setLabel(db, { ownerId: worker.id, opengid, label, now });
    for (const [i, persona] of residents.entries()) {
      const neighbour = await findOrCreateByOpenid(db, openidOf(persona), now, NEIGHBOUR_NAMES[persona]!);
      await updateUser(db, neighbour.id, { home_community_id: 'chaoyang' }, now);
      await recordGroupOpen(db, {
        sharerId: worker.id,
        targetKind: 'event',
        targetId: SHARED_EVENT,
        opengid,
        visitorId: neighbour.id,
        newResident: i % 2 === 0,
        now: new Date(now.getTime() - (i + 1) * 3 * HOUR),
      });
      // Two of each group's openers signed up through the card.
      if (i < 2 && !(await getRegistration(db, SHARED_EVENT, neighbour.id))) {
        await registerResident(db, { eventId: SHARED_EVENT, userId: neighbour.id, sharedBy: worker.id, code: newCheckinCode(crypto.randomBytes), now, notify: () => [] });
      }
    }
  }
}
