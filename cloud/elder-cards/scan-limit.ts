import { AppError } from '../../types';
import { SCAN_LIMIT } from './elder-cards.permissions';

/**
 * Look-ups of cards by code, counted per client address in fixed windows. A code is 128
 * random bits, so guessing is hopeless anyway; the limit keeps anyone from trying at scale
 * and from flooding a family with alerts. Counted in this process: with several hosts behind
 * a load balancer each host allows SCAN_LIMIT.max, still far below any useful guessing rate.
 */
export function createScanLimiter(limit: { max: number; windowMs: number } = SCAN_LIMIT) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one look-up; throws RATE_LIMITED past the limit. */
    take(address: string, now: number): void {
      const w = windows.get(address);
      if (!w || now - w.start >= limit.windowMs) {
        if (windows.size > 10_000) for (const [k, v] of windows) if (now - v.start >= limit.windowMs) windows.delete(k);
        windows.set(address, { start: now, count: 1 });
        return;
      }
      w.count++;
      if (w.count > limit.max) throw new AppError('RATE_LIMITED', '扫码太频繁了，请稍后再试；如老人需要帮助请拨打110');
    },
  };
}

const limiters = new WeakMap<object, ReturnType<typeof createScanLimiter>>();

/** One limiter per running host, shared by the scan page and the alert button. */
export function scanLimiterOf(services: object): ReturnType<typeof createScanLimiter> {
  let limiter = limiters.get(services);
  if (!limiter) limiters.set(services, (limiter = createScanLimiter()));
  return limiter;
}
