import { call } from '../cloud/client';

/**
 * Staff land on the workbench after signing in (residents on 我的). Asked of the host, as
 * roles are decided there at the moment of asking.
 */
export async function holdsStaffRole(): Promise<boolean> {
  try {
    return (await call('users.me', {})).roles.length > 0;
  } catch {
    return false;
  }
}
