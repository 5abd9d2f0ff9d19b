/**
 * 防走失码: a card an elderly resident carries, with a QR code. Whoever finds them lost scans
 * it, without signing in, and sees only what helps them help: a short name, a note for
 * helpers, and a button that alerts the family and the community's grid worker and then
 * shows one family number to call. No address, no ID number, no full name.
 */

export const ELDER_NAME_MAX = 8;
export const ELDER_NOTE_MAX = 60;
export const ELDER_CONTACTS_MAX = 3;

/** What the finder's page shows, and nothing more. */
export interface ElderCardPublic {
  displayName: string;
  note: string;
  /** Shown first, in large type. */
  headline: string;
}

/** What the finder gets after pressing the alert button: one number, the first contact's. */
export interface ElderAlertResult {
  relation: string;
  phone: string;
  /** Who was told: "家属和社区网格员已收到提醒". */
  notified: string;
}

export interface ElderContactView {
  /** Its place in the list (1 is the number a finder sees); `keep` in an edit names it. */
  seq: number;
  name: string;
  relation: string;
  /** Full to the family who holds the card, masked to staff. */
  phone: string;
}

export interface ElderScanView {
  id: string;
  kind: 'view' | 'alert';
  kindText: string;
  at: Date;
  /** Only when the finder chose to share it. */
  location: { latitude: number; longitude: number } | null;
  finderNote: string | null;
}

export interface ElderCardView {
  id: string;
  communityId: string;
  communityName: string;
  displayName: string;
  note: string;
  photoUrl: string | null;
  status: 'active' | 'revoked';
  contacts: ElderContactView[];
  /** The family's own view shows the whole scan log; staff see it too, for their community. */
  scans: ElderScanView[];
  /** Whether the caller holds the card (the family member who registered it). */
  isFamily: boolean;
  /** Whether the caller may change, reprint, reissue or stop it. */
  canManage: boolean;
  createdAt: Date;
}

export interface ElderCardSummary {
  id: string;
  displayName: string;
  communityName: string;
  status: 'active' | 'revoked';
  scanCount: number;
  lastScanAt: Date | null;
  lastAlertAt: Date | null;
}

export const ELDER_SCAN_TEXT = { view: '有人扫码查看', alert: '有人发出求助提醒' } as const;
