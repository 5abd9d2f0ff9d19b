import ExcelJS from 'exceljs';
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

type Sheet = { columns: Array<{ header: string; key: string; width: number }>; rows: Array<Record<string, string | number | null>> };

const when = (iso: string | null) => (iso ? formatFullDateTime(iso) : '');

/** Each report's columns and rows; personal numbers never appear in an export. */
async function sheetFor(services: Services, report: ReportName, range: Range): Promise<Sheet> {
  if (report === 'petitions') {
    const rows = await petitionsInRange(services.db, range);
    return {
      columns: [
        { header: '提交时间', key: 'created', width: 20 },
        { header: '类型', key: 'kind', width: 10 },
        { header: '类别', key: 'category', width: 14 },
        { header: '标题', key: 'title', width: 30 },
        { header: '状态', key: 'status', width: 10 },
        { header: '承办人', key: 'agent', width: 10 },
        { header: '受理时间', key: 'accepted', width: 20 },
        { header: '按时受理', key: 'onTime', width: 10 },
        { header: '办结时间', key: 'resolved', width: 20 },
        { header: '评价', key: 'rating', width: 8 },
      ],
      rows: rows.map((p) => ({
        created: when(p.created_at),
        kind: PETITION_KIND_TEXT[p.kind as PetitionKind],
        category: p.category,
        title: p.title,
        status: PETITION_FLOW[p.status as PetitionStatus].text,
        agent: p.agent_name ?? '',
        accepted: when(p.accepted_at),
        onTime: p.accepted_at ? (p.accepted_at <= p.accept_due_at ? '是' : '否') : '',
        resolved: when(p.resolved_at),
        rating: p.rating,
      })),
    };
  }
  if (report === 'events') {
    const rows = await eventsInRange(services.db, range);
    return {
      columns: [
        { header: '开始时间', key: 'start', width: 20 },
        { header: '活动', key: 'title', width: 28 },
        { header: '类别', key: 'category', width: 10 },
        { header: '范围', key: 'scope', width: 12 },
        { header: '主办', key: 'organizer', width: 16 },
        { header: '名额', key: 'capacity', width: 8 },
        { header: '报名', key: 'confirmed', width: 8 },
        { header: '到场', key: 'attendance', width: 8 },
        { header: '服务居民', key: 'served', width: 10 },
        { header: '状态', key: 'state', width: 8 },
      ],
      rows: rows.map((e) => ({
        start: when(e.starts_at),
        title: e.title,
        category: e.category,
        scope: e.scope_name,
        organizer: e.organizer,
        capacity: e.capacity || '不限',
        confirmed: e.confirmed_count,
        attendance: e.attendance,
        served: e.residents_served,
        state: { draft: '草稿', published: '已发布', cancelled: '已取消', closed: '已结束' }[e.state] ?? e.state,
      })),
    };
  }
  if (report === 'bookings') {
    const rows = await bookingsInRange(services.db, range);
    return {
      columns: [
        { header: '时段', key: 'start', width: 20 },
        { header: '功能室/事项', key: 'resource', width: 16 },
        { header: '预约人', key: 'who', width: 10 },
        { header: '人数', key: 'party', width: 6 },
        { header: '用途', key: 'purpose', width: 24 },
        { header: '状态', key: 'status', width: 10 },
        { header: '办理进度', key: 'step', width: 10 },
      ],
      rows: rows.map((b) => ({
        start: when(b.slot_start),
        resource: b.resource_name,
        who: b.nickname,
        party: b.party_size,
        purpose: b.purpose,
        status: BOOKING_FLOW[b.status as BookingStatus].text,
        step: b.step ? HALL_STEPS[b.step as HallStep].text : '',
      })),
    };
  }
  const stats = await computeStats(services, range);
  const pct = (v: number | null) => (v === null ? '' : `${Math.round(v * 1000) / 10}%`);
  return {
    columns: [
      { header: '社区', key: 'name', width: 14 },
      { header: '活动场次', key: 'held', width: 10 },
      { header: '服务居民', key: 'served', width: 10 },
      { header: '预约', key: 'bookings', width: 8 },
      { header: '功能室时长', key: 'hours', width: 10 },
      { header: '诉求', key: 'received', width: 8 },
      { header: '响应率', key: 'response', width: 10 },
      { header: '解决率', key: 'resolution', width: 10 },
      { header: '满意率', key: 'satisfaction', width: 10 },
      { header: '超期', key: 'overdue', width: 8 },
      { header: '倡议承诺', key: 'pledges', width: 10 },
    ],
    // One community is its own total: a second row with the same figures read as a repeat.
    rows: [...stats.communities, ...(stats.communities.length > 1 ? [{ ...stats.total, communityName: '合计' }] : [])].map((c) => ({
      name: c.communityName,
      held: c.events.held,
      served: c.events.residentsServed,
      bookings: c.bookings.total,
      hours: c.bookings.roomHours,
      received: c.petitions.received,
      response: pct(c.petitions.responseRate),
      resolution: pct(c.petitions.resolutionRate),
      satisfaction: pct(c.petitions.satisfactionRate),
      overdue: c.petitions.overdue,
      pledges: c.pledges,
    })),
  };
}

export default defineFunction(exportReport, async (input, { services, caller }) => {
  checkRange(input.from, input.to);
  const range = { from: input.from, to: input.to, communityIds: adminScope(caller, input.communityId) };
  const sheet = await sheetFor(services, input.report, range);
  const book = new ExcelJS.Workbook();
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
