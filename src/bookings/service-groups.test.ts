import type { Resource } from '../../types/bookings-model';
import { serviceGroups } from './service-groups';

const base: Omit<Resource, 'id' | 'name' | 'kind' | 'description' | 'requiresApproval' | 'documents'> = {
  centerId: 'c',
  centerName: '朝阳社区党群服务中心',
  communityId: 'chaoyang',
  capacity: 10,
  hours: {},
  slotMinutes: 60,
  windowSize: 1,
  daysAhead: 14,
  minNoticeMinutes: 60,
  cancelCutoffMinutes: 120,
  weeklyQuota: 0,
  closedDates: [],
  active: true,
};
const r = (id: string, name: string, kind: Resource['kind'], requiresApproval: boolean, description = '', documents: string[] = []): Resource => ({
  ...base,
  id,
  name,
  kind,
  requiresApproval,
  description,
  documents,
});

const all = [
  r('a', '高龄津贴申请', 'hall', false, '80周岁以上老人申请高龄津贴', ['老人身份证', '户口本']),
  r('b', '居住证明', 'hall', false, '开具居住证明', ['身份证', '户口本或房产证/租房合同']),
  r('c', '书画室', 'room', false, '书画桌、毛笔宣纸'),
  r('d', '议事厅', 'room', true, '“同题议事”协商'),
];

describe('服务 in groups, with a search', () => {
  it('puts the hall first, then rooms booked at once, then rooms the community approves', () => {
    expect(serviceGroups(all).map((g) => [g.title, g.items.map((i) => i.name)])).toEqual([
      ['便民服务大厅', ['高龄津贴申请', '居住证明']],
      ['功能室 · 直接预约', ['书画室']],
      ['功能室 · 需社区审核', ['议事厅']],
    ]);
  });

  it('finds matters by what they are for and what to bring, and leaves out empty groups', () => {
    expect(serviceGroups(all, '老人').flatMap((g) => g.items.map((i) => i.name))).toEqual(['高龄津贴申请']);
    expect(serviceGroups(all, '户口本').map((g) => g.key)).toEqual(['hall']);
    expect(serviceGroups(all, '书画 毛笔').flatMap((g) => g.items.map((i) => i.name))).toEqual(['书画室']);
    expect(serviceGroups(all, '游泳')).toEqual([]);
  });
});
