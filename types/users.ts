import { z } from 'zod';
import { SIGNED_IN, type RoleGrant } from './access';
import { defineContract } from './contract';

/** What a user sees of themselves. The phone number only ever leaves the host masked. */
export interface Profile {
  objectId: string;
  nickname: string;
  avatarUrl: string | null;
  homeCommunityId: string | null;
  homeCommunityName: string | null;
  /** e.g. 138****5678 */
  phoneMasked: string | null;
  isResident: boolean;
  /** Console accounts sign in with a username; WeChat users get a generated one, as on LeanCloud. */
  username: string | null;
  roles: RoleGrant[];
  createdAt: Date;
  updatedAt: Date;
}

export const GetProfileInput = z.object({});
export const getProfile = defineContract({
  name: 'users.me',
  summary: '我的资料',
  kind: 'query',
  access: SIGNED_IN,
  input: GetProfileInput,
}).returns<Profile>();

export const UpdateProfileInput = z
  .object({
    nickname: z.string().trim().min(1, '昵称不能为空').max(20, '昵称最多20个字').optional(),
    avatarUrl: z.string().url('头像地址不正确').max(500).startsWith('https://', '头像地址需以 https:// 开头').nullable().optional(),
    homeCommunityId: z.string().min(1).max(64).nullable().optional(),
  })
  .strict();
export const updateProfile = defineContract({
  name: 'users.updateProfile',
  summary: '修改昵称、头像与所在社区',
  kind: 'command',
  access: SIGNED_IN,
  input: UpdateProfileInput,
}).returns<Profile>();

export const BindPhoneInput = z.object({
  /** The code from a `getPhoneNumber` button, exchanged on the host. */
  code: z.string().min(1, '缺少手机号授权码').max(128),
});
export const bindPhone = defineContract({
  name: 'users.bindPhone',
  summary: '用微信手机号授权码绑定手机号',
  kind: 'command',
  access: SIGNED_IN,
  input: BindPhoneInput,
}).returns<Profile>();

export const DeleteAccountInput = z.object({
  confirm: z.literal('注销', { message: '请输入“注销”以确认' }),
});
export const deleteAccount = defineContract({
  name: 'users.deleteAccount',
  summary: '注销账号并删除个人信息',
  kind: 'command',
  access: SIGNED_IN,
  input: DeleteAccountInput,
}).returns<{ deleted: true }>();

export const usersContracts = [getProfile, updateProfile, bindPhone, deleteAccount] as const;
