import { formatFullDateTime, formatRange } from '../../../../types/time';

/** 2026年3月22日 09:00 in Shanghai time, or a dash for none. */
export function when(date: Date | string | null | undefined): string {
  return date ? formatFullDateTime(date) : '—';
}

export function span(start: Date | string, end: Date | string): string {
  return formatRange(start, end);
}

/** 87.5%, or a dash where there is nothing to divide. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
