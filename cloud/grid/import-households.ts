import type ExcelJS from 'exceljs';
import { loadExcel } from '../core/lazy-modules';
import { AppError } from '../../types';
import { importHouseholds } from '../../types/grid';
import { writeAudit } from '../audit/audit.storage';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import type { HouseholdsTable } from '../storage/schema';
import { existingAddresses, gridsOfCommunity, upsertHouseholds } from './grid.storage';
import { administeredCommunity } from './roster';

/** The template's columns, by header text. */
export const IMPORT_COLUMNS = { grid: '网格', address: '地址', head: '户主', phone: '电话', note: '备注' } as const;
const MAX_ROWS = 5000;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim();
  return String(value).trim();
}

/**
 * Households from the template (网格, 地址, 户主, 电话, 备注). A dry run reports what would
 * happen, row by row; the real run writes only when every row is good, all in one
 * transaction, so a bad file never leaves half a list behind.
 */
export default defineFunction(importHouseholds, async (input, { services, caller }) => {
  const community = await administeredCommunity(services, caller, input.communityId);
  const grids = await gridsOfCommunity(services.db, community.id);
  const gridByName = new Map<string, string>();
  for (const g of grids) {
    gridByName.set(g.name, g.id);
    gridByName.set(g.id, g.id);
  }
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(input.file, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw new AppError('GRID_IMPORT_INVALID');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('GRID_IMPORT_INVALID');
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => header.set(cellText(cell.value), col));
  for (const name of [IMPORT_COLUMNS.grid, IMPORT_COLUMNS.address, IMPORT_COLUMNS.head]) {
    if (!header.has(name)) throw new AppError('GRID_IMPORT_INVALID', `第1行缺少“${name}”列，请使用导入模板`);
  }
  const col = (row: ExcelJS.Row, name: string) => (header.has(name) ? cellText(row.getCell(header.get(name)!).value) : '');

  const existing = await existingAddresses(services.db, grids.map((g) => g.id));
  const errors: Array<{ row: number; message: string }> = [];
  const rows: HouseholdsTable[] = [];
  const seen = new Set<string>();
  let created = 0;
  let updated = 0;
  const now = services.clock.now().toISOString();
  const last = Math.min(sheet.actualRowCount, MAX_ROWS + 1);
  if (sheet.actualRowCount > MAX_ROWS + 1) errors.push({ row: MAX_ROWS + 2, message: `一次最多导入${MAX_ROWS}户，请分批导入` });
  for (let r = 2; r <= last; r++) {
    const row = sheet.getRow(r);
    const gridName = col(row, IMPORT_COLUMNS.grid);
    const address = col(row, IMPORT_COLUMNS.address);
    const head = col(row, IMPORT_COLUMNS.head);
    const phone = col(row, IMPORT_COLUMNS.phone).replace(/\s|-/g, '');
    if (!gridName && !address && !head) continue;
    const gridId = gridByName.get(gridName);
    if (!gridId) {
      errors.push({ row: r, message: `网格“${gridName}”不在${community.name}` });
      continue;
    }
    if (address.length < 2 || address.length > 60) {
      errors.push({ row: r, message: '地址需为2到60个字' });
      continue;
    }
    if (!head || head.length > 20) {
      errors.push({ row: r, message: '请填写户主姓名（最多20个字）' });
      continue;
    }
    if (phone && !/^1\d{10}$/.test(phone)) {
      errors.push({ row: r, message: `电话“${phone}”不是11位手机号` });
      continue;
    }
    const key = `${gridId}\u0000${address}`;
    if (seen.has(key)) {
      errors.push({ row: r, message: `地址“${address}”在表中重复` });
      continue;
    }
    seen.add(key);
    if (existing.has(key)) updated++;
    else created++;
    rows.push({
      id: newId(),
      grid_id: gridId,
      address,
      head_name_enc: services.cipher.encrypt(head),
      phone_enc: phone ? services.cipher.encrypt(phone) : null,
      note: col(row, IMPORT_COLUMNS.note).slice(0, 200),
      created_at: now,
      updated_at: now,
    });
  }
  const apply = !input.dryRun && errors.length === 0;
  if (apply) {
    await upsertHouseholds(services.db, rows);
    await writeAudit(services.db, {
      actor_id: caller.id,
      action: 'grid.importHouseholds',
      target_kind: 'community',
      target_id: community.id,
      scope_id: community.id,
      outcome: 'ok',
      detail: { created, updated },
      at: services.clock.now(),
    });
  }
  return { rows: rows.length + errors.length, created, updated, errors, applied: apply };
});
