import { type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Image, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { THANKS_TARGET_TEXT, type ThanksPost } from '../../../../types/honors';
import { AdminPage } from '../components/admin-page';
import { AdminTable } from '../components/admin-table';
import { useConsole } from '../layout/console-context';
import { CatalogForm } from '../plumbing/catalog-form';
import { when } from '../plumbing/format';
import { ActionButton, useRun } from '../plumbing/use-action';

type Row = ThanksPost & Record<string, unknown>;
type Tab = 'pending' | 'hidden' | 'reported';

/** 感谢墙: new thank-you posts to approve, and posts hidden after reports to review again. */
export default function ThanksPage() {
  const table = useRef<ActionType>();
  const { counts, refreshCounts } = useConsole();
  const run = useRun();
  const [tab, setTab] = useState<Tab>('pending');
  const [rejecting, setRejecting] = useState<Row | null>(null);
  const done = () => {
    void table.current?.reload();
    refreshCounts();
  };

  const columns: Array<ProColumns<Row>> = [
    { title: '感谢人', dataIndex: 'authorName', width: 90 },
    { title: '感谢对象', dataIndex: 'targetName', width: 150, search: true, render: (_, r) => `${r.targetName}（${THANKS_TARGET_TEXT[r.targetKind]}）` },
    { title: '社区', dataIndex: 'communityName', width: 100 },
    {
      title: '感谢的话',
      dataIndex: 'text',
      width: 280,
      search: true,
      // A moderator judges the whole text: two lines, the rest a click (展开) or a hover away.
      render: (_, r) => (
        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true, symbol: '展开', tooltip: r.text }}>
          {r.text}
        </Typography.Paragraph>
      ),
    },
    { title: '锦旗照片', dataIndex: 'photoUrl', width: 90, render: (_, r) => (r.photoUrl ? <Image src={r.photoUrl} width={56} height={56} style={{ objectFit: 'cover' }} /> : '—') },
    { title: '举报', dataIndex: 'reports', width: 70, sorter: true, render: (_, r) => (r.reports ? <Tag color="warning">{r.reports}</Tag> : 0) },
    { title: '时间', dataIndex: 'createdAt', width: 190, sorter: true, render: (_, r) => when(r.createdAt) },
    {
      title: '操作',
      valueType: 'option',
      width: 150,
      render: (_, r) => [
        <ActionButton key="approve" fn="thanks.review" input={{ id: r.id, decision: 'approve' }} success={tab === 'hidden' ? '已恢复展示' : '已上墙'} onDone={done}>
          {tab === 'hidden' ? '恢复展示' : '通过'}
        </ActionButton>,
        <a key="reject" onClick={() => setRejecting(r)}>不通过</a>,
      ],
    },
  ];

  const review = (decision: 'approve' | 'reject') => async (rows: Row[]) => {
    for (const r of rows) await run('thanks.review', { id: r.id, decision });
    return decision === 'approve' ? `已通过${rows.length}条` : `已处理${rows.length}条`;
  };

  return (
    <AdminPage
      title="感谢墙"
      content="居民的感谢与锦旗照片审核后上墙；被3人举报的会暂时隐藏，等待复核。"
      tabs={{
        active: tab,
        onChange: setTab,
        items: [
          { key: 'pending', text: '待审核', count: counts?.thanksPending },
          { key: 'hidden', text: '被举报', count: counts?.thanksHidden },
          { key: 'reported', text: '有举报（仍展示）' },
        ],
      }}
    >
      <AdminTable<Row, 'thanks.queue'>
        fn="thanks.queue"
        actionRef={table}
        columns={columns}
        params={{ status: tab }}
        filters={false}
        headerTitle={tab === 'pending' ? '待审核的感谢' : tab === 'hidden' ? '被举报隐藏、待复核的感谢' : '有人举报、仍在展示的感谢（通过 = 保留并清除举报）'}
        batch={[
          { text: '批量通过', run: review('approve') },
          { text: '批量不通过', danger: true, run: review('reject') },
        ]}
        onBatchDone={refreshCounts}
      />
      {rejecting && (
        <CatalogForm
          fn="thanks.review"
          title="不通过"
          onClose={() => setRejecting(null)}
          fixed={{ id: rejecting.id, decision: 'reject' }}
          fields={{ only: ['reason'], labels: { reason: '原因（选填）' } }}
          submitText="不通过"
          success="已处理"
          onDone={done}
        />
      )}
    </AdminPage>
  );
}
