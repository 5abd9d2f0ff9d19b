import crypto from 'node:crypto';
import { ELDER_SCAN_TEXT, type ElderCardSummary, type ElderCardView } from '../../types/elder-cards';
import { maskPhone } from '../core/crypto';
import type { Services } from '../core/services';
import { signedFileUrl } from '../files/uploads';
import type { RoleGrant } from '../../types';
import { holdsCard, mayManageCard } from './elder-cards.permissions';
import { contactsOf, scansOf, type CardSummaryRow, type ElderCardRow } from './elder-cards.storage';

/** 26 characters of Crockford base32: 130 bits of which 128 are random, no look-alike letters. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newCardCode(random: (n: number) => Buffer = crypto.randomBytes): string {
  const bytes = random(16);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export async function cardView(services: Services, card: ElderCardRow, caller: { id: string; grants: readonly RoleGrant[] }): Promise<ElderCardView> {
  const family = holdsCard(caller.id, card);
  const [contacts, scans] = await Promise.all([contactsOf(services.db, card.id), scansOf(services.db, card.id)]);
  return {
    id: card.id,
    communityId: card.community_id,
    communityName: card.community_name,
    displayName: card.display_name,
    note: card.note,
    photoUrl: card.photo_file_id ? signedFileUrl(services, card.photo_file_id) : null,
    status: card.status as ElderCardView['status'],
    contacts: contacts.map((c) => {
      const phone = services.cipher.decrypt(c.phone_enc);
      return { seq: c.seq, name: c.name, relation: c.relation, phone: family ? phone : maskPhone(phone) };
    }),
    scans: scans.map((s) => ({
      id: s.id,
      kind: s.kind as 'view' | 'alert',
      kindText: ELDER_SCAN_TEXT[s.kind as 'view' | 'alert'],
      at: new Date(s.at),
      location: s.location ? (JSON.parse(s.location) as { latitude: number; longitude: number }) : null,
      finderNote: s.finder_note,
    })),
    isFamily: family,
    canManage: mayManageCard(caller, card),
    createdAt: new Date(card.created_at),
  };
}

export function cardSummary(row: CardSummaryRow): ElderCardSummary {
  return {
    id: row.id,
    displayName: row.display_name,
    communityName: row.community_name,
    status: row.status as ElderCardSummary['status'],
    scanCount: row.scan_count,
    lastScanAt: row.last_scan_at ? new Date(row.last_scan_at) : null,
    lastAlertAt: row.last_alert_at ? new Date(row.last_alert_at) : null,
  };
}
