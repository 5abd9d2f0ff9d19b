import type ExcelJS from 'exceljs';
import type QRCode from 'qrcode';
import type Sharp from 'sharp';

/**
 * Packages that only a few functions use, loaded on their first use instead of at start.
 * A deployment restart pays for every module the host loads before it listens: exceljs alone
 * took 2.3 s of a 8–10 s start of the release bundle on this machine (bench/startup.ts), and
 * only the exports and the household import need it; sharp and qrcode another 0.1–0.3 s.
 */
let excel: Promise<typeof ExcelJS> | null = null;

/** exceljs (the workbook exports and the household import). */
export function loadExcel(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((m) => m.default);
  return excel;
}

let sharp: Promise<typeof Sharp> | null = null;

/** sharp (uploads re-encoded, cards, posters and certificates drawn). */
export function loadSharp(): Promise<typeof Sharp> {
  sharp ??= import('sharp').then((m) => m.default);
  return sharp;
}

let qrcode: Promise<typeof QRCode> | null = null;

/** qrcode (check-in codes, card links). */
export function loadQrCode(): Promise<typeof QRCode> {
  qrcode ??= import('qrcode').then((m) => m.default);
  return qrcode;
}
