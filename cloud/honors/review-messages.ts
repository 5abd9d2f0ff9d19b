import { formatFullDateTime } from '../../types/time';
import type { OutgoingMessage } from '../notifications/outbox.storage';
import { templateFor, thing } from '../notifications/templates';

/** 审核结果 for whoever sent a nomination or a thank-you post; nothing when they are gone. */
export function reviewMessage(
  kind: 'nomination.reviewed' | 'thanks.reviewed',
  r: { id: string; to: string | null; subject: string; communityName: string; outcome: string; page: string },
  now: Date,
): OutgoingMessage[] {
  if (!r.to) return [];
  return [
    {
      dedupeKey: `${kind}:${r.id}:${now.toISOString()}`,
      userId: r.to,
      template: templateFor(kind),
      page: r.page,
      data: { thing1: thing(r.subject), time2: formatFullDateTime(now), thing3: thing(r.communityName), thing4: thing(r.outcome) },
      notBefore: now,
    },
  ];
}
