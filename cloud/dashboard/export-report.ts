import { loadExcel } from '../core/lazy-modules';
import { AppError } from '../../types';
import { exportReport, REPORT_TITLES, type ReportName } from '../../types/admin';
import { BOOKING_FLOW, HALL_STEPS, type BookingStatus, type HallStep } from '../../types/bookings';
import { PETITION_FLOW, PETITION_KIND_TEXT, type PetitionKind, type PetitionStatus } from '../../types/petitions';
import { formatFullDateTime, shanghaiDay } from '../../types/time';
import { writeAudit } from '../audit/audit.storage';
import { defineFunction } from '../core/define-function';
import { EXPORT_MIME, storeExport } from '../files/exports';
import type { Services } from '../core/services';
import { bookingsInRange, eventsInRange, petitionsInRange, type Range } from './dashboard.storage';
import { adminScope, checkRange } from './scope';
import { computeStats } from './stats';

type Cell = string | number | null;
type Sheet = { columns: Array<{ header: string; key: string; width: number }>; rows: Array<Record<string, Cell>> };
/** A column of a report: its header, its width in characters, and its cell for a row. */
type Column<R> = [header: string, width: number, cell: (row: R) => Cell];

/** A sheet declared column by column, so a header and what fills it stay on one line. */
function sheetOf<R>(rows: R[], columns: Array<Column<R>>): Sheet {
  return {
    columns: columns.map(([header, width], i) => ({ header, key: `c${i}`, width })),
    rows: rows.map((r) => Object.fromEntries(columns.map(([, , cell], i) => [`c${i}`, cell(r)]))),
  };
}

const when = (iso: string | null) => (iso ? formatFullDateTime(iso) : '');
const pct = (v: number | null) => (v === null ? '' : `${Math.round(v * 1000) / 10}%`);
const EVENT_STATE_TEXT: Record<string, string> = { draft: '草稿', published: '已发布', cancelled: '已取消', closed: '已结束' };

/** Each report's columns and rows; personal numbers never appear in an export. */
async function sheetFor(services: Services, report: ReportName, range: Range): Promise<Sheet> {
  if (report === 'petitions') {
    return sheetOf(await petitionsInRange(services.db, range), [
      ['提交时间', 20, (p) => when(p.created_at)],
      ['类型', 10, (p) => PETITION_KIND_TEXT[p.kind as PetitionKind]],
      ['类别', 14, (p) => p.category],
      ['标题', 30, (p) => p.title],
      ['状态', 10, (p) => PETITION_FLOW[p.status as PetitionStatus].text],
      ['承办人', 10, (p) => p.agent_name ?? ''],
      ['受理时间', 20, (p) => when(p.accepted_at)],
      ['按时受理', 10, (p) => (p.accepted_at ? (p.accepted_at <= p.accept_due_at ? '是' : '否') : '')],
      ['办结时间', 20, (p) => when(p.resolved_at)],
      ['评价', 8, (p) => p.rating],
    ]);
  }
  if (report === 'events') {
    return sheetOf(await eventsInRange(services.db, range), [
      ['开始时间', 20, (e) => when(e.starts_at)],
      ['活动', 28, (e) => e.title],
      ['类别', 10, (e) => e.category],
      ['范围', 12, (e) => e.scope_name],
      ['主办', 16, (e) => e.organizer],
      ['名额', 8, (e) => e.capacity || '不限'],
      ['报名', 8, (e) => e.confirmed_count],
      ['到场', 8, (e) => e.attendance],
      ['服务居民', 10, (e) => e.residents_served],
      ['状态', 8, (e) => EVENT_STATE_TEXT[e.state] ?? e.state],
    ]);
  }
  if (report === 'bookings') {
    return sheetOf(await bookingsInRange(services.db, range), [
      ['时段', 20, (b) => when(b.slot_start)],
      ['功能室/事项', 16, (b) => b.resource_name],
      ['预约人', 10, (b) => b.nickname],
      ['人数', 6, (b) => b.party_size],
      ['用途', 24, (b) => b.purpose],
      ['状态', 10, (b) => BOOKING_FLOW[b.status as BookingStatus].text],
      ['办理进度', 10, (b) => (b.step ? HALL_STEPS[b.step as HallStep].text : '')],
    ]);
  }
  const stats = await computeStats(services, range);
  // One community is its own total: a second row with the same figures read as a repeat.
  const communities = [...stats.communities, ...(stats.communities.length > 1 ? [{ ...stats.total, communityName: '合计' }] : [])];
  return sheetOf(communities, [
    ['社区', 14, (c) => c.communityName],
    ['活动场次', 10, (c) => c.events.held],
    ['服务居民', 10, (c) => c.events.residentsServed],
    ['预约', 8, (c) => c.bookings.total],
    ['功能室时长', 10, (c) => c.bookings.roomHours],
    ['诉求', 8, (c) => c.petitions.received],
    ['响应率', 10, (c) => pct(c.petitions.responseRate)],
    ['解决率', 10, (c) => pct(c.petitions.resolutionRate)],
    ['满意率', 10, (c) => pct(c.petitions.satisfactionRate)],
    ['超期', 8, (c) => c.petitions.overdue],
    ['倡议承诺', 10, (c) => c.pledges],
  ]);
}

export default defineFunction(exportReport, async (input, { services, caller }) => {
  checkRange(input.from, input.to);
  const range = { from: input.from, to: input.to, communityIds: adminScope(caller, input.communityId) };
  const sheet = await sheetFor(services, input.report, range);
  const book = new (await loadExcel()).Workbook();
  book.creator = '邻里通';
  book.created = services.clock.now();
  const ws = book.addWorksheet(REPORT_TITLES[input.report]);
  ws.columns = sheet.columns;
  ws.getRow(1).font = { bold: true };
  ws.addRows(sheet.rows);
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const fileName = `${REPORT_TITLES[input.report]}_${shanghaiDay(input.from)}_${shanghaiDay(new Date(input.to.getTime() - 1))}.xlsx`;
  if (buffer.length > 20 * 1024 * 1024) throw new AppError('PAYLOAD_TOO_LARGE', '报表太大了，请缩短时间范围');
  const file = await storeExport(services, caller.id, fileName, buffer);
  await writeAudit(services.db, {
    actor_id: caller.id,
    action: 'reports.export',
    target_kind: 'report',
    target_id: input.report,
    scope_id: range.communityIds === 'all' ? 'district' : range.communityIds.join(','),
    outcome: 'ok',
    detail: { fileName, rows: sheet.rows.length, from: input.from.toISOString(), to: input.to.toISOString() },
    at: services.clock.now(),
  });
  return { fileName, mime: EXPORT_MIME, url: file.url, rows: sheet.rows.length };
});
