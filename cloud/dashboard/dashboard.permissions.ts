import type { RoleGrant } from '../../types';
import { communitiesWhere } from '../core/scope';

/**
 * Access rules of the dashboard, the reports and the audit list. Figures are of places, never
 * of staff (国办函〔2026〕12号: no rankings of workers): an admin sees their communities'. The
 * audit list is for district admins, said by its contract's access (types/admin.ts) alone.
 */

/** The communities whose figures, queues and exports an admin sees; 'all' for a district admin. */
export function statsCommunities(grants: readonly RoleGrant[]): string[] | 'all' {
  return communitiesWhere(grants, ['communityAdmin']);
}
