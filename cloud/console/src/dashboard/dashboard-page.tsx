import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, ProTable, StatisticCard, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Button, DatePicker, Empty, Select, Space, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { REPORT_TITLES, REPORTS, type CommunityStats, type DashboardStats, type ReportName } from '../../../../types/admin';
import { shanghaiTime } from '../../../../types/time';
import { useConsole } from '../layout/console-context';
import { percent } from '../plumbing/format';
import { call } from '../sdk/client';
import { toAppError } from '../sdk/errors';
import { DailyChart } from './daily-chart';
import { downloadUrl } from './download';

type Range = [Dayjs, Dayjs];

/** The chosen days as the host's [from, to): midnight Shanghai of the first day to midnight after the last. */
function toPeriod([start, end]: Range): { from: Date; to: Date } {
  return { from: shanghaiTime(start.format('YYYY-MM-DD'), '00:00'), to: shanghaiTime(end.add(1, 'day').format('YYYY-MM-DD'), '00:00') };
}

function hours(h: number | null): string {
  // Nothing resolved in the range: no average, not 0.
  if (h === null) return '—';
  if (h < 1) return '不到1小时';
  return h < 48 ? `${Math.round(h * 10) / 10}小时` : `${Math.round((h / 24) * 10) / 10}天`;
}

const perCommunity: Array<ProColumns<CommunityStats>> = [
  { title: '社区', dataIndex: 'communityName', fixed: 'left', width: 100 },
  { title: '活动场次', dataIndex: ['events', 'held'], sorter: (a, b) => a.events.held - b.events.held },
  { title: '服务居民', dataIndex: ['events', 'residentsServed'], sorter: (a, b) => a.events.residentsServed - b.events.residentsServed },
  { title: '预约', dataIndex: ['bookings', 'total'] },
  { title: '功能室时长', dataIndex: ['bookings', 'roomHours'], render: (_, c) => `${c.bookings.roomHours}小时` },
  { title: '诉求', dataIndex: ['petitions', 'received'], sorter: (a, b) => a.petitions.received - b.petitions.received },
  { title: '响应率', dataIndex: ['petitions', 'responseRate'], render: (_, c) => percent(c.petitions.responseRate) },
  { title: '解决率', dataIndex: ['petitions', 'resolutionRate'], render: (_, c) => percent(c.petitions.resolutionRate) },
  { title: '满意率', dataIndex: ['petitions', 'satisfactionRate'], render: (_, c) => percent(c.petitions.satisfactionRate) },
  { title: '超期', dataIndex: ['petitions', 'overdue'] },
  { title: '平均办结', dataIndex: ['petitions', 'avgHoursToResolve'], render: (_, c) => hours(c.petitions.avgHoursToResolve) },
  { title: '倡议承诺', dataIndex: 'pledges' },
];

/**
 * 数据看板: events held and residents served, bookings and room use, petitions with
 * 响应率 / 解决率 / 满意率, and campaign pledges, for a date range; one community or (for
 * district admins) the whole district. The same numbers export as Excel, built and
 * audited on the host.
 */
export default function DashboardPage() {
  const { scope, placeName } = useConsole();
  const { message } = App.useApp();
  const [range, setRange] = useState<Range>(() => [dayjs().subtract(29, 'day'), dayjs()]);
  const [communityId, setCommunityId] = useState<string | undefined>(undefined);
  const [stats, setStats] = useState<DashboardStats | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<ReportName | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setStats(await call('dashboard.stats', { ...toPeriod(range), ...(communityId && { communityId }) }));
    } catch (e) {
      setError(toAppError(e).message);
    } finally {
      setLoading(false);
    }
  }, [range, communityId]);
  useEffect(() => {
    void load();
  }, [load]);

  const exportReport = async (report: ReportName) => {
    setExporting(report);
    try {
      const file = await call('reports.export', { report, ...toPeriod(range), ...(communityId && { communityId }) });
      downloadUrl(file.fileName, file.url);
      void message.success(`已导出 ${file.fileName}（${file.rows}行）`);
    } catch (e) {
      void message.error(toAppError(e).message);
    } finally {
      setExporting(null);
    }
  };

  const t = stats?.total;
  return (
    <PageContainer
      title="数据看板"
      content={scope.isDistrict ? '全区各社区的活动、预约、诉求与倡议情况。' : `${scope.communityIds.map(placeName).join('、')}的活动、预约、诉求与倡议情况。`}
      extra={
        <Space wrap>
          {scope.isDistrict && (
            <Select
              aria-label="社区"
              style={{ width: 200 }}
              value={communityId ?? ''}
              onChange={(v) => setCommunityId(v || undefined)}
              options={[{ value: '', label: '全区所有社区' }, ...scope.communityIds.map((id) => ({ value: id, label: placeName(id) }))]}
            />
          )}
          <DatePicker.RangePicker
            aria-label="统计日期"
            value={range}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs().add(1, 'year'))}
            presets={[
              { label: '最近7天', value: [dayjs().subtract(6, 'day'), dayjs()] },
              { label: '最近30天', value: [dayjs().subtract(29, 'day'), dayjs()] },
              { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
              { label: '今年', value: [dayjs().startOf('year'), dayjs()] },
            ]}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
            刷新
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} action={<Button size="small" onClick={() => void load()}>重试</Button>} />}
      <Spin spinning={loading && !!stats}>
        {!t ? (
          loading ? <Spin style={{ display: 'block', margin: '80px auto' }} /> : <Empty description="暂无数据" />
        ) : (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <ProCard.Group title="诉求办理" direction="row">
              <ProCard><StatisticCard statistic={{ title: '收到诉求', value: t.petitions.received, suffix: '件' }} /></ProCard>
              <ProCard><StatisticCard statistic={{ title: '响应率', value: percent(t.petitions.responseRate), description: `按时受理 ${t.petitions.acceptedOnTime}` }} /></ProCard>
              <ProCard><StatisticCard statistic={{ title: '解决率', value: percent(t.petitions.resolutionRate), description: `办结 ${t.petitions.resolved}` }} /></ProCard>
              <ProCard><StatisticCard statistic={{ title: '满意率', value: percent(t.petitions.satisfactionRate), description: `满意 ${t.petitions.satisfied}/${t.petitions.rated}` }} /></ProCard>
              <ProCard><StatisticCard statistic={{ title: '超期', value: t.petitions.overdue, suffix: '件', status: t.petitions.overdue ? 'error' : 'success' }} /></ProCard>
              <ProCard><StatisticCard statistic={{ title: '平均办结', value: hours(t.petitions.avgHoursToResolve) }} /></ProCard>
            </ProCard.Group>
            <ProCard.Group title="活动、预约与倡议" direction="row">
              <ProCard><StatisticCard statistic={{ title: '举办活动', value: t.events.held, suffix: '场', description: `取消 ${t.events.cancelled} 场` }} /></ProCard>
              <ProCard><StatisticCard statistic={{ title: '服务居民', value: t.events.residentsServed, suffix: '人次', description: `到场 ${t.events.attendance} 人次` }} /></ProCard>
              <ProCard><StatisticCard statistic={{ title: '预约', value: t.bookings.total, suffix: '个', description: `其中功能室 ${t.bookings.rooms}` }} /></ProCard>
              <ProCard><StatisticCard statistic={{ title: '功能室使用', value: t.bookings.roomHours, suffix: '小时', description: `未到 ${t.bookings.noShows} · 待审 ${t.bookings.pending}` }} /></ProCard>
              <ProCard><StatisticCard statistic={{ title: '倡议承诺', value: t.pledges, suffix: '人次' }} /></ProCard>
            </ProCard.Group>
            <ProCard title="每日趋势">
              {stats.daily.length ? (
                <DailyChart daily={stats.daily} first={range[0].format('YYYY-MM-DD')} last={range[1].format('YYYY-MM-DD')} />
              ) : (
                <Empty description="这段时间没有记录" />
              )}
            </ProCard>
            <ProTable<CommunityStats>
              headerTitle="各社区"
              rowKey="communityId"
              search={false}
              options={false}
              pagination={false}
              dataSource={stats.communities}
              columns={perCommunity}
              scroll={{ x: 1100 }}
              toolBarRender={() =>
                REPORTS.map((r) => (
                  <Button key={r} icon={<DownloadOutlined />} loading={exporting === r} disabled={!!exporting && exporting !== r} onClick={() => void exportReport(r)}>
                    导出{REPORT_TITLES[r]}
                  </Button>
                ))
              }
            />
          </Space>
        )}
      </Spin>
    </PageContainer>
  );
}
