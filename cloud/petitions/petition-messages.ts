import type { Config } from '../config';
import type { OutgoingMessage } from '../notifications/outbox.storage';
import { templateId, thing } from '../notifications/templates';
import { formatFullDateTime } from '../../types/time';

export const PETITION_PAGE = 'packages/petitions/detail/index';

/** A progress message about a petition to one person (the resident, or the agent). */
export function petitionMessage(
  config: Pick<Config, 'templateIds'>,
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
      template: templateId(config, 'progress'),
      page: `${PETITION_PAGE}?id=${p.id}`,
      data: { thing1: thing(p.title), time2: formatFullDateTime(now), thing3: thing(p.community_name), thing4: thing(note) },
      notBefore: now,
    },
  ];
}
