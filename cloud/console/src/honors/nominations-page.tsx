import { ProFormSelect, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { NOMINATION_STATUS_TEXT, type HonorListSummary, type Nomination, type NominationStatus } from '../../../../types/honors';
import { AdminPage } from '../components/admin-page';
import { AdminTable } from '../components/admin-table';
import { useConsole } from '../layout/console-context';
import { CatalogForm } from '../plumbing/catalog-form';
import { when } from '../plumbing/format';
import { call } from '../sdk/client';

type Row = Nomination & Record<string, unknown>;

/** 推荐: residents' nominations for next year's 光荣榜, accepted into a list or declined with a reason. */
export default function NominationsPage() {
  const table = useRef<ActionType>();
  const { refreshCounts } = useConsole();
  const [tab, setTab] = useState<NominationStatus>('pending');
  const [reviewing, setReviewing] = useState<{ row: Row; decision: 'accept' | 'decline' } | null>(null);
  const [lists, setLists] = useState<HonorListSummary[]>([]);
  useEffect(() => {
    call('honors.adminList', {}).then(setLists, () => undefined);
  }, []);
  const done = () => {
    void table.current?.reload();
    refreshCounts();
  };

  const columns: Array<ProColumns<Row>> = [
    { title: '被推荐人', dataIndex: 'nomineeName', width: 100, search: true },
    { title: '类别', dataIndex: 'category', width: 100, search: true },
    { title: '年度', dataIndex: 'year', width: 70 },
    { title: '社区', dataIndex: 'communityName', width: 100 },
    { title: '推荐理由', dataIndex: 'reason', width: 220, ellipsis: true },
    { title: '推荐人', dataIndex: 'nominatorName', width: 90, render: (_, r) => r.nominatorName ?? '匿名' },
    { title: '推荐时间', dataIndex: 'createdAt', width: 190, sorter: true, render: (_, r) => when(r.createdAt) },
    {
      title: '结果',
      dataIndex: 'statusText',
      width: 160,
      render: (_, r) => (
        <>
          <Tag color={r.status === 'accepted' ? 'success' : r.status === 'declined' ? 'default' : 'processing'}>{NOMINATION_STATUS_TEXT[r.status]}</Tag>
          {r.declineReason && <Typography.Text type="secondary">{r.declineReason}</Typography.Text>}
        </>
      ),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 130,
      render: (_, r) =>
        r.status === 'pending' && [
          <a key="accept" onClick={() => setReviewing({ row: r, decision: 'accept' })}>入选</a>,
          <a key="decline" onClick={() => setReviewing({ row: r, decision: 'decline' })}>不入选</a>,
        ],
    },
  ];

  return (
    <AdminPage
      title="推荐"
      content="居民推荐的身边好人。入选时选择加入的榜单，系统会按推荐理由生成人物事迹（可在光荣榜中修改）。"
      tabs={{ active: tab, onChange: setTab, items: (Object.keys(NOMINATION_STATUS_TEXT) as NominationStatus[]).map((k) => ({ key: k, text: NOMINATION_STATUS_TEXT[k] })) }}
    >
      <AdminTable<Row, 'honors.nominations'>
        fn="honors.nominations"
        actionRef={table}
        columns={columns}
        params={{ status: tab }}
        filters={false}
        headerTitle={`${NOMINATION_STATUS_TEXT[tab]}的推荐`}
      />
      {reviewing && (
        <CatalogForm
          fn="honors.reviewNomination"
          title={`${reviewing.decision === 'accept' ? '入选' : '不入选'}：${reviewing.row.nomineeName}`}
          onClose={() => setReviewing(null)}
          fixed={{ id: reviewing.row.id, decision: reviewing.decision }}
          fields={{ only: reviewing.decision === 'accept' ? ['listId'] : ['reason'], required: ['reason'], labels: { reason: '不入选的原因（推荐人可见）' } }}
          view={{
            replace: {
              listId: (
                <ProFormSelect
                  key="list"
                  name="listId"
                  label="加入榜单"
                  rules={[{ required: true, message: '请选择榜单' }]}
                  options={lists
                    .filter((l) => l.categories.includes(reviewing.row.category))
                    .map((l) => ({ value: l.id, label: `${l.year}年 ${l.title}（${l.scopeName}）${l.published ? '' : ' · 未发布'}` }))}
                  extra={`只列出含“${reviewing.row.category}”类别的榜单`}
                />
              ),
            },
          }}
          submitText="确定"
          success={reviewing.decision === 'accept' ? '已入选' : '已处理'}
          onDone={done}
        />
      )}
    </AdminPage>
  );
}
