import { formatFullDateTime } from '../../types/time';
import type { Config } from '../config';
import type { OutgoingMessage } from '../notifications/outbox.storage';
import { templateId, thing } from '../notifications/templates';

export const BOOKING_PAGE = 'packages/bookings/mine/index';

/** One progress message: the matter, its time, where it stands. Keyed so it goes once. */
export function progressMessage(
  config: Pick<Config, 'templateIds'>,
  b: { id: string; userId: string; resourceName: string; centerName: string; start: string },
  what: string,
  note: string,
  now: Date,
): OutgoingMessage {
  return {
    dedupeKey: `booking:${b.id}:${what}:${now.toISOString()}`,
    userId: b.userId,
    template: templateId(config, 'progress'),
    page: `${BOOKING_PAGE}?id=${b.id}`,
    data: { thing1: thing(b.resourceName), time2: formatFullDateTime(b.start), thing3: thing(b.centerName), thing4: thing(note) },
    notBefore: now,
  };
}
