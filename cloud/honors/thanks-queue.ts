import { thanksQueue } from '../../types/honors';
import { defineFunction } from '../core/define-function';
import { reviewCommunities } from './honors.permissions';
import { toThanks } from './lib/honor-view';
import { thanksRows } from './honors.storage';

export default defineFunction(thanksQueue, async (input, { services, caller }) =>
  (
    await thanksRows(services.db, {
      statuses: [input.status === 'reported' ? 'approved' : input.status],
      reportedOnly: input.status === 'reported',
      scopeIds: reviewCommunities(caller.grants),
      limit: 200,
    })
  ).map((r) =>
    toThanks(services, r),
  ),
);
