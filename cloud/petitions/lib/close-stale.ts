import { REOPEN_DAYS } from '../../../types/petitions';
import { DAY } from '../../core/clock';
import type { Services } from '../../core/services';
import { resolvedBefore, transitionPetition } from '../petitions.storage';

/** Resolved petitions the resident has not answered for 7 days close by themselves. */
export async function closeStaleResolved(services: Services): Promise<number> {
  const now = services.clock.now();
  let closed = 0;
  for (const p of await resolvedBefore(services.db, new Date(now.getTime() - REOPEN_DAYS * DAY))) {
    const moved = await transitionPetition(services.db, {
      id: p.id,
      from: 'resolved',
      to: 'closed',
      action: 'autoClose',
      note: null,
      by: null,
      changes: { closed_at: now.toISOString() },
      now,
      messages: [],
    });
    if (moved) closed++;
  }
  return closed;
}
