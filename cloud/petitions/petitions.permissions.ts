import type { RoleGrant } from '../../types';
import { petitionNext, type PetitionAction, type PetitionStatus } from '../../types/petitions';
import { holdsRoleIn } from '../core/scope';

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
