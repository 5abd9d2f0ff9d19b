import { AppError } from '../../types';
import { labelGroup } from '../../types/grid';
import { defineFunction } from '../core/define-function';
import { hasReachedGroup, setLabel } from './grid.storage';

/** Labels are the caller's own, and only for groups the caller's cards reached. */
export default defineFunction(labelGroup, async (input, { services, caller }) => {
  if (!(await hasReachedGroup(services.db, caller.id, input.opengid))) throw new AppError('NOT_FOUND');
  await setLabel(services.db, { ownerId: caller.id, opengid: input.opengid, label: input.label, now: services.clock.now() });
  return { opengid: input.opengid, label: input.label || null };
});
