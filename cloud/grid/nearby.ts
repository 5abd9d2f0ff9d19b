import { DUPLICATE_DAYS, DUPLICATE_RADIUS_M, type NearbyReport } from '../../types/grid-model';
import { PETITION_FLOW, type PetitionStatus } from '../../types/petitions-model';
import { DAY } from '../core/clock';
import type { Services } from '../core/services';
import { recentReports } from './grid.storage';

/** Great-circle distance in metres (haversine). */
export function metresBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const r = 6_371_000;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

const normal = (text: string) => text.replace(/\s+/g, '');

/**
 * 随手拍 reports of the last 7 days in the community that may be the same thing: within
 * 100 m when both have a picked place, or at the same typed address.
 */
export async function nearbyReportsFor(
  services: Services,
  communityId: string,
  place: { address: string; latitude?: number; longitude?: number },
): Promise<NearbyReport[]> {
  const since = new Date(services.clock.now().getTime() - DUPLICATE_DAYS * DAY);
  const out: NearbyReport[] = [];
  for (const r of await recentReports(services.db, communityId, since)) {
    let distance: number | null = null;
    if (place.latitude !== undefined && place.longitude !== undefined && r.latitude !== null && r.longitude !== null) {
      distance = metresBetween({ latitude: place.latitude, longitude: place.longitude }, { latitude: r.latitude, longitude: r.longitude });
      if (distance > DUPLICATE_RADIUS_M) continue;
    } else if (normal(r.place) !== normal(place.address)) {
      continue;
    }
    out.push({
      petitionId: r.petition_id,
      title: r.title,
      place: r.place,
      distance: distance === null ? null : Math.round(distance),
      createdAt: new Date(r.created_at),
      statusText: PETITION_FLOW[r.status as PetitionStatus]?.text ?? r.status,
    });
  }
  return out;
}
