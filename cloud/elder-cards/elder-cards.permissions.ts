import type { RoleGrant } from '../../types';
import { communitiesWhere, holdsRoleIn } from '../core/scope';

/** The family member who registered the card holds it: edits, reissues, sees full numbers. */
export function holdsCard(callerId: string, card: { family_user_id: string | null }): boolean {
  return card.family_user_id === callerId;
}

/**
 * The community's staff look after every card of their community: they register cards on a
 * family's behalf, see the scans, and manage cards no family member holds in the app.
 */
export function looksAfterCards(grants: readonly RoleGrant[], communityId: string): boolean {
  return holdsRoleIn(grants, ['gridWorker', 'agent', 'communityAdmin'], communityId);
}

/** Change, reissue or stop a card: its family holder, or staff where no family member holds it. */
export function mayManageCard(caller: { id: string; grants: readonly RoleGrant[] }, card: { family_user_id: string | null; community_id: string }): boolean {
  return holdsCard(caller.id, card) || (card.family_user_id === null && looksAfterCards(caller.grants, card.community_id));
}

/** Read a card and its scans: its holder and the community's staff. */
export function maySeeCard(caller: { id: string; grants: readonly RoleGrant[] }, card: { family_user_id: string | null; community_id: string }): boolean {
  return holdsCard(caller.id, card) || looksAfterCards(caller.grants, card.community_id);
}

/** The communities whose cards a staff member lists; 'all' for a district admin. */
export function cardCommunities(grants: readonly RoleGrant[]): string[] | 'all' {
  return communitiesWhere(grants, ['gridWorker', 'agent', 'communityAdmin']);
}

/** A stopped (revoked) card is kept for its record, but no longer printed or edited. */
export function isLiveCard(card: { status: string }): boolean {
  return card.status === 'active';
}

/** How many card look-ups one address may make in ten minutes: plenty for a finder, useless for guessing. */
export const SCAN_LIMIT = { max: 20, windowMs: 10 * 60_000 } as const;
