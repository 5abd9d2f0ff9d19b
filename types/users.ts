import { z } from 'zod';
import { SIGNED_IN, rolesOnly, type RoleGrant } from './access';
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

/**
 * The staff-invite code a person shows in 我的 (as text and as a QR code holding the same
 * text), so an admin can find them in the console by typing it or with a scanner.
 * Eight characters of Crockford base32, shown as two groups: `K7QM-3XD9`.
 */
export const INVITE_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}$/;

export const MyInviteCodeInput = z.object({});
export const myInviteCode = defineContract({
  name: 'users.inviteCode',
  summary: '我的工作人员邀请码（管理员据此查找并授予角色）',
  kind: 'command',
  access: SIGNED_IN,
  input: MyInviteCodeInput,
}).returns<{ code: string; /** PNG data URL of a QR code holding the same text. */ qr: string }>();

/** A person as an admin finds them to appoint: the phone only masked. */
export interface PersonFound {
  userId: string;
  nickname: string;
  phoneMasked: string | null;
  communityId: string | null;
  communityName: string | null;
  /** Roles they hold now, with the place's name. */
  roles: Array<RoleGrant & { scopeName: string }>;
  /** How the query found them. */
  matchedBy: 'inviteCode' | 'phone' | 'name';
}

export const SearchUsersInput = z.object({
  /** A name (or part of it), a full 11-digit phone, its last 4 digits, or an invite code. */
  query: z.string().trim().min(1, '请输入姓名、手机号后4位或邀请码').max(40, '最多40个字'),
  /** Only people of this community (within the caller's own). */
  communityId: z.string().min(1).max(64).optional(),
});
export const searchUsers = defineContract({
  name: 'users.search',
  summary: '在管辖范围内按姓名、手机号（后4位）或邀请码查找居民，以便授予角色',
  kind: 'query',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: SearchUsersInput,
}).returns<PersonFound[]>();

export const usersContracts = [getProfile, updateProfile, bindPhone, deleteAccount, myInviteCode, searchUsers] as const;
