import { type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Space, Tag } from 'antd';
import { useRef, useState } from 'react';
import { RESOURCE_KIND_TEXT, type Booking } from '../../../../types/bookings';
import { AdminPage } from '../components/admin-page';
import { AdminTable } from '../components/admin-table';
import { useConsole } from '../layout/console-context';
import { CatalogForm } from '../plumbing/catalog-form';
import { span } from '../plumbing/format';
import { ActionButton, useRun } from '../plumbing/use-action';

type Row = Booking & Record<string, unknown>;

/** 待审核预约: bookings of rooms that need the community's approval, approved or refused with a reason. */
export default function PendingBookingsPage() {
  const table = useRef<ActionType>();
  const { refreshCounts } = useConsole();
  const run = useRun();
  const [rejecting, setRejecting] = useState<Row | null>(null);
  const done = () => {
    void table.current?.reload();
    refreshCounts();
  };

  const columns: Array<ProColumns<Row>> = [
    { title: '时段', dataIndex: 'start', width: 200, sorter: true, defaultSortOrder: 'ascend', render: (_, r) => span(r.start, r.end) },
    { title: '功能室/事项', dataIndex: 'resourceName', width: 170, search: true, render: (_, r) => <Space size={4}>{r.resourceName}<Tag>{RESOURCE_KIND_TEXT[r.kind]}</Tag></Space> },
    { title: '服务中心', dataIndex: 'centerName', width: 160, ellipsis: true },
    { title: '预约人', dataIndex: 'residentName', width: 100, search: true },
    { title: '微信提醒', dataIndex: 'notifiable', width: 120, search: false, render: (_, r) => (r.notifiable ? '可发送' : '未订阅，请电话联系') },
    { title: '人数', dataIndex: 'partySize', width: 70 },
    { title: '用途', dataIndex: 'purpose', width: 180, ellipsis: true },
    {
      title: '操作',
      valueType: 'option',
      width: 140,
      render: (_, r) => [
        <ActionButton key="approve" fn="bookings.approve" input={{ id: r.id }} success="已通过，已通知预约人" onDone={done}>
          通过
        </ActionButton>,
        <a key="reject" onClick={() => setRejecting(r)}>不通过</a>,
      ],
    },
  ];

  return (
    <AdminPage title="待审核预约" content="党员活动室、演艺空间等需要社区审核的预约。不通过时请写明原因，时段会立即释放。">
      <AdminTable<Row, 'bookings.pending'>
        fn="bookings.pending"
        actionRef={table}
        columns={columns}
        filters={false}
        headerTitle="待审核"
        batch={[
          {
            text: '批量通过',
            primary: true,
            run: async (rows) => {
              let ok = 0;
              for (const r of rows) if (await run('bookings.approve', { id: r.id })) ok += 1;
              return `已通过${ok}个预约`;
            },
          },
        ]}
        onBatchDone={refreshCounts}
      />
      {rejecting && (
        <CatalogForm
          fn="bookings.reject"
          title={`不通过：${rejecting.resourceName} ${span(rejecting.start, rejecting.end)}`}
          onClose={() => setRejecting(null)}
          fixed={{ id: rejecting.id }}
          fields={{ only: ['reason'], labels: { reason: '不通过的原因（预约人可见）' } }}
          submitText="不通过"
          success="已处理，已通知预约人"
          onDone={done}
        />
      )}
    </AdminPage>
  );
}
