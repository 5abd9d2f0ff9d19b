import { thanksReceived } from '../../types/honors';
import { defineFunction } from '../core/define-function';
import { toThanks } from './lib/honor-view';
import { thanksRows } from './honors.storage';

export default defineFunction(thanksReceived, async (_input, { services, caller }) =>
  (await thanksRows(services.db, { statuses: ['approved'], targetUserId: caller.id, limit: 200 })).map((r) => toThanks(services, r)),
);
