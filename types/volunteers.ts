import { z } from 'zod';
import { PUBLIC, SIGNED_IN, rolesOnly } from './access';
import { defineContract } from './contract';
import type { MyVolunteerHours, MyVolunteering, RosterVolunteer, VolunteerPlaces } from './volunteers-model';

export * from './volunteers-model';

const id = z.string().min(1, '不能为空').max(64);
const STAFF = rolesOnly('gridWorker', 'agent', 'communityAdmin', 'districtAdmin');
const ADMINS = rolesOnly('communityAdmin', 'districtAdmin');

export const volunteerPlaces = defineContract({
  name: 'volunteers.places',
  summary: '活动的志愿者名额与我的志愿者报名',
  kind: 'query',
  access: PUBLIC,
  input: z.object({ eventId: id }),
}).returns<VolunteerPlaces>();

export const setVolunteerCapacity = defineContract({
  name: 'volunteers.setCapacity',
  summary: '设置活动的志愿者名额（0 = 不招募志愿者；不能少于已报名人数）',
  kind: 'command',
  access: ADMINS,
  input: z.object({ eventId: id, capacity: z.number().int().min(0, '名额不能为负').max(10_000, '名额最多10000') }),
}).returns<VolunteerPlaces>();

export const signUpVolunteer = defineContract({
  name: 'volunteers.signUp',
  summary: '报名当志愿者（与参加活动的名额分开）；重复报名返回原报名',
  kind: 'command',
  access: SIGNED_IN,
  input: z.object({ eventId: id }),
}).returns<MyVolunteering>();

export const cancelVolunteer = defineContract({
  name: 'volunteers.cancel',
  summary: '活动开始前取消志愿者报名',
  kind: 'command',
  access: SIGNED_IN,
  input: z.object({ eventId: id }),
}).returns<MyVolunteering>();

export const VolunteerScanInput = z.object({
  code: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^V[A-Z0-9]{8}$/, '志愿者码是V开头的9位字母或数字')),
});
export const scanVolunteer = defineContract({
  name: 'volunteers.scan',
  summary: '工作人员扫志愿者码：第一次为到岗签到，第二次为离岗签退',
  kind: 'command',
  access: STAFF,
  input: VolunteerScanInput,
}).returns<{ action: 'in' | 'out'; nickname: string; eventTitle: string; at: Date; minutes: number | null }>();

export const volunteerRoster = defineContract({
  name: 'volunteers.roster',
  summary: '本社区活动的志愿者名单、到岗离岗时间与时长',
  kind: 'query',
  access: STAFF,
  input: z.object({ eventId: id }),
}).returns<{ eventTitle: string; capacity: number; volunteers: RosterVolunteer[] }>();

export const correctVolunteerHours = defineContract({
  name: 'volunteers.correct',
  summary: '核定志愿服务时长（须写明原因，记入审计日志）',
  kind: 'command',
  access: ADMINS,
  input: z.object({
    volunteerId: id,
    minutes: z.number().int().min(0, '时长不能为负').max(24 * 60, '一次服务最多24小时'),
    reason: z.string().trim().min(2, '请写明核定原因').max(100, '原因最多100字'),
  }),
}).returns<RosterVolunteer>();

export const myVolunteerHours = defineContract({
  name: 'volunteers.mine',
  summary: '我的志愿服务时长：按年汇总与每次服务',
  kind: 'query',
  access: SIGNED_IN,
  input: z.object({ year: z.number().int().min(2000).max(2100).optional() }),
}).returns<MyVolunteerHours>();

export const volunteerCertificate = defineContract({
  name: 'volunteers.certificate',
  summary: '志愿服务时长证明图片（含小程序码），可保存到相册',
  kind: 'query',
  access: SIGNED_IN,
  input: z.object({ year: z.number().int().min(2000).max(2100) }),
}).returns<{ image: string; width: number; height: number }>();

export const exportVolunteerHours = defineContract({
  name: 'volunteers.export',
  summary: '导出志愿服务时长 Excel（每人每年一行，按姓名排序，不排名）',
  kind: 'query',
  access: ADMINS,
  input: z.object({ year: z.number().int().min(2000).max(2100), communityId: id.optional() }),
}).returns<{ fileName: string; mime: string; base64: string; rows: number }>();

export const volunteersContracts = [
  volunteerPlaces,
  setVolunteerCapacity,
  signUpVolunteer,
  cancelVolunteer,
  scanVolunteer,
  volunteerRoster,
  correctVolunteerHours,
  myVolunteerHours,
  volunteerCertificate,
  exportVolunteerHours,
] as const;
