import { PageContainer, type ProColumns } from '@ant-design/pro-components';
import { Tag, Typography } from 'antd';
import type { AuditItem } from '../../../../types/admin';
import { useCatalog } from '../plumbing/catalog';
import { CatalogTable } from '../plumbing/catalog-table';
import { when } from '../plumbing/format';

type Row = AuditItem & Record<string, unknown>;

const OUTCOME = { ok: { text: '成功', color: 'success' }, denied: { text: '被拒绝', color: 'error' }, failed: { text: '失败', color: 'warning' } } as const;

/** Actions the audit log records that are not functions of the catalog. */
const OTHER_ACTIONS: Record<string, string> = {
  'petition.viewPersonalData': '查看完整证件号/手机号',
};

/**
 * 审计日志 (district admins, read-only): every admin write with its outcome, every export,
 * and every view of a full ID or phone number. Nothing here can be changed or deleted.
 */
export default function AuditPage() {
  const { catalog } = useCatalog();
  const actionName = (action: string) => OTHER_ACTIONS[action] ?? catalog?.get(action)?.summary ?? '';

  const columns: Array<ProColumns<Row>> = [
    { title: '时间', dataIndex: 'at', width: 190, render: (_, r) => when(r.at) },
    { title: '操作人', dataIndex: 'actorName', width: 120, render: (_, r) => r.actorName ?? '—' },
    {
      title: '操作',
      dataIndex: 'action',
      width: 250,
      render: (_, r) => (
        <>
          <Typography.Text code>{r.action}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{actionName(r.action)}</Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: '结果',
      dataIndex: 'outcome',
      width: 90,
      render: (_, r) => <Tag color={OUTCOME[r.outcome].color}>{OUTCOME[r.outcome].text}</Tag>,
    },
    { title: '对象', dataIndex: 'targetId', width: 200, ellipsis: true, render: (_, r) => `${r.targetKind}${r.targetId ? ` · ${r.targetId}` : ''}` },
    { title: '范围', dataIndex: 'scope', width: 110, render: (_, r) => r.scope ?? '—' },
    {
      title: '详情',
      dataIndex: 'detail',
      width: 200,
      ellipsis: true,
      render: (_, r) => <Typography.Text type="secondary">{r.detail ? JSON.stringify(r.detail) : '—'}</Typography.Text>,
    },
  ];

  return (
    <PageContainer title="审计日志" content="只读。记录管理员的每一次写操作（含被拒绝与失败的）、每一次导出，以及每一次查看完整证件号或手机号。">
      <CatalogTable<Row, 'audit.list'>
        fn="audit.list"
        columns={columns}
        headerTitle="审计记录（最新在前）"
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200] }}
        expandable={{
          expandedRowRender: (r) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(r.detail, null, 2)}</pre>,
          rowExpandable: (r) => !!r.detail,
        }}
      />
    </PageContainer>
  );
}
