import { ModalForm, PageContainer, ProFormDigit, ProFormText } from '@ant-design/pro-components';
import { Alert, Button, Card, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { EventSummary } from '../../../../types/events-model';
import { formatMinutes, type RosterVolunteer, type VolunteerPlaces } from '../../../../types/volunteers-model';
import { downloadBase64 } from '../dashboard/download';
import { when } from '../plumbing/format';
import { useRun } from '../plumbing/use-action';
import { call } from '../sdk/client';
import { toAppError } from '../sdk/errors';

type Roster = { eventTitle: string; capacity: number; volunteers: RosterVolunteer[] };

/**
 * 志愿服务: volunteer places per event, the roster with arrival and departure, corrections of
 * hours with a reason (each in the audit log), and the yearly export per person. Nothing here
 * ranks people: the roster is in sign-up order and the export in name order.
 */
export default function VolunteersPage() {
  const [events, setEvents] = useState<EventSummary[]>([]);
  const [eventId, setEventId] = useState<string | null>(null);
  const [places, setPlaces] = useState<VolunteerPlaces | null>(null);
  const [roster, setRoster] = useState<Roster | null>(null);
  const [capacity, setCapacity] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<RosterVolunteer | null>(null);
  const [year, setYear] = useState(new Date().getFullYear());
  const run = useRun();

  useEffect(() => {
    call('events.adminList', { pageSize: 100 })
      .then((r) => {
        setEvents(r.items);
        setEventId((id) => id ?? r.items[0]?.id ?? null);
      })
      .catch((e: unknown) => setError(toAppError(e).message));
  }, []);

  const load = useCallback(() => {
    if (!eventId) return;
    Promise.all([call('volunteers.places', { eventId }), call('volunteers.roster', { eventId })])
      .then(([p, r]) => {
        setPlaces(p);
        setCapacity(p.capacity);
        setRoster(r);
        setError(null);
      })
      .catch((e: unknown) => setError(toAppError(e).message));
  }, [eventId]);
  useEffect(load, [load]);

  const exportYear = async () => {
    const file = await run('volunteers.export', { year }, '已导出');
    if (file) downloadBase64(file.fileName, file.mime, file.base64);
  };

  return (
    <PageContainer
      title="志愿服务"
      content="活动可以另外招募志愿者（与参加名额分开）。志愿者到岗、离岗时由工作人员扫码，时长只计活动时间以内；特殊情况在这里核定，须写明原因。"
      extra={
        <Space>
          <InputNumber aria-label="导出年份" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          <Button onClick={() => void exportYear()}>导出{year}年志愿时长</Button>
        </Space>
      }
    >
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Typography.Text>活动</Typography.Text>
          <Select
            style={{ minWidth: 360 }}
            aria-label="选择活动"
            value={eventId ?? undefined}
            showSearch
            optionFilterProp="label"
            options={events.map((e) => ({ value: e.id, label: `${when(e.startsAt)} ${e.title}（${e.scopeName}）` }))}
            onChange={setEventId}
          />
        </Space>
        {places ? (
          <div style={{ marginTop: 16 }}>
            <Space wrap>
              <Typography.Text>志愿者名额</Typography.Text>
              <InputNumber aria-label="志愿者名额" min={0} max={10000} value={capacity} onChange={(v) => setCapacity(v)} />
              <Button
                type="primary"
                disabled={capacity === null || capacity === places.capacity}
                onClick={async () => {
                  if (capacity === null || !eventId) return;
                  if (await run('volunteers.setCapacity', { eventId, capacity }, '已保存志愿者名额')) load();
                }}
              >
                保存名额
              </Button>
              <Typography.Text type="secondary">
                {places.capacity === 0 ? '目前不招募志愿者（0 = 不招募）' : `已报名 ${places.taken} / ${places.capacity}`}
              </Typography.Text>
            </Space>
          </div>
        ) : null}
      </Card>
      <Table<RosterVolunteer>
        rowKey="id"
        dataSource={roster?.volunteers ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: '这个活动还没有志愿者报名' }}
        columns={[
          { title: '志愿者', dataIndex: 'nickname', width: 120 },
          { title: '状态', dataIndex: 'stageText', width: 110 },
          { title: '志愿者码', dataIndex: 'code', width: 120 },
          { title: '到岗', dataIndex: 'checkedInAt', width: 150, render: (d: Date | null) => (d ? when(d) : '—') },
          { title: '离岗', dataIndex: 'checkedOutAt', width: 150, render: (d: Date | null) => (d ? when(d) : '—') },
          { title: '计入时长', dataIndex: 'minutes', width: 120, render: (m: number | null) => (m === null ? '—' : formatMinutes(m)) },
          { title: '核定原因', dataIndex: 'correctionReason', render: (r: string | null) => r ?? '' },
          {
            title: '操作',
            key: 'actions',
            width: 100,
            render: (_: unknown, v: RosterVolunteer) =>
              v.stage === 'cancelled' ? null : (
                <Button type="link" size="small" onClick={() => setCorrecting(v)}>
                  核定时长
                </Button>
              ),
          },
        ]}
      />
      {correcting ? (
        <ModalForm
          title={`核定时长：${correcting.nickname}`}
          open
          width={480}
          modalProps={{ destroyOnClose: true, onCancel: () => setCorrecting(null) }}
          initialValues={{ minutes: correcting.minutes ?? correcting.computedMinutes ?? 0 }}
          submitter={{ searchConfig: { submitText: '核定', resetText: '不核定' } }}
          onFinish={async (values: { minutes: number; reason: string }) => {
            const out = await run('volunteers.correct', { volunteerId: correcting.id, minutes: values.minutes, reason: values.reason }, '已核定，已记入审计日志');
            if (!out) return false;
            setCorrecting(null);
            load();
            return true;
          }}
        >
          <Typography.Paragraph type="secondary">
            按签到计算：{correcting.computedMinutes === null ? '无（未签到或未结束）' : formatMinutes(correcting.computedMinutes)}
          </Typography.Paragraph>
          <ProFormDigit name="minutes" label="计入的时长（分钟）" min={0} max={1440} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请填写分钟数' }]} />
          <ProFormText name="reason" label="原因（志愿者可见，记入审计日志）" placeholder="如：提前一晚布置场地" rules={[{ required: true, min: 2, message: '请写明核定原因' }]} fieldProps={{ maxLength: 100 }} />
        </ModalForm>
      ) : null}
    </PageContainer>
  );
}
