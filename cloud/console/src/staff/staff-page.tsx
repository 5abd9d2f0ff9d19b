import { UserAddOutlined } from '@ant-design/icons';
import { ProFormSelect, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Tag } from 'antd';
import { useRef, useState } from 'react';
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../../../../types/access';
import type { StaffMember } from '../../../../types/roles';
import { AdminPage } from '../components/admin-page';
import { AdminTable } from '../components/admin-table';
import { useConsole } from '../layout/console-context';
import { CatalogForm } from '../plumbing/catalog-form';
import { when } from '../plumbing/format';
import { ScopeField, useDefaultScope } from '../plumbing/scope-field';
import { ActionButton } from '../plumbing/use-action';
import { PersonPicker } from './person-picker';

type Row = StaffMember & Record<string, unknown>;

const ROLE_COLOR: Record<StaffRole, string> = { gridWorker: 'cyan', agent: 'blue', communityAdmin: 'volcano', districtAdmin: 'red' };

/**
 * 工作人员与角色: who holds which staff role where, within the admin's scope. A community
 * admin grants 网格员、代办员 and 社区管理员 in their own community; only a district admin
 * grants 区级管理员. The host enforces both; the form only offers what may work.
 */
export default function StaffPage() {
  const table = useRef<ActionType>();
  const { scope, district, profile } = useConsole();
  const [granting, setGranting] = useState(false);
  const defaultScope = useDefaultScope(true);
  const grantable = STAFF_ROLES.filter((r) => scope.isDistrict || r !== 'districtAdmin');

  const columns: Array<ProColumns<Row>> = [
    { title: '姓名', dataIndex: 'nickname', width: 120, search: true },
    {
      title: '角色',
      dataIndex: 'role',
      width: 120,
      search: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(STAFF_ROLES.map((r) => [r, { text: ROLE_LABELS[r] }])),
      render: (_, r) => <Tag color={ROLE_COLOR[r.role]}>{ROLE_LABELS[r.role]}</Tag>,
    },
    { title: '范围', dataIndex: 'scopeName', width: 140, search: true },
    { title: '授予时间', dataIndex: 'grantedAt', width: 190, sorter: true, render: (_, r) => when(r.grantedAt) },
    {
      title: '操作',
      valueType: 'option',
      width: 90,
      render: (_, r) =>
        // Nobody takes their own admin role away by a slip of the mouse.
        r.userId !== profile.objectId &&
        (scope.isDistrict || r.role !== 'districtAdmin') && (
          <ActionButton
            fn="roles.revoke"
            input={{ userId: r.userId, role: r.role, scopeId: r.scopeId }}
            confirm={`收回${r.nickname}在${r.scopeName}的${ROLE_LABELS[r.role]}角色？`}
            success="已收回"
            danger
            onDone={() => void table.current?.reload()}
          >
            收回
          </ActionButton>
        ),
    },
  ];

  return (
    <AdminPage title="工作人员与角色" content="网格员、代办员与管理员的角色授予和收回。每次授予与收回都记入审计日志。">
      <AdminTable<Row, 'roles.list'>
        fn="roles.list"
        actionRef={table}
        rowKey={(r) => `${r.userId}:${r.role}:${r.scopeId}`}
        columns={columns}
        filters={false}
        headerTitle="工作人员"
        create={{ text: '授予角色', icon: <UserAddOutlined />, onClick: () => setGranting(true) }}
      />
      {granting && (
        <CatalogForm
          fn="roles.grant"
          title="授予角色"
          onClose={() => setGranting(false)}
          initialValues={{ role: 'agent', scopeId: defaultScope }}
          view={{
            replace: {
              role: (
                <ProFormSelect
                  key="role"
                  name="role"
                  label="角色"
                  options={grantable.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                  rules={[{ required: true, message: '请选择角色' }]}
                />
              ),
              userId: <PersonPicker key="user" />,
              // 区级管理员 is held for the district; every other role in one community.
              scopeId: (
                <ScopeField
                  key="scope"
                  label="范围"
                  extra={district && scope.isDistrict ? `授予区级管理员时选择“${district.name}（全区）”` : undefined}
                />
              ),
            },
          }}
          submitText="授予"
          success="已授予"
          onDone={() => void table.current?.reload()}
        />
      )}
    </AdminPage>
  );
}
