import type { ProColumns } from '@ant-design/pro-components';
import { Descriptions, Space, Tag, Typography } from 'antd';
import type { AuditItem } from '../../../../types/admin';
import { AdminPage } from '../components/admin-page';
import { AdminTable } from '../components/admin-table';
import { useCatalog } from '../plumbing/catalog';
import { when } from '../plumbing/format';
import { labelOf, OPTION_LABELS } from '../plumbing/labels';
import { useMemo } from 'react';

type Row = AuditItem & Record<string, unknown>;

const OUTCOME = { ok: { text: '成功', color: 'success' }, denied: { text: '被拒绝', color: 'error' }, failed: { text: '失败', color: 'warning' } } as const;

/** Actions the audit log records that are not functions of the catalog. */
const OTHER_ACTIONS: Record<string, string> = {
  'petition.viewPersonalData': '查看完整证件号/手机号',
};

// Ids say nothing to a reader; the object's title stands in the 对象 column instead.
const HIDDEN_FIELDS = new Set(['id', 'eventId', 'resourceId', 'registrationId', 'listId', 'userId', 'entryId', 'cursor']);

/** One submitted value in words: yes/no, option labels, lists joined, objects as their values. */
function valueText(name: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map((v) => valueText(name, v)).join('、') || '—';
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map((v) => valueText(name, v)).join(' ');
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return when(new Date(text));
  return OPTION_LABELS[name]?.[text] ?? text;
}

function InputWords({ detail }: { detail: unknown }) {
  const input = (detail as { input?: unknown } | null)?.input;
  if (!input || typeof input !== 'object') return <Typography.Text type="secondary">没有提交内容</Typography.Text>;
  const entries = Object.entries(input as Record<string, unknown>).filter(([k]) => !HIDDEN_FIELDS.has(k));
  if (entries.length === 0) return <Typography.Text type="secondary">没有其他提交内容</Typography.Text>;
  return (
    <Descriptions size="small" column={1} bordered title="提交的内容">
      {entries.map(([k, v]) => (
        <Descriptions.Item key={k} label={labelOf(k)}>
          {valueText(k, v)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/**
 * 审计日志 (district admins, read-only), in words: who did what, to which object (by its
 * title), in which community, and how it ended. Every admin write with its outcome, every
 * export, and every view of a full ID or phone number. Nothing here can be changed or deleted.
 */
export default function AuditPage() {
  const { catalog } = useCatalog();
  const actionName = (action: string) => OTHER_ACTIONS[action] ?? catalog?.get(action)?.summary ?? '其他操作';
  // What the log can hold, in words: every command of the catalog, the export, and the
  // views of full numbers. The filter offers these; the admin never types a function name.
  const actions = useMemo(
    () =>
      Object.fromEntries([
        ...[...(catalog?.values() ?? [])].filter((f) => f.kind === 'command' || f.name === 'reports.export').map((f) => [f.name, { text: f.summary }]),
        ...Object.entries(OTHER_ACTIONS).map(([name, text]) => [name, { text }]),
      ]),
    [catalog],
  );

  const columns: Array<ProColumns<Row>> = [
    { title: '时间', dataIndex: 'at', width: 170, render: (_, r) => when(r.at) },
    { title: '谁', dataIndex: 'actorName', width: 130, render: (_, r) => r.actorName ?? '已注销的账号' },
    {
      title: '做了什么',
      dataIndex: 'action',
      width: 260,
      valueType: 'select',
      valueEnum: actions,
      fieldProps: { showSearch: true, placeholder: '全部操作（可输入文字查找）' },
      render: (_, r) => actionName(r.action),
    },
    {
      title: '对象',
      dataIndex: 'targetId',
      width: 220,
      // The host names what still exists and what an export took; an id it cannot name was deleted since.
      render: (_, r) => (r.targetTitle ? r.targetTitle : r.targetId ? <Typography.Text type="secondary">已删除的对象</Typography.Text> : '—'),
    },
    { title: '社区', dataIndex: 'scope', width: 150, render: (_, r) => (r.scopeNames.length ? r.scopeNames.join('、') : '—') },
    {
      title: '结果',
      dataIndex: 'outcome',
      width: 220,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Tag color={OUTCOME[r.outcome].color}>{OUTCOME[r.outcome].text}</Tag>
          {r.errorText && <Typography.Text>{r.errorText}</Typography.Text>}
        </Space>
      ),
    },
  ];

  return (
    <AdminPage title="审计日志" content="只读。记录管理员的每一次写操作（含被拒绝与失败的）、每一次导出，以及每一次查看完整证件号或手机号。点行首的“+”看提交的内容。">
      <AdminTable<Row, 'audit.list'>
        fn="audit.list"
        columns={columns}
        headerTitle="审计记录（最新在前）"
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200] }}
        expandable={{
          expandedRowRender: (r) => <InputWords detail={r.detail} />,
          rowExpandable: (r) => !!r.detail,
        }}
      />
    </AdminPage>
  );
}
