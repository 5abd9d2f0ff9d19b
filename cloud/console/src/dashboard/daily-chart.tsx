import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { everyDay } from './every-day';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import type { DashboardStats } from '../../../../types/admin';

// Only the line chart and what it needs: the whole of ECharts is several times larger.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const SERIES = [
  ['petitionsReceived', '诉求受理'],
  ['petitionsResolved', '诉求办结'],
  ['eventsHeld', '活动场次'],
  ['bookings', '预约'],
] as const;

/** The daily series of the dashboard as one line chart, one line per measure. */
export function DailyChart({ daily: reported, first, last }: { daily: DashboardStats['daily']; first: string; last: string }) {
  const daily = everyDay(reported, first, last);
  const option = {
    // Counts per day: straight segments (a smoothed curve would dip below zero), drawn quickly.
    animationDuration: 300,
    tooltip: { trigger: 'axis' },
    legend: { data: SERIES.map(([, name]) => name), top: 0 },
    grid: { left: 40, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: daily.map((d) => d.day.slice(5)), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: SERIES.map(([key, name]) => ({ name, type: 'line', showSymbol: daily.length < 40, data: daily.map((d) => d[key]) })),
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 320 }} />;
}
