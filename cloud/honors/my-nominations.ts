import { myNominations } from '../../types/honors';
import { defineFunction } from '../core/define-function';
import { toNomination } from './lib/honor-view';
import { nominationRows } from './honors.storage';

export default defineFunction(myNominations, async (_input, { services, caller }) =>
  (await nominationRows(services.db, { nominatorId: caller.id })).map(toNomination),
);
