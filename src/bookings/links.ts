import { ROUTES } from '../routes';

function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length > 0 ? `${path}?${parts.join('&')}` : path;
}

/**
 * The booking pages' addresses. `community` travels along because the contracts find a
 * resource through its community (see findResource); `reschedule` is the id of the
 * booking being moved.
 */
export const bookingLinks = {
  resource: (q: { id: string; community: string | null; reschedule?: string }) => withQuery(ROUTES.bookingResource, q),
  form: (q: { id: string; community: string | null; start: Date; reschedule?: string }) =>
    withQuery(ROUTES.bookingForm, { ...q, start: new Date(q.start).toISOString() }),
  mine: () => ROUTES.myBookings,
};

/** A query value as the page received it (Taro leaves it encoded on some platforms). */
export function param(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
