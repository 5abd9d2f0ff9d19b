import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Descriptions, Skeleton, Table, Tag, Typography } from 'antd';
import { ROLE_LABELS, type Role } from '../../../../types/access';
import { useCatalog, type CatalogFunction } from '../plumbing/catalog';
import { propertiesOf, unwrapNullable, type JsonSchema } from '../plumbing/json-schema';
import { pageLocally, toTableQuery } from '../plumbing/catalog-request';

type Row = CatalogFunction & Record<string, unknown>;

/** A property's type in a few words: string(2–40), 枚举, date-time, array<string>. */
function typeText(raw: JsonSchema): string {
  const { schema, nullable } = unwrapNullable(raw);
  let t = Array.isArray(schema.type) ? schema.type.join('|') : (schema.type ?? 'any');
  if (schema.enum) t = `enum: ${schema.enum.join(' | ')}`;
  else if (schema.format) t = `${t} (${schema.format})`;
  else if (t === 'array') t = `array<${schema.items?.type ?? 'any'}>`;
  const limits = [
    schema.minLength !== undefined || schema.maxLength !== undefined ? `长度 ${schema.minLength ?? 0}–${schema.maxLength ?? '∞'}` : '',
    schema.minimum !== undefined || schema.maximum !== undefined ? `范围 ${schema.minimum ?? '-∞'}–${schema.maximum ?? '∞'}` : '',
    schema.maxItems !== undefined ? `最多 ${schema.maxItems} 项` : '',
    schema.pattern ? `格式 ${schema.pattern}` : '',
  ].filter(Boolean);
  return [t, nullable ? '可为 null' : '', ...limits].filter(Boolean).join('；');
}

function InputSchema({ fn }: { fn: CatalogFunction }) {
  const required = new Set(fn.input.required ?? []);
  const rows = propertiesOf(fn.input).map(([name, schema]) => ({
    name,
    type: typeText(schema),
    required: required.has(name),
    default: schema.default === undefined ? '' : JSON.stringify(schema.default),
  }));
  return (
    <>
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="调用">
          <Typography.Text code copyable>{`POST /1.1/functions/${fn.name}`}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="类型">{fn.kind === 'command' ? '操作（写入，计入写操作限流）' : '查询'}</Descriptions.Item>
        <Descriptions.Item label="权限">{fn.access.label}</Descriptions.Item>
      </Descriptions>
      {rows.length ? (
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '参数', dataIndex: 'name', width: 180, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: '必填', dataIndex: 'required', width: 60, render: (v: boolean) => (v ? '是' : '') },
            { title: '类型与限制', dataIndex: 'type' },
            { title: '默认值', dataIndex: 'default', width: 120 },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">无参数</Typography.Text>
      )}
      <details style={{ marginTop: 12 }}>
        <summary>JSON Schema</summary>
        <pre style={{ maxHeight: 360, overflow: 'auto', background: '#fafafa', padding: 12 }}>{JSON.stringify(fn.input, null, 2)}</pre>
      </details>
    </>
  );
}

/** 接口目录 (district admins): every cloud function the host serves, with its input schema and who may call it. */
export default function CatalogPage() {
  const { catalog, error, retry } = useCatalog();
  const rows = catalog ? ([...catalog.values()] as Row[]) : [];
  const roles = Object.keys(ROLE_LABELS) as Role[];

  const columns: Array<ProColumns<Row>> = [
    { title: '函数', dataIndex: 'name', width: 240, render: (_, r) => <Typography.Text code>{r.name}</Typography.Text> },
    { title: '说明', dataIndex: 'summary', ellipsis: true },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 90,
      valueType: 'select',
      valueEnum: { query: { text: '查询' }, command: { text: '操作' } },
      render: (_, r) => (r.kind === 'command' ? <Tag color="orange">操作</Tag> : <Tag>查询</Tag>),
    },
    {
      title: '权限',
      dataIndex: 'role',
      width: 280,
      valueType: 'select',
      valueEnum: { public: { text: '所有人' }, signedIn: { text: '已登录用户' }, ...Object.fromEntries(roles.map((r) => [r, { text: ROLE_LABELS[r] }])) },
      render: (_, r) => r.access.label,
    },
  ];

  if (error) return <Alert type="error" showIcon message={error.message} action={<Button size="small" onClick={retry}>重试</Button>} />;
  return (
    <PageContainer title="接口目录" content={<>主机提供的全部云函数（<Typography.Text code>GET /api/functions</Typography.Text>），含输入参数的 JSON Schema 与访问权限。调用方式与小程序相同：LeanCloud SDK 的 <Typography.Text code>AV.Cloud.run</Typography.Text>。</>}>
      {!catalog ? (
        <Skeleton active />
      ) : (
        <ProTable<Row>
          rowKey="name"
          columns={columns}
          headerTitle={`共 ${rows.length} 个函数`}
          options={false}
          search={{ labelWidth: 'auto' }}
          pagination={{ defaultPageSize: 50 }}
          // The catalog is one document: search and paging happen here, with the tables' own helper.
          request={async (params) => {
            const { name, summary, kind, role, ...rest } = params as Record<string, string | undefined>;
            const query = toTableQuery(rest);
            const matches = rows.filter(
              (r) =>
                (!name || r.name.includes(name)) &&
                (!summary || r.summary.includes(summary)) &&
                (!kind || r.kind === kind) &&
                (!role || r.access.kind === role || (r.access.kind === 'roles' && r.access.roles.includes(role as Role))),
            );
            return { ...pageLocally(matches, query, {}), success: true };
          }}
          expandable={{ expandedRowRender: (r) => <InputSchema fn={r} /> }}
        />
      )}
    </PageContainer>
  );
}
