import type { Db } from '../storage/dialect';
import type { ElderCardsTable, ElderContactsTable, ElderScansTable } from '../storage/schema';
import { enqueue, type OutgoingMessage } from '../notifications/outbox.storage';

export type ElderCardRow = ElderCardsTable & { community_name: string };

function cardsWithCommunity(db: Db) {
  return db.selectFrom('elder_cards as c').innerJoin('regions as r', 'r.id', 'c.community_id').selectAll('c').select('r.name as community_name');
}

export async function getElderCardRow(db: Db, id: string): Promise<ElderCardRow | undefined> {
  return cardsWithCommunity(db).where('c.id', '=', id).executeTakeFirst();
}

/** Only a live card answers to its code: a revoked or replaced code is unknown. */
export async function activeCardByCode(db: Db, code: string): Promise<ElderCardRow | undefined> {
  return cardsWithCommunity(db).where('c.code', '=', code).where('c.status', '=', 'active').executeTakeFirst();
}

export async function contactsOf(db: Db, cardId: string): Promise<ElderContactsTable[]> {
  return db.selectFrom('elder_contacts').selectAll().where('card_id', '=', cardId).orderBy('seq').execute();
}

export async function scansOf(db: Db, cardId: string, limit = 100): Promise<ElderScansTable[]> {
  return db.selectFrom('elder_scans').selectAll().where('card_id', '=', cardId).orderBy('at', 'desc').limit(limit).execute();
}

/**
 * Writes a card and its contacts together: contacts are replaced whole, never half-updated;
 * a contact given as `keep` keeps the number stored at that place. A card revoked since it
 * was read is left as it is: the update that re-checks its state also locks the row until
 * the contacts are written.
 */
export type ContactToSave = Omit<ElderContactsTable, 'card_id' | 'seq' | 'phone_enc'> & { phone_enc: string } | Omit<ElderContactsTable, 'card_id' | 'seq' | 'phone_enc'> & { keep: number };

/** 'revoked' when the card was revoked since it was read; 'unknown-contact' when a kept number is not stored. */
export async function saveCard(db: Db, card: ElderCardsTable, contacts: ContactToSave[], isNew: boolean): Promise<'saved' | 'revoked' | 'unknown-contact'> {
  return db.transaction().execute(async (tx) => {
    if (isNew) await tx.insertInto('elder_cards').values(card).execute();
    else {
      const { id, code: _code, created_at: _c, created_by: _b, family_user_id: _f, status: _s, ...changes } = card;
      const r = await tx.updateTable('elder_cards').set(changes).where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return 'revoked';
    }
    // Kept numbers are read under the row lock the update took, so they are the stored ones.
    const stored = new Map((await contactsOf(tx, card.id)).map((c) => [c.seq, c.phone_enc]));
    const rows: ElderContactsTable[] = [];
    for (const [i, c] of contacts.entries()) {
      const phoneEnc = 'keep' in c ? stored.get(c.keep) : c.phone_enc;
      if (phoneEnc === undefined) return 'unknown-contact';
      rows.push({ card_id: card.id, seq: i + 1, name: c.name, relation: c.relation, phone_enc: phoneEnc });
    }
    await tx.deleteFrom('elder_contacts').where('card_id', '=', card.id).execute();
    await tx.insertInto('elder_contacts').values(rows).execute();
    return 'saved';
  });
}

/** A new code for a lost card: the old one stops answering in the same statement. */
export async function replaceCode(db: Db, id: string, code: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('elder_cards').set({ code, updated_at: now.toISOString() }).where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function revokeCard(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('elder_cards').set({ status: 'revoked', updated_at: now.toISOString() }).where('id', '=', id).execute();
}

/**
 * Holds the card for the rest of the transaction while it still answers to `code` (not
 * revoked, not reissued since it was read): a no-op update, which re-reads the row and locks it.
 */
async function holdLiveCard(tx: Db, id: string, code: string): Promise<boolean> {
  const r = await tx.updateTable('elder_cards').set({ status: 'active' }).where('id', '=', id).where('code', '=', code).where('status', '=', 'active').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Logs a finder's look at a card, unless the card stopped answering to its code meanwhile (false). */
export async function recordScan(db: Db, scan: ElderScansTable, code: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    if (!(await holdLiveCard(tx, scan.card_id, code))) return false;
    await tx.insertInto('elder_scans').values(scan).execute();
    return true;
  });
}

/**
 * The alert's scan record and its messages go together, so no alert is logged without being
 * sent; a card revoked or reissued since it was read sends nothing (false).
 */
export async function recordAlert(db: Db, scan: ElderScansTable, code: string, messages: OutgoingMessage[], now: Date): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    if (!(await holdLiveCard(tx, scan.card_id, code))) return false;
    await tx.insertInto('elder_scans').values(scan).execute();
    await enqueue(tx, messages, now);
    return true;
  });
}

export interface CardSummaryRow extends ElderCardRow {
  scan_count: number;
  last_scan_at: string | null;
  last_alert_at: string | null;
}

export async function cardSummaries(db: Db, where: { familyUserId: string } | { communityIds: string[] | 'all' }): Promise<CardSummaryRow[]> {
  let q = cardsWithCommunity(db)
    .select((eb) => [
      eb.selectFrom('elder_scans as s').whereRef('s.card_id', '=', 'c.id').select(eb.fn.countAll<number>().as('n')).as('scan_count'),
      eb.selectFrom('elder_scans as s').whereRef('s.card_id', '=', 'c.id').select((s) => s.fn.max('s.at').as('m')).as('last_scan_at'),
      eb
        .selectFrom('elder_scans as s')
        .whereRef('s.card_id', '=', 'c.id')
        .where('s.kind', '=', 'alert')
        .select((s) => s.fn.max('s.at').as('m'))
        .as('last_alert_at'),
    ])
    .orderBy('c.status')
    .orderBy('c.created_at', 'desc');
  if ('familyUserId' in where) q = q.where('c.family_user_id', '=', where.familyUserId);
  else if (where.communityIds !== 'all') q = q.where('c.community_id', 'in', where.communityIds.length ? where.communityIds : ['-']);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, scan_count: Number(r.scan_count ?? 0), last_scan_at: r.last_scan_at ?? null, last_alert_at: r.last_alert_at ?? null }));
}

/** The grid workers of a community: they hear of an alert with the family. */
export async function gridWorkersOf(db: Db, communityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('g.user_id')
    .where('g.role', '=', 'gridWorker')
    .where('g.scope_id', '=', communityId)
    .where('u.deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.user_id);
}
