import type { WeeklyHours } from '../../types/bookings';
import type { ResourcesTable, ServiceCentersTable } from '../storage/schema';

/**
 * 朝阳社区党群服务中心 as the 2020 report describes it: 1,500 m², opened September 2020,
 * 19 function rooms around a 便民服务大厅 where residents sit beside the clerk. Which of
 * them take bookings, and their rules, are the demo's own choice. A small centre for
 * 康乐社区 lets scope rules be seen.
 */
export const DEMO_CENTERS: ServiceCentersTable[] = [
  { id: 'chaoyang-center', community_id: 'chaoyang', name: '朝阳社区党群服务中心', address: '朝阳社区服务中心楼', area_m2: 1500, phone: '0371-00000000', opened_on: '2020-09' },
  { id: 'kangle-center', community_id: 'kangle', name: '康乐社区党群服务中心', address: '康乐社区居委会院内', area_m2: null, phone: null, opened_on: null },
];

const everyDay = (start: string, end: string): WeeklyHours =>
  Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start, end }]])) as WeeklyHours;

/** Weekday windows of 30 minutes, 8:30–12:00 and 14:30–17:30: how the hall takes appointments. */
function hallWindows(): WeeklyHours {
  const windows: Array<{ start: string; end: string }> = [];
  const add = (from: number, to: number) => {
    for (let m = from; m < to; m += 30) {
      const hhmm = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
      windows.push({ start: hhmm(m), end: hhmm(m + 30) });
    }
  };
  add(8 * 60 + 30, 12 * 60);
  add(14 * 60 + 30, 17 * 60 + 30);
  return Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, windows])) as WeeklyHours;
}

type RoomSpec = [id: string, name: string, capacity: number, slotMinutes: number, approval: boolean, bookable: boolean, description: string];

const CHAOYANG_ROOMS: RoomSpec[] = [
  ['cy-party', '党员活动室', 40, 120, true, true, '全天候向党员开放，开展组织生活、议事协商；预约需社区审核'],
  ['cy-stage', '演艺空间', 120, 120, true, true, '小舞台和音响，适合文艺排练、汇报演出；预约需社区审核'],
  ['cy-science', '科普大学教室', 50, 120, false, true, '投影与课桌，适合讲座、课程'],
  ['cy-painting', '书画室', 16, 60, false, true, '书画桌、毛笔宣纸，适合书画练习'],
  ['cy-papercut', '剪纸室', 12, 60, false, true, '剪纸、手工'],
  ['cy-choir', '合唱室', 30, 60, false, true, '钢琴和合唱台阶'],
  ['cy-rootcarving', '根塑工作室', 8, 120, false, true, '根雕、泥塑工具齐全'],
  ['cy-dance', '舞蹈室', 25, 60, false, true, '镜墙、地胶，适合广场舞排练'],
  ['cy-chess', '棋牌室', 16, 120, false, true, '象棋、围棋、扑克'],
  ['cy-meeting', '多功能会议室', 30, 120, true, true, '楼院议事、居民会议；预约需社区审核'],
  ['cy-reading', '阅览室', 20, 60, false, true, '图书、报刊，安静阅读'],
  ['cy-fitness', '健身室', 10, 60, false, true, '跑步机、按摩椅等适老器材'],
  ['cy-council', '议事厅', 20, 120, true, true, '“同题议事”协商；预约需社区审核'],
  ['cy-counsel', '心理咨询室', 3, 60, false, false, '由社区社工安排，不对外预约'],
  ['cy-mediation', '人民调解室', 6, 60, false, false, '由人民调解员安排，不对外预约'],
  ['cy-kids', '儿童之家', 20, 60, false, false, '放学后托管，由社区统一安排'],
  ['cy-daycare', '日间照料室', 15, 60, false, false, '老人日间照料，由社区统一安排'],
  ['cy-volunteer', '志愿者之家', 15, 60, false, false, '志愿者休息、集合'],
];

const HALL_ITEMS: Array<[id: string, name: string, documents: string[], description: string]> = [
  ['cy-hall-residence', '居住证明', ['身份证', '户口本或房产证/租房合同'], '开具居住证明，当场办结'],
  ['cy-hall-allowance', '高龄津贴申请', ['老人身份证', '户口本', '本人银行卡'], '80周岁以上老人申请高龄津贴'],
  ['cy-hall-pension', '社保待遇认证', ['身份证', '社保卡'], '养老金领取资格认证，可代为操作'],
  ['cy-hall-elderly-card', '老年优待证', ['身份证', '一寸照片1张'], '60周岁以上老人办理老年优待证'],
];

export function demoResources(): ResourcesTable[] {
  const rooms = CHAOYANG_ROOMS.map(([id, name, capacity, slotMinutes, approval, bookable, description], i): ResourcesTable => ({
    id,
    center_id: 'chaoyang-center',
    kind: 'room',
    name,
    description,
    capacity,
    hours: JSON.stringify(everyDay('08:00', '21:00')),
    slot_minutes: slotMinutes,
    window_size: 1,
    days_ahead: 14,
    min_notice_minutes: 60,
    cancel_cutoff_minutes: 120,
    weekly_quota: 3,
    requires_approval: approval ? 1 : 0,
    documents: '[]',
    active: bookable ? 1 : 0,
    sort: 10 + i,
  }));
  const hall = HALL_ITEMS.map(([id, name, documents, description], i): ResourcesTable => ({
    id,
    center_id: 'chaoyang-center',
    kind: 'hall',
    name,
    description,
    capacity: 1,
    hours: JSON.stringify(hallWindows()),
    slot_minutes: 30,
    window_size: 3,
    days_ahead: 7,
    min_notice_minutes: 30,
    cancel_cutoff_minutes: 30,
    weekly_quota: 0,
    requires_approval: 0,
    documents: JSON.stringify(documents),
    active: 1,
    sort: i,
  }));
  const kangle: ResourcesTable = {
    ...rooms[3]!,
    id: 'kl-activity',
    center_id: 'kangle-center',
    name: '活动室',
    description: '康乐社区居委会活动室',
    sort: 1,
  };
  return [...hall, ...rooms, kangle];
}
