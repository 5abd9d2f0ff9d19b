import { myNotices } from '../../types/notifications';
import { defineFunction } from '../core/define-function';
import { noticesOf } from './notices';

export default defineFunction(myNotices, async (_input, { services, caller }) => noticesOf(services.db, services.config, caller.id));
