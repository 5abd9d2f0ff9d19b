import { ALREADY_IMPORTED, type ImportReport } from './import-leancloud';

/** The report as the person running the import reads it in a terminal. */
export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  const verb = report.dryRun ? '将导入' : '已导入';
  lines.push(report.dryRun ? `试运行（不写入任何数据）：${report.source}` : `导入完成：${report.source}`, '');
  for (const c of report.classes) {
    lines.push(`${c.className} → ${c.target}：共 ${c.rows} 条，${verb} ${c.imported} 条${c.drafts ? `（其中 ${c.drafts} 条原本不公开，作为草稿）` : ''}`);
    for (const [reason, count] of Object.entries(c.skipped)) lines.push(`  跳过 ${count} 条：${reason}`);
    if (c.unmappedFields.length) lines.push(`  未映射的字段（未导入）：${c.unmappedFields.join('、')}`);
    for (const p of c.problems) lines.push(`  注意：${p}`);
  }
  if (report.unmappedClasses.length) {
    lines.push('', '没有对应邻里通模块的 Class（未导入）：');
    for (const c of report.unmappedClasses) lines.push(`  ${c.className}（${c.rows} 条）`);
  }
  if (report.ignoredClasses.length) lines.push('', `按映射文件忽略：${report.ignoredClasses.join('、')}`);
  if (report.unmappedRoles.length) {
    lines.push('', '映射文件没有的角色（未授予任何人）：');
    for (const r of report.unmappedRoles) lines.push(`  ${r.name}（${r.members} 人）`);
  }
  if (report.missingPointers.length) {
    lines.push('', '指向不存在记录的引用：');
    for (const p of report.missingPointers) lines.push(`  ${p.className}/${p.objectId}.${p.field} → ${p.target}`);
  }
  if (report.failedFiles.length) {
    lines.push('', '未能取得的文件：');
    for (const f of report.failedFiles) lines.push(`  ${f.objectId} ${f.url}：${f.reason}`);
  }
  const again = report.classes.reduce((n, c) => n + (c.skipped[ALREADY_IMPORTED] ?? 0), 0);
  lines.push('', report.clean ? `结果：干净，没有需要处理的问题${again ? `（${again} 条此前已导入）` : ''}` : '结果：有需要处理的问题，见上');
  return lines.join('\n');
}
