import { maskAddress, type VisitView } from '../../types/grid-model';
import type { PetitionStatus } from '../../types/petitions-model';
import type { VisitRow } from './grid.storage';

export function toVisitView(row: VisitRow, viewerId: string, full = false): VisitView {
  return {
    id: row.id,
    householdId: row.household_id,
    address: full ? row.address : maskAddress(row.address),
    visitedOn: row.visited_on,
    raised: row.raised,
    followUp: row.follow_up > 0,
    petitionId: row.petition_id,
    petitionStatus: (row.petition_status as PetitionStatus | null) ?? null,
    byMe: row.worker_id === viewerId,
  };
}
