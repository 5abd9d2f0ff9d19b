import type ExcelJS from 'exceljs';

/**
 * Packages that only a few functions use, loaded on their first use instead of at start.
 * A deployment restart pays for every module the host loads before it listens: exceljs alone
 * took 2.3 s of a 8–10 s start of the release bundle on this machine (bench/startup.ts), and
 * only the exports and the household import need it.
 */
let excel: Promise<typeof ExcelJS> | null = null;

/** exceljs (the workbook exports and the household import). */
export function loadExcel(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((m) => m.default);
  return excel;
}
