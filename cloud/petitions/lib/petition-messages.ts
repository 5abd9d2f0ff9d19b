import type { Config } from '../../config';
import type { OutgoingMessage } from '../../notifications/outbox.storage';
import { templateFor, thing, type MessageKind } from '../../notifications/templates';
import { formatFullDateTime } from '../../../types/time';

export const PETITION_PAGE = 'packages/petitions/detail/index';

/** Messages to the resident by step; the rest (new, assigned, reopened) go to the agent. */
const PETITION_MESSAGE_KIND: Record<string, MessageKind> = {
  accepted: 'petition.accepted',
  note: 'petition.note',
  transferred: 'petition.transferred',
  declined: 'petition.declined',
  resolved: 'petition.resolved',
};

/** A progress message about a petition to one person (the resident, or the agent). */
export function petitionMessage(
  _config: Pick<Config, 'templates'>,
  p: { id: string; title: string; community_name: string },
  to: string | null,
  what: string,
  note: string,
  now: Date,
): OutgoingMessage[] {
  if (!to) return [];
  return [
    {
      dedupeKey: `petition:${p.id}:${what}:${to}:${now.toISOString()}`,
      userId: to,
      template: templateFor(PETITION_MESSAGE_KIND[what] ?? 'petition.toAgent'),
      page: `${PETITION_PAGE}?id=${p.id}`,
      data: { thing1: thing(p.title), time2: formatFullDateTime(now), thing3: thing(p.community_name), thing4: thing(note) },
      notBefore: now,
    },
  ];
}
