import { loadExcel } from '../core/lazy-modules';
import { exportVolunteerHours } from '../../types/volunteers';
import { formatFullDateTime, shanghaiTime } from '../../types/time';
import { writeAudit } from '../audit/audit.storage';
import { defineFunction } from '../core/define-function';
import { adminScope } from '../dashboard/scope';
import { countedMinutes } from './volunteer-view';
import { servicesInRange } from './volunteers.storage';

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/**
 * One row per person for the year, ordered by name and never by hours: the export is for
 * certificates and commendation paperwork, not a ranking (国办函〔2026〕12号). A second sheet
 * lists each service so any figure can be checked.
 */
export default defineFunction(exportVolunteerHours, async (input, { services, caller }) => {
  const now = services.clock.now();
  const communityIds = adminScope(caller, input.communityId);
  const rows = await servicesInRange(services.db, {
    from: shanghaiTime(`${input.year}-01-01`, '00:00').toISOString(),
    to: shanghaiTime(`${input.year + 1}-01-01`, '00:00').toISOString(),
    communityIds,
  });
  const people = new Map<string, { name: string; community: string; services: number; minutes: number }>();
  const details = rows.flatMap((r) => {
    const minutes = countedMinutes(r, r, now) ?? 0;
    if (minutes <= 0) return [];
    const p = people.get(r.user_id) ?? { name: r.nickname, community: r.community_name ?? '', services: 0, minutes: 0 };
    p.services += 1;
    p.minutes += minutes;
    people.set(r.user_id, p);
    return [{ name: r.nickname, event: r.title, start: formatFullDateTime(r.starts_at), hours: hours(minutes), note: r.correction_reason ?? '' }];
  });
  const book = new (await loadExcel()).Workbook();
  book.creator = '邻里通';
  book.created = now;
  const summary = book.addWorksheet(`${input.year}年志愿服务时长`);
  summary.columns = [
    { header: '姓名', key: 'name', width: 14 },
    { header: '所在社区', key: 'community', width: 14 },
    { header: '服务次数', key: 'services', width: 10 },
    { header: '时长（小时）', key: 'hours', width: 12 },
  ];
  summary.getRow(1).font = { bold: true };
  const byName = [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  summary.addRows(byName.map((p) => ({ ...p, hours: hours(p.minutes) })));
  const each = book.addWorksheet('服务明细');
  each.columns = [
    { header: '姓名', key: 'name', width: 14 },
    { header: '活动', key: 'event', width: 28 },
    { header: '开始时间', key: 'start', width: 20 },
    { header: '时长（小时）', key: 'hours', width: 12 },
    { header: '核定原因', key: 'note', width: 24 },
  ];
  each.getRow(1).font = { bold: true };
  each.addRows(details);
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const fileName = `志愿服务时长_${input.year}.xlsx`;
  await writeAudit(services.db, {
    actor_id: caller.id,
    action: 'volunteers.export',
    target_kind: 'report',
    target_id: `volunteers-${input.year}`,
    scope_id: communityIds === 'all' ? 'district' : communityIds.join(','),
    outcome: 'ok',
    detail: { fileName, people: byName.length, services: details.length },
    at: now,
  });
  return { fileName, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buffer.toString('base64'), rows: byName.length };
});
