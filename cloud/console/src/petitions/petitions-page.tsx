import { notifiableText } from '../../../../types/notifications-model';
import { CalendarOutlined } from '@ant-design/icons';
import { ProDescriptions, ProFormSelect, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Image, Space, Tag, Timeline, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { PETITION_FLOW, type PetitionAction, type PetitionDetail, type PetitionStatus, type PetitionSummary } from '../../../../types/petitions';
import { AdminPage } from '../components/admin-page';
import { DetailDrawer } from '../components/detail-drawer';
import { useConsole } from '../layout/console-context';
import { CatalogForm } from '../plumbing/catalog-form';
import { AdminTable } from '../components/admin-table';
import { when } from '../plumbing/format';
import { call } from '../sdk/client';
import { RosterDrawer, useAgents } from './roster';

type Row = PetitionSummary & Record<string, unknown>;
type Tab = 'open' | 'overdue' | 'all';

const OVERDUE_TEXT = { accept: '超期未受理', resolve: '超期未办结' } as const;
const STATUS_COLOR: Partial<Record<PetitionStatus, string>> = { submitted: 'processing', accepted: 'blue', in_progress: 'blue', resolved: 'success', closed: 'default', transferred: 'purple', declined: 'default' };

/**
 * 诉求: the petitions and requests of the admin's communities, overdue first; who handles
 * each (认准一个人), its timeline, and the duty roster that routes new ones.
 */
export default function PetitionsPage() {
  const table = useRef<ActionType>();
  const { counts, refreshCounts } = useConsole();
  const [tab, setTab] = useState<Tab>('open');
  const [viewing, setViewing] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<PetitionSummary | null>(null);
  const [roster, setRoster] = useState(false);
  const changed = useCallback(() => {
    void table.current?.reload();
    refreshCounts();
  }, [refreshCounts]);

  const columns: Array<ProColumns<Row>> = [
    {
      title: '事项',
      dataIndex: 'title',
      ellipsis: true,
      width: 230,
      search: true,
      render: (_, r) => <a onClick={() => setViewing(r.id)}>{r.title}</a>,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      search: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(Object.entries(PETITION_FLOW).map(([k, v]) => [k, { text: v.text }])),
      render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{r.statusText}</Tag>,
    },
    {
      title: '期限',
      dataIndex: 'overdue',
      width: 200,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          {r.overdue && <Tag color="error">{OVERDUE_TEXT[r.overdue]}</Tag>}
          <Typography.Text type="secondary">
            {r.status === 'submitted' ? `受理期限 ${when(r.acceptDueAt)}` : r.resolveDueAt ? `办结期限 ${when(r.resolveDueAt)}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '承办人', dataIndex: 'agent', width: 80, render: (_, r) => r.agent?.name ?? '未分派' },
    { title: '类型', dataIndex: 'kindText', width: 90 },
    { title: '类别', dataIndex: 'category', width: 110, search: true },
    { title: '社区', dataIndex: 'communityName', width: 90 },
    { title: '提交人', dataIndex: 'submitterName', width: 80 },
    { title: '提交时间', dataIndex: 'submittedAt', width: 170, sorter: true, render: (_, r) => when(r.submittedAt) },
    {
      title: '操作',
      valueType: 'option',
      width: 110,
      render: (_, r) => [
        <a key="view" onClick={() => setViewing(r.id)}>详情</a>,
        r.status === 'submitted' && <a key="assign" onClick={() => setAssigning(r)}>分派</a>,
      ],
    },
  ];

  return (
    <AdminPage
      title="诉求"
      content="居民的信访代办与诉求：只进一扇门、认准一个人、事项一次办。新事项按值班表分派给当天的代办员，超期的排在最前。"
      tabs={{
        active: tab,
        onChange: setTab,
        items: [
          // 待办 shows its count even at nought: an empty inbox is news too.
          { key: 'open', text: counts ? `待办（${counts.petitionsOpen}）` : '待办' },
          { key: 'overdue', text: '超期', count: counts?.petitionsOverdue },
          { key: 'all', text: '全部' },
        ],
      }}
      extra={[
        <Button key="roster" icon={<CalendarOutlined />} onClick={() => setRoster(true)}>
          代办员值班表
        </Button>,
      ]}
    >
      {tab === 'overdue' ? (
        <AdminTable<Row, 'petitions.overdue'> key="overdue" fn="petitions.overdue" actionRef={table} columns={columns} filters={false} headerTitle="超期事项" rowClassName={() => 'lc-row--overdue'} />
      ) : (
        <AdminTable<Row, 'petitions.inbox'>
          key={tab}
          fn="petitions.inbox"
          actionRef={table}
          columns={columns}
          params={{ status: tab }}
          filters={false}
          headerTitle={tab === 'open' ? '待办事项（超期在前）' : '全部事项'}
          rowClassName={(r) => (r.overdue ? 'lc-row--overdue' : '')}
        />
      )}
      <PetitionDrawer id={viewing} onClose={() => setViewing(null)} onAssign={setAssigning} onChanged={changed} />
      {assigning && <AssignForm petition={assigning} onClose={() => setAssigning(null)} onDone={changed} />}
      <RosterDrawer open={roster} onClose={() => setRoster(false)} />
    </AdminPage>
  );
}

function AssignForm({ petition, onClose, onDone }: { petition: PetitionSummary; onClose(): void; onDone(): void }) {
  const { agents, error } = useAgents(petition.communityId);
  return (
    <CatalogForm
      fn="petitions.assign"
      title={`分派：${petition.title}`}
      onClose={onClose}
      fixed={{ id: petition.id }}
      initialValues={{ agentId: petition.agent?.id }}
      view={{
        replace: {
          agentId: (
            <ProFormSelect
              key="agent"
              name="agentId"
              label="代办员"
              options={(agents ?? []).map((a) => ({ value: a.id, label: a.name }))}
              fieldProps={{ loading: !agents && !error }}
              extra={error ?? `${petition.communityName}的代办员；分派后TA会收到通知`}
              rules={[{ required: true, message: '请选择代办员' }]}
            />
          ),
        },
      }}
      submitText="分派"
      success="已分派"
      onDone={onDone}
    />
  );
}

function PetitionDrawer({ id, onClose, onAssign, onChanged }: { id: string | null; onClose(): void; onAssign(p: PetitionSummary): void; onChanged(): void }) {
  const [acting, setActing] = useState<'transfer' | 'decline' | null>(null);
  return (
    <DetailDrawer<PetitionDetail>
      id={id}
      load={(petitionId) => call('petitions.get', { id: petitionId })}
      title={(p) => p.title}
      fallback="事项详情"
      onClose={onClose}
      extra={(petition) => {
        const can = (a: PetitionAction) => petition.actions.includes(a);
        return (
          <Space>
            {can('assign') && <Button type="primary" onClick={() => onAssign(petition)}>分派</Button>}
            {can('transfer') && <Button onClick={() => setActing('transfer')}>转办</Button>}
            {can('decline') && <Button danger onClick={() => setActing('decline')}>不予受理</Button>}
          </Space>
        );
      }}
    >
      {(petition, reload) => (
        <>
          {petition.overdue && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={OVERDUE_TEXT[petition.overdue]} />}
          <ProDescriptions<PetitionDetail>
            column={2}
            dataSource={petition}
            columns={[
              { title: '类型', dataIndex: 'kindText' },
              { title: '类别', dataIndex: 'category' },
              { title: '状态', dataIndex: 'statusText' },
              { title: '社区', dataIndex: 'communityName' },
              { title: '提交人', dataIndex: 'submitterName', render: (_, p) => `${p.submitterName}${p.filedOnBehalf ? '（工作人员代为登记）' : ''}` },
              { title: '联系电话', dataIndex: 'contactPhone', render: (_, p) => p.contactPhone ?? '—' },
              { title: '微信提醒', dataIndex: 'submitterNotifiable', render: (_, p) => (p.submitterNotifiable === null ? '—' : notifiableText(p.submitterNotifiable)) },
              { title: '承办人', dataIndex: 'agent', render: (_, p) => (p.agent ? `${p.agent.name}${p.agent.phone ? ` ${p.agent.phone}` : ''}` : '未分派') },
              { title: '提交时间', dataIndex: 'submittedAt', render: (_, p) => when(p.submittedAt) },
              { title: '受理期限', dataIndex: 'acceptDueAt', render: (_, p) => when(p.acceptDueAt) },
              { title: '办结期限', dataIndex: 'resolveDueAt', render: (_, p) => when(p.resolveDueAt) },
              { title: '地点', dataIndex: 'location', span: 2, render: (_, p) => p.location?.address || '—' },
              { title: '情况', dataIndex: 'description', span: 2 },
              { title: '办理结果', dataIndex: 'resolution', span: 2, render: (_, p) => p.resolution ?? '—' },
              { title: '居民评价', dataIndex: 'rating', span: 2, render: (_, p) => (p.rating ? `${'★'.repeat(p.rating.stars)}${'☆'.repeat(5 - p.rating.stars)} ${p.rating.comment}` : '—') },
            ]}
          />
          {petition.photos.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap style={{ marginBottom: 16 }}>
                {petition.photos.map((p) => (
                  <Image key={p.id} src={p.url} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 6 }} />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            办理经过
          </Typography.Title>
          <Timeline
            items={petition.timeline.map((t) => ({
              children: (
                <>
                  <div>
                    <b>{t.text}</b>
                    {t.byName && <Typography.Text type="secondary"> · {t.byName}</Typography.Text>}
                  </div>
                  {t.note && <div>{t.note}</div>}
                  <Typography.Text type="secondary">{when(t.at)}</Typography.Text>
                </>
              ),
            }))}
          />
          {acting && (
            <CatalogForm
              fn={acting === 'transfer' ? 'petitions.transfer' : 'petitions.decline'}
              title={acting === 'transfer' ? '转办' : '不予受理'}
              onClose={() => setActing(null)}
              fixed={{ id: petition.id }}
              fields={{ labels: { to: '转交给（社区或单位）', reason: acting === 'transfer' ? '转办原因' : '不予受理的原因（居民可见）' }, textarea: ['reason'] }}
              submitText="确定"
              success="已处理"
              onDone={() => {
                reload();
                onChanged();
              }}
            />
          )}
        </>
      )}
    </DetailDrawer>
  );
}
