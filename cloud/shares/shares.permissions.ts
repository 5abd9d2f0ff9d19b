/**
 * The rules of share counting (转发). A share card's sharer id comes from a path anyone can
 * edit, so what counts is decided here, not taken on the card's word. Shares and their counts
 * are a worker's own figures, never used to assess anyone (国办函〔2026〕12号): each person
 * reads only their own (shares.mine acts on the caller alone).
 */

/**
 * Whether opening a card counts for its sharer: only when the sharer is an account that
 * exists and is not the visitor (opening one's own card counts nothing). Which items count at
 * all — published ones only — is each domain's reading rule, applied before.
 *
 * @example countsForSharer({ id: 'u1', exists: true }, 'u1') // false: one's own card
 */
export function countsForSharer(sharer: { id: string; exists: boolean }, visitorId: string | null): boolean {
  return sharer.exists && sharer.id !== visitorId;
}
