import { ProForm, ProFormDatePicker, ProFormSelect, ProFormText, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { RESOURCE_KIND_TEXT, type Resource, type WeeklyHours } from '../../../../types/bookings';
import { CatalogForm } from '../plumbing/catalog-form';
import { AdminPage } from '../components/admin-page';
import { AdminTable } from '../components/admin-table';
import { toFieldErrors } from '../plumbing/field-errors';
import { call } from '../sdk/client';
import { WeeklyHoursField } from './weekly-hours-field';

type Row = Resource & Record<string, unknown>;
type Center = { centerId: string; centerName: string; communityId: string };

const WEEKDAY_TEXT = ['', '一', '二', '三', '四', '五', '六', '日'];

/** 周一至周五 08:30—12:00、14:30—17:30 style summary of the opening hours. */
function hoursText(hours: WeeklyHours): string {
  const days = Object.entries(hours).filter(([, r]) => r && r.length);
  if (!days.length) return '不开放';
  const groups = new Map<string, string[]>();
  for (const [day, ranges] of days) {
    const key = ranges!.map((r) => `${r.start}—${r.end}`).join('、');
    groups.set(key, [...(groups.get(key) ?? []), day]);
  }
  return [...groups.entries()].map(([ranges, ds]) => `周${ds.map((d) => WEEKDAY_TEXT[Number(d)]).join('')} ${ranges}`).join('；');
}

/** 功能室与大厅事项: the rooms and service-hall matters of the admin's centres, their hours, rules and closed dates. */
export default function ResourcesPage() {
  const table = useRef<ActionType>();
  const reload = () => void table.current?.reload();
  const [centers, setCenters] = useState<Center[]>([]);
  const [editing, setEditing] = useState<{ resource?: Resource } | null>(null);
  const [closing, setClosing] = useState<Resource | null>(null);

  const columns: Array<ProColumns<Row>> = [
    { title: '名称', dataIndex: 'name', width: 150, search: true },
    { title: '服务中心', dataIndex: 'centerName', width: 180, search: true },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 110,
      search: true,
      valueType: 'select',
      valueEnum: { room: { text: RESOURCE_KIND_TEXT.room }, hall: { text: RESOURCE_KIND_TEXT.hall } },
    },
    { title: '开放时间', dataIndex: 'hours', width: 200, ellipsis: true, render: (_, r) => hoursText(r.hours) },
    { title: '容量', dataIndex: 'capacity', width: 70, sorter: true, render: (_, r) => (r.kind === 'room' ? `${r.capacity}人` : `每段${r.windowSize}人`) },
    {
      title: '规则',
      dataIndex: 'requiresApproval',
      width: 150,
      render: (_, r) => (
        <Space size={4} wrap>
          {r.requiresApproval && <Tag color="orange">需审核</Tag>}
          {r.weeklyQuota > 0 && <Tag>每周{r.weeklyQuota}次</Tag>}
          {!r.active && <Tag color="default">已停用</Tag>}
        </Space>
      ),
    },
    {
      title: '暂停日期',
      dataIndex: 'closedDates',
      width: 120,
      render: (_, r) => (r.closedDates.length ? r.closedDates.slice(0, 2).map((d) => d.date.slice(5)).join('、') + (r.closedDates.length > 2 ? ' 等' : '') : '—'),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 130,
      render: (_, r) => [
        <a key="edit" onClick={() => setEditing({ resource: r })}>编辑</a>,
        <a key="close" onClick={() => setClosing(r)}>暂停日期</a>,
      ],
    },
  ];

  return (
    <AdminPage title="功能室与大厅事项" content="党群服务中心的功能室（按时段预约）和便民服务大厅的办事事项（按窗口预约）。">
      <AdminTable<Row, 'bookings.adminResources'>
        fn="bookings.adminResources"
        actionRef={table}
        columns={columns}
        filters={false}
        headerTitle="功能室与事项"
        rows={(o) => {
          // The centres come with their rooms; the form needs them even when a centre has none yet.
          setCenters(o.map(({ centerId, centerName, communityId }) => ({ centerId, centerName, communityId })));
          return o.flatMap((c) => c.resources) as Row[];
        }}
        create={{ text: '新增', disabled: !centers.length, onClick: () => setEditing({}) }}
      />
      {editing && (
        <CatalogForm
          fn="bookings.saveResource"
          as="drawer"
          width={760}
          title={editing.resource ? `编辑：${editing.resource.name}` : '新增功能室或事项'}
          onClose={() => setEditing(null)}
          initialValues={
            editing.resource
              ? { ...editing.resource }
              : { centerId: centers[0]?.centerId, kind: 'room', hours: { '1': [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '17:30' }] } }
          }
          fixed={editing.resource ? { id: editing.resource.id } : {}}
          fields={{
            textarea: ['description'],
            labels: { capacity: '容纳人数' },
            only: ['centerId', 'kind', 'name', 'description', 'hours', 'slotMinutes', 'windowSize', 'capacity', 'daysAhead', 'minNoticeMinutes', 'cancelCutoffMinutes', 'weeklyQuota', 'requiresApproval', 'documents', 'active'],
          }}
          view={{
            disabled: editing.resource ? ['kind'] : [],
            replace: {
              centerId: (
                <ProFormSelect
                  key="center"
                  name="centerId"
                  label="服务中心"
                  disabled={!!editing.resource || centers.length === 1}
                  options={centers.map((c) => ({ value: c.centerId, label: c.centerName }))}
                  rules={[{ required: true, message: '请选择服务中心' }]}
                />
              ),
              hours: (
                <ProForm.Item key="hours" name="hours" label="开放时间" rules={[{ required: true, message: '请设置开放时间' }]}>
                  <WeeklyHoursField />
                </ProForm.Item>
              ),
            },
            extra: {
              slotMinutes: '功能室按此长度切分时段；大厅事项每段开放时间即一个窗口',
              windowSize: '大厅事项每个窗口可约人数；功能室为1',
              requiresApproval: '需审核的预约提交后进入“待审核预约”',
            },
          }}
          submitText="保存"
          success="已保存"
          onDone={reload}
        />
      )}
      <ClosedDatesDrawer resource={closing} onClose={() => setClosing(null)} onChanged={reload} />
    </AdminPage>
  );
}

function ClosedDatesDrawer({ resource, onClose, onChanged }: { resource: Resource | null; onClose(): void; onChanged(): void }) {
  const [dates, setDates] = useState<Resource['closedDates']>([]);
  const [error, setError] = useState<string | null>(null);
  const [form] = ProForm.useForm();
  const { message } = App.useApp();
  useEffect(() => {
    setDates(resource?.closedDates ?? []);
    setError(null);
  }, [resource]);

  const change = async (input: { close?: Array<{ date: string; reason: string }>; reopen?: string[] }) => {
    if (!resource) return false;
    setError(null);
    try {
      const saved = await call('bookings.closeDates', { resourceId: resource.id, ...input });
      setDates(saved.closedDates);
      onChanged();
      return true;
    } catch (e) {
      // Paths come as close.0.date: the form has one date and one reason.
      const { fields, message: banner } = toFieldErrors(e, ['close.0.date', 'close.0.reason']);
      form.setFields(fields.map((f) => ({ ...f, name: [String(f.name.at(-1))] })));
      setError(banner);
      return false;
    }
  };

  return (
    <Drawer open={!!resource} width={560} title={resource ? `暂停日期：${resource.name}` : ''} onClose={onClose} destroyOnClose>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="设为暂停的日期，已有的预约会自动取消并通知居民。" />
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={error} />}
      <ProForm
        form={form}
        layout="inline"
        submitter={{ searchConfig: { submitText: '暂停这一天' }, resetButtonProps: false }}
        onFinish={async (v: { date: dayjs.Dayjs; reason: string }) => {
          const ok = await change({ close: [{ date: v.date.format('YYYY-MM-DD'), reason: v.reason }] });
          if (ok) {
            form.resetFields();
            void message.success('已设为暂停');
          }
          return ok;
        }}
        dateFormatter={false}
      >
        <ProFormDatePicker name="date" placeholder="日期" rules={[{ required: true, message: '请选择日期' }]} fieldProps={{ disabledDate: (d: dayjs.Dayjs) => d.isBefore(dayjs().startOf('day')) }} />
        <ProFormText name="reason" placeholder="原因，如：消防检查" rules={[{ required: true, message: '请填写原因' }, { min: 2, message: '原因至少2个字' }]} fieldProps={{ maxLength: 40 }} />
      </ProForm>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        已暂停的日期
      </Typography.Title>
      {dates.length === 0 ? (
        <Empty description="没有暂停的日期" />
      ) : (
        <List
          dataSource={dates}
          renderItem={(d) => (
            <List.Item
              actions={[
                <a key="reopen" onClick={() => void change({ reopen: [d.date] }).then((ok) => ok && message.success('已恢复开放'))}>
                  恢复开放
                </a>,
              ]}
            >
              <List.Item.Meta title={dayjs(d.date).format('YYYY年M月D日 dddd')} description={d.reason} />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
