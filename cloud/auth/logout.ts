import { logout } from '../../types/auth';
import { defineFunction } from '../core/define-function';
import { revokeSession } from './sessions.storage';

// The SDK's AV.User.logOut() only forgets the user locally; this ends the session on the host.
export default defineFunction(logout, async (_input, { services, caller }) => {
  await revokeSession(services.db, caller.sessionHash, services.clock.now());
  return { loggedOut: true as const };
});
