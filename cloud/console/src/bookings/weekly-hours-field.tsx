import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import type { WeeklyHours } from '../../../../types/bookings';

const WEEKDAYS = [
  ['1', '周一'],
  ['2', '周二'],
  ['3', '周三'],
  ['4', '周四'],
  ['5', '周五'],
  ['6', '周六'],
  ['7', '周日'],
] as const;
type Weekday = (typeof WEEKDAYS)[number][0];

/** At most this many opening ranges a day (the host's limit: a hall's windows are ranges too). */
const MAX_RANGES = 48;

export interface WeeklyHoursFieldProps {
  value?: WeeklyHours;
  onChange?: (hours: WeeklyHours) => void;
}

/**
 * Opening hours by weekday, each day a few HH:mm ranges (上午、下午). A day with no range is
 * closed. For a room each range is cut into slots of the slot length; for a hall each
 * range is one appointment window.
 */
export function WeeklyHoursField({ value = {}, onChange }: WeeklyHoursFieldProps) {
  const set = (day: Weekday, ranges: Array<{ start: string; end: string }>) => {
    const next: WeeklyHours = { ...value };
    if (ranges.length) next[day] = ranges;
    else delete next[day];
    onChange?.(next);
  };
  const copyToWorkdays = () => {
    const monday = value['1'];
    if (!monday) return;
    onChange?.({ ...value, '2': monday, '3': monday, '4': monday, '5': monday });
  };

  return (
    <div>
      {WEEKDAYS.map(([day, label]) => {
        const ranges = value[day] ?? [];
        return (
          <div key={day} style={{ display: 'flex', alignItems: 'flex-start', gap: 12, marginBottom: 8 }}>
            <span style={{ width: 40, lineHeight: '32px' }}>{label}</span>
            <Space wrap>
              {ranges.length === 0 && <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>不开放</Typography.Text>}
              {ranges.map((r, i) => (
                <Space.Compact key={i}>
                  <TimePicker.RangePicker
                    format="HH:mm"
                    minuteStep={15}
                    allowClear={false}
                    aria-label={`${label}第${i + 1}段`}
                    value={[dayjs(`2000-01-01T${r.start}`), dayjs(`2000-01-01T${r.end}`)]}
                    onChange={(v) => {
                      if (!v?.[0] || !v[1]) return;
                      set(day, ranges.map((x, j) => (j === i ? { start: v[0]!.format('HH:mm'), end: v[1]!.format('HH:mm') } : x)));
                    }}
                  />
                  <Button icon={<DeleteOutlined />} aria-label="删除这一段" onClick={() => set(day, ranges.filter((_, j) => j !== i))} />
                </Space.Compact>
              ))}
              {ranges.length < MAX_RANGES && (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => set(day, [...ranges, ranges.length ? { start: '14:30', end: '17:30' } : { start: '08:30', end: '12:00' }])}
                >
                  加一段
                </Button>
              )}
            </Space>
          </div>
        );
      })}
      <Button type="link" onClick={copyToWorkdays} disabled={!value['1']} style={{ paddingLeft: 52 }}>
        把周一的时间复制到周二至周五
      </Button>
    </div>
  );
}
