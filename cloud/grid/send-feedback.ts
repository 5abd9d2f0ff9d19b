import { sendFeedback } from '../../types/grid';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { insertFeedback } from './grid.storage';

/** 投诉建议 about the app itself (国办函〔2026〕12号 requires the entry); district admins read it. */
export default defineFunction(sendFeedback, async (input, { services, caller }) => {
  const id = newId();
  await insertFeedback(services.db, {
    id,
    user_id: caller.id,
    kind: input.kind,
    body: input.body,
    status: 'new',
    reply: null,
    created_at: services.clock.now().toISOString(),
  });
  return { id };
});
