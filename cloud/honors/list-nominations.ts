import { listNominations } from '../../types/honors';
import { defineFunction } from '../core/define-function';
import { reviewCommunities } from './honors.permissions';
import { toNomination } from './lib/honor-view';
import { nominationRows } from './honors.storage';

export default defineFunction(listNominations, async (input, { services, caller }) =>
  (await nominationRows(services.db, { communityIds: reviewCommunities(caller.grants), status: input.status })).map(toNomination),
);
