import { type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Drawer, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { REGISTRATION_STATUS_TEXT, type EventDetail, type EventSummary, type EventTiming, type Registrant } from '../../../../types/events';
import { AdminPage } from '../components/admin-page';
import { AdminTable } from '../components/admin-table';
import { CatalogForm } from '../plumbing/catalog-form';
import { CatalogTable } from '../plumbing/catalog-table';
import { span, when } from '../plumbing/format';
import { ScopeField, useDefaultScope } from '../plumbing/scope-field';
import { ActionButton } from '../plumbing/use-action';
import { call } from '../sdk/client';
import { toAppError } from '../sdk/errors';

type Row = EventSummary & { state: EventTiming['state']; confirmedCount: number } & Record<string, unknown>;

const STATE: Record<EventTiming['state'], { text: string; color: string }> = {
  draft: { text: '草稿', color: 'default' },
  published: { text: '已发布', color: 'success' },
  cancelled: { text: '已撤销', color: 'error' },
  closed: { text: '已结束', color: 'default' },
};

/** 活动: create, publish, cancel with a reason, close with attendance, and the registrants. */
export default function EventsPage() {
  const table = useRef<ActionType>();
  const reload = () => void table.current?.reload();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ event?: EventDetail } | null>(null);
  const [cancelling, setCancelling] = useState<Row | null>(null);
  const [closing, setClosing] = useState<Row | null>(null);
  const [registrants, setRegistrants] = useState<Row | null>(null);

  const edit = async (id: string) => {
    try {
      setEditing({ event: await call('events.get', { id }) });
    } catch (error) {
      void message.error(toAppError(error).message);
    }
  };

  const columns: Array<ProColumns<Row>> = [
    { title: '活动', dataIndex: 'title', ellipsis: true, width: 190 },
    {
      title: '状态',
      dataIndex: 'state',
      width: 140,
      render: (_, r) => (
        <Space size={4}>
          <Tag color={STATE[r.state].color}>{STATE[r.state].text}</Tag>
          {r.state === 'published' && <Typography.Text type="secondary">{r.statusText}</Typography.Text>}
        </Space>
      ),
    },
    { title: '时间', dataIndex: 'startsAt', width: 185, render: (_, r) => span(r.startsAt, r.endsAt) },
    {
      title: '报名',
      dataIndex: 'confirmedCount',
      width: 95,
      render: (_, r) => (r.requiresSignup ? `${r.confirmedCount} / ${r.capacity || '不限'}${r.waitlistLength ? `（候补${r.waitlistLength}）` : ''}` : '无需报名'),
    },
    { title: '类别', dataIndex: 'category', width: 70 },
    { title: '地点', dataIndex: 'venue', ellipsis: true, width: 110 },
    { title: '范围', dataIndex: 'scopeName', width: 90 },
    {
      title: '操作',
      valueType: 'option',
      // At 1440 px the whole table fits (about 1090 px beside the menu): the fixed 操作
      // column then never lies over 范围.
      width: 200,
      render: (_, r) => {
        const ended = r.status === 'ended';
        return [
          (r.state === 'draft' || (r.state === 'published' && !ended)) && <a key="edit" onClick={() => void edit(r.id)}>编辑</a>,
          r.state === 'draft' && (
            <ActionButton key="publish" fn="events.publish" input={{ id: r.id }} confirm="发布后居民即可看到并报名，确定？" success="已发布" onDone={reload}>
              发布
            </ActionButton>
          ),
          r.state === 'draft' && (
            <ActionButton
              key="delete"
              fn="events.deleteDraft"
              input={{ id: r.id }}
              confirm={`删除草稿“${r.title}”？删除后不能恢复。`}
              success="草稿已删除"
              danger
              onDone={reload}
            >
              删除草稿
            </ActionButton>
          ),
          r.state === 'published' && !ended && (
            <a key="cancel" onClick={() => setCancelling(r)}>
              撤销活动
            </a>
          ),
          r.state === 'published' && ended && <a key="close" onClick={() => setClosing(r)}>登记到场</a>,
          r.requiresSignup && r.state !== 'draft' && <a key="who" onClick={() => setRegistrants(r)}>报名名单</a>,
        ];
      },
    },
  ];

  return (
    <AdminPage title="活动" content="义诊、讲座、志愿服务等活动：发布后居民可报名，满员自动候补；结束后登记到场和服务人数。">
      <AdminTable<Row, 'events.adminList'>
        fn="events.adminList"
        actionRef={table}
        columns={columns}
        headerTitle="活动列表"
        create={{ text: '新建活动', onClick: () => setEditing({}) }}
      />
      {editing && <EventForm event={editing.event} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />}
      {cancelling && (
        <CatalogForm
          fn="events.cancel"
          title={`撤销活动：${cancelling.title}`}
          onClose={() => setCancelling(null)}
          fields={{ only: ['reason'], labels: { reason: '撤销原因（会通知已报名和候补的居民）' } }}
          fixed={{ id: cancelling.id }}
          submitText="确认撤销"
          success="活动已撤销，已通知报名的居民"
          onDone={reload}
        />
      )}
      {closing && (
        <CatalogForm
          fn="events.close"
          title={`登记到场：${closing.title}`}
          onClose={() => setClosing(null)}
          fields={{ only: ['attendance', 'residentsServed'] }}
          initialValues={{ attendance: closing.confirmedCount }}
          view={{ extra: { residentsServed: '计入数据看板的“服务居民”人数' } }}
          fixed={{ id: closing.id }}
          submitText="登记并结束"
          success="已登记"
          onDone={reload}
        />
      )}
      <RegistrantsDrawer event={registrants} onClose={() => setRegistrants(null)} />
    </AdminPage>
  );
}

function EventForm({ event, onClose, onSaved }: { event?: EventDetail; onClose(): void; onSaved(): void }) {
  const defaultScope = useDefaultScope();
  const common = {
    title: event ? `编辑：${event.title}` : '新建活动',
    as: 'drawer' as const,
    width: 720,
    onClose,
    fields: {
      textarea: ['description'],
      only: ['title', 'category', 'scopeId', 'startsAt', 'endsAt', 'venue', 'organizer', 'partners', 'description', 'requiresSignup', 'capacity', 'signupOpensAt', 'signupClosesAt', 'cancelCutoffMinutes'],
    },
    initialValues: event
      ? {
          title: event.title,
          category: event.category,
          scopeId: event.scopeId,
          description: event.description,
          organizer: event.organizer,
          partners: event.partners,
          venue: event.venue,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          requiresSignup: event.requiresSignup,
          capacity: event.capacity,
          signupOpensAt: event.signupOpensAt,
          signupClosesAt: event.signupClosesAt,
        }
      : { scopeId: defaultScope },
    view: {
      replace: { scopeId: <ScopeField key="scope" disabled={!!event} /> },
      extra: {
        capacity: '满员后居民可候补，有人取消时自动递补',
        signupOpensAt: '留空则发布后立即开放报名',
        signupClosesAt: '留空则开始前截止',
      },
    },
    submitText: '保存',
    success: event ? '已保存' : '已存为草稿，发布后居民可见',
    onDone: onSaved,
  };
  return event ? (
    <CatalogForm fn="events.update" fieldsFrom="events.create" fixed={{ id: event.id }} {...common} />
  ) : (
    <CatalogForm fn="events.create" {...common} />
  );
}

type RegistrantRow = Registrant & Record<string, unknown>;

function RegistrantsDrawer({ event, onClose }: { event: Row | null; onClose(): void }) {
  const table = useRef<ActionType>();
  return (
    <Drawer open={!!event} width={900} title={event ? `报名名单：${event.title}` : ''} onClose={onClose} destroyOnClose>
      {event && (
        <CatalogTable<RegistrantRow, 'events.registrants'>
          fn="events.registrants"
          actionRef={table}
          rowKey="registrationId"
          input={() => ({ eventId: event.id })}
          rows={(o) => o.registrants as RegistrantRow[]}
          filters={false}
          options={false}
          columns={[
            { title: '居民', dataIndex: 'nickname', search: true },
            {
              title: '状态',
              dataIndex: 'status',
              search: true,
              valueType: 'select',
              valueEnum: Object.fromEntries(Object.entries(REGISTRATION_STATUS_TEXT).map(([k, text]) => [k, { text }])),
              // A resident who came reads 已签到 with the time, not 已报名 beside a check-in time.
              render: (_, r) =>
                r.checkedInAt ? `已签到（${when(r.checkedInAt)}）` : r.waitlistPosition ? `候补第${r.waitlistPosition}位` : REGISTRATION_STATUS_TEXT[r.status],
            },
            { title: '签到码', dataIndex: 'checkinCode' },
            { title: '签到时间', dataIndex: 'checkedInAt', sorter: true, render: (_, r) => when(r.checkedInAt) },
            { title: '报名时间', dataIndex: 'registeredAt', sorter: true, render: (_, r) => when(r.registeredAt) },
            { title: '经由分享', dataIndex: 'sharedByName', render: (_, r) => r.sharedByName ?? '—' },
            { title: '微信提醒', dataIndex: 'notifiable', render: (_, r) => (r.notifiable ? '可发送' : '未订阅') },
            {
              title: '操作',
              valueType: 'option',
              // Until the start only (events.permissions mayRemoveRegistrant): after it the list is the record.
              render: (_, r) =>
                (r.status === 'confirmed' || r.status === 'waitlisted') &&
                event.state === 'published' &&
                new Date(event.startsAt) > new Date() && (
                  <ActionButton
                    fn="events.removeRegistration"
                    input={{ registrationId: r.registrationId }}
                    confirm="移出后候补第一位自动递补，并通知这位居民，确定？"
                    success="已移出"
                    danger
                    onDone={() => void table.current?.reload()}
                  >
                    移出
                  </ActionButton>
                ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
