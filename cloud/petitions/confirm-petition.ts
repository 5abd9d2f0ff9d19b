import { confirmPetition } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { actOnPetition } from './lib/load-petition';

export default defineFunction(confirmPetition, async (input, { services, caller }) => {
  const now = services.clock.now();
  return actOnPetition(services, caller, input.id, 'confirm', () => ({
    note: `${'★'.repeat(input.stars)}${input.comment ? ` ${input.comment}` : ''}`,
    changes: { rating: input.stars, rating_comment: input.comment, closed_at: now.toISOString() },
  }));
});
