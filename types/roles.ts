import { z } from 'zod';
import { STAFF_ROLES, rolesOnly, type StaffRole } from './access';
import { defineContract } from './contract';

export interface StaffMember {
  userId: string;
  nickname: string;
  role: StaffRole;
  scopeId: string;
  scopeName: string;
  grantedAt: Date;
}

const id = z.string().min(1, '不能为空').max(64);

export const GrantRoleInput = z.object({ userId: id, role: z.enum(STAFF_ROLES), scopeId: id });
export const grantRole = defineContract({
  name: 'roles.grant',
  summary: '在管辖范围内授予工作人员角色',
  kind: 'command',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: GrantRoleInput,
}).returns<StaffMember>();

export const RevokeRoleInput = GrantRoleInput;
export const revokeRole = defineContract({
  name: 'roles.revoke',
  summary: '在管辖范围内收回工作人员角色',
  kind: 'command',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: RevokeRoleInput,
}).returns<{ revoked: boolean }>();

export const ListStaffInput = z.object({ scopeId: id.optional() });
export const listStaff = defineContract({
  name: 'roles.list',
  summary: '管辖范围内的工作人员及其角色',
  kind: 'query',
  access: rolesOnly('communityAdmin', 'districtAdmin'),
  input: ListStaffInput,
}).returns<StaffMember[]>();

export const rolesContracts = [grantRole, revokeRole, listStaff] as const;
