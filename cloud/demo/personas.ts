import type { StaffRole } from '../../types';
import { DISTRICT_ID } from './regions';

/**
 * Demo people. WeChat personas sign in with the code `dev:<persona>` through the fake
 * WeChat; console accounts sign in with a username and password. All names are invented.
 */
export interface DemoPersona {
  persona: string;
  nickname: string;
  /** A service phone staff are reached on (认准一个人); invented numbers. */
  phone?: string;
  homeCommunityId: string;
  grants: Array<{ role: StaffRole; scopeId: string }>;
}

export const DEMO_PERSONAS: DemoPersona[] = [
  { persona: 'resident', nickname: '王秀兰', homeCommunityId: 'chaoyang', grants: [] },
  { persona: 'resident2', nickname: '赵德明', homeCommunityId: 'chaoyang', grants: [] },
  { persona: 'resident3', nickname: '孙桂芳', homeCommunityId: 'kangle', grants: [] },
  { persona: 'grid', nickname: '刘建国', homeCommunityId: 'chaoyang', grants: [{ role: 'gridWorker', scopeId: 'chaoyang' }] },
  { persona: 'agent', nickname: '陈静', phone: '13700000001', homeCommunityId: 'chaoyang', grants: [{ role: 'agent', scopeId: 'chaoyang' }] },
  { persona: 'agent-kangle', nickname: '周丽', phone: '13700000002', homeCommunityId: 'kangle', grants: [{ role: 'agent', scopeId: 'kangle' }] },
  { persona: 'admin', nickname: '马红梅', homeCommunityId: 'chaoyang', grants: [{ role: 'communityAdmin', scopeId: 'chaoyang' }] },
  { persona: 'admin-kangle', nickname: '黄志强', homeCommunityId: 'kangle', grants: [{ role: 'communityAdmin', scopeId: 'kangle' }] },
  { persona: 'district', nickname: '郑文博', homeCommunityId: 'chaoyang', grants: [{ role: 'districtAdmin', scopeId: DISTRICT_ID }] },
];

export interface DemoAccount {
  username: string;
  password: string;
  nickname: string;
  grants: Array<{ role: StaffRole; scopeId: string }>;
}

/** Console accounts for development only; README lists them. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'chaoyang-admin', password: 'Linli2026dev', nickname: '朝阳社区管理员', grants: [{ role: 'communityAdmin', scopeId: 'chaoyang' }] },
  { username: 'kangle-admin', password: 'Linli2026dev', nickname: '康乐社区管理员', grants: [{ role: 'communityAdmin', scopeId: 'kangle' }] },
  { username: 'district-admin', password: 'Linli2026dev', nickname: '上街区管理员', grants: [{ role: 'districtAdmin', scopeId: DISTRICT_ID }] },
];
