import type { RoleGrant } from '../../types';
import { petitionNext, REOPEN_DAYS, type PetitionAction, type PetitionStatus } from '../../types/petitions';
import { DAY } from '../core/clock';
import { communitiesWhere, holdsRoleIn } from '../core/scope';

/**
 * Every access rule of petitions (信访代办 and 诉求), as pure functions the handlers call: who
 * (submitter, agent, admin — as they stand now), which action from which status
 * (PETITION_FLOW), and the reopen window. Read here first.
 */

export interface Viewer {
  id: string;
  grants: readonly RoleGrant[];
}

export interface PetitionParties {
  submitter_id: string | null;
  agent_id: string | null;
  community_id: string;
  status: string;
}

export type Relation = 'submitter' | 'agent' | 'admin';

/**
 * How the viewer stands to a petition: its submitter, its assigned agent, an admin of its
 * community (or the district). Only they may read it; for anyone else the set is empty and
 * they get the same not-found answer as for a petition that does not exist.
 */
export function relationsTo(viewer: Viewer, p: PetitionParties): Set<Relation> {
  const relations = new Set<Relation>();
  if (p.submitter_id === viewer.id) relations.add('submitter');
  // The name in agent_id is not a right: only someone who holds the agent role in the
  // petition's community now (the role may have been revoked since) acts as its agent.
  if (p.agent_id === viewer.id && viewer.grants.some((g) => g.role === 'agent' && g.scopeId === p.community_id)) relations.add('agent');
  if (holdsRoleIn(viewer.grants, ['communityAdmin'], p.community_id)) relations.add('admin');
  return relations;
}

/** Which actions each relation may take; PETITION_FLOW says which the status allows. */
const ALLOWED: Record<Relation, PetitionAction[]> = {
  submitter: ['confirm', 'reopen'],
  agent: ['accept', 'note', 'resolve', 'transfer', 'decline'],
  admin: ['assign', 'transfer', 'decline'],
};

export function actionsFor(relations: Set<Relation>, status: PetitionStatus): PetitionAction[] {
  const actions = new Set([...relations].flatMap((r) => ALLOWED[r]));
  return [...actions].filter((a) => petitionNext(status, a) !== null);
}

export function mayAct(relations: Set<Relation>, action: PetitionAction, status: PetitionStatus): boolean {
  return actionsFor(relations, status).includes(action);
}

/** Reading and setting a community's duty roster (值班表): that community's admins. */
export function mayKeepRoster(grants: readonly RoleGrant[], communityId: string): boolean {
  return holdsRoleIn(grants, ['communityAdmin'], communityId);
}

/** The communities whose petitions (inbox, overdue list) an admin oversees; 'all' for a district admin. */
export function petitionAdminCommunities(grants: readonly RoleGrant[]): string[] | 'all' {
  return communitiesWhere(grants, ['communityAdmin']);
}

/** File a petition on a resident's behalf (no smartphone): any staff role in that community. */
export function mayFileOnBehalf(grants: readonly RoleGrant[], communityId: string): boolean {
  return holdsRoleIn(grants, ['gridWorker', 'agent', 'communityAdmin'], communityId);
}

/**
 * Why a resolved petition may not be reopened by its submitter now, or null: once only, and
 * within REOPEN_DAYS (7) of its resolution. (PETITION_FLOW says reopen starts from 已办结.)
 */
export function reopenRefusal(p: { reopened: number; resolved_at: string | null }, now: Date): 'PETITION_REOPEN_USED' | 'PETITION_REOPEN_EXPIRED' | null {
  if (p.reopened === 1) return 'PETITION_REOPEN_USED';
  if (p.resolved_at && now.getTime() - Date.parse(p.resolved_at) > REOPEN_DAYS * DAY) return 'PETITION_REOPEN_EXPIRED';
  return null;
}

/** Who sees the ID and phone numbers in full (the view is logged): the assigned agent alone; everyone else masked. */
export function seesFullNumbers(relations: Set<Relation>): boolean {
  return relations.has('agent');
}

/**
 * Who handles a petition — its agent and the community's admins: they see an anonymous
 * submitter's name and whether a progress message can reach the submitter now.
 */
export function handlesPetition(relations: Set<Relation>): boolean {
  return relations.has('agent') || relations.has('admin');
}
