import { thanksQueue } from '../../types/honors';
import { defineFunction } from '../core/define-function';
import { communitiesWhere } from '../core/scope';
import { toThanks } from './lib/honor-view';
import { thanksRows } from './honors.storage';

export default defineFunction(thanksQueue, async (input, { services, caller }) =>
  (
    await thanksRows(services.db, {
      statuses: [input.status === 'reported' ? 'approved' : input.status],
      reportedOnly: input.status === 'reported',
      scopeIds: communitiesWhere(caller.grants, ['communityAdmin']),
      limit: 200,
    })
  ).map((r) =>
    toThanks(services, r),
  ),
);
