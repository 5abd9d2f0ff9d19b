import { listNominations } from '../../types/honors';
import { defineFunction } from '../core/define-function';
import { communitiesWhere } from '../core/scope';
import { toNomination } from './lib/honor-view';
import { nominationRows } from './honors.storage';

export default defineFunction(listNominations, async (input, { services, caller }) =>
  (await nominationRows(services.db, { communityIds: communitiesWhere(caller.grants, ['communityAdmin']), status: input.status })).map(toNomination),
);
