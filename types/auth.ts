import { z } from 'zod';
import { SIGNED_IN } from './access';
import { defineContract } from './contract';

export const LogoutInput = z.object({});
export const logout = defineContract({
  name: 'auth.logout',
  summary: '退出登录（作废当前会话）',
  kind: 'command',
  access: SIGNED_IN,
  input: LogoutInput,
}).returns<{ loggedOut: true }>();

export const PASSWORD_RULE = z
  .string()
  .min(10, '新密码至少10位')
  .max(128, '新密码最多128位')
  .regex(/[A-Za-z]/, '新密码需包含字母')
  .regex(/[0-9]/, '新密码需包含数字');

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(128),
  newPassword: PASSWORD_RULE,
});
export const changePassword = defineContract({
  name: 'auth.changePassword',
  summary: '修改后台账号密码（其他会话随之失效）',
  kind: 'command',
  access: SIGNED_IN,
  input: ChangePasswordInput,
}).returns<{ changed: true }>();

export const authContracts = [logout, changePassword] as const;
