import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Three stories from the district's news: volunteers at events and their hours (志愿服务时长),
 * the card that brings a lost elder home (防走失码), and the service centre's screen (大屏).
 */
export async function up(db: AnyDb): Promise<void> {
  // Volunteers take their own places, apart from participants' seats.
  await db.schema.alterTable('events').addColumn('volunteer_capacity', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('events').addColumn('volunteer_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('event_volunteers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    /** confirmed | cancelled */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('checked_in_at', 'text')
    .addColumn('checked_in_by', 'text', (c) => c.references('users.id'))
    .addColumn('checked_out_at', 'text')
    .addColumn('checked_out_by', 'text', (c) => c.references('users.id'))
    // Staff corrections replace the computed minutes; the reason and who made it are kept.
    .addColumn('corrected_minutes', 'integer')
    .addColumn('correction_reason', 'text')
    .addColumn('corrected_by', 'text', (c) => c.references('users.id'))
    .addColumn('corrected_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('event_volunteers_one_per_resident', ['event_id', 'user_id'])
    .addCheckConstraint('event_volunteers_out_after_in', sql`checked_out_at IS NULL OR (checked_in_at IS NOT NULL AND checked_out_at >= checked_in_at)`)
    .addCheckConstraint('event_volunteers_minutes', sql`corrected_minutes IS NULL OR corrected_minutes >= 0`)
    .execute();
  await db.schema.createIndex('event_volunteers_user').on('event_volunteers').column('user_id').execute();

  await db.schema
    .createTable('elder_cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** The public code in the QR: 128 random bits, base32; unique while the card lives. */
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('community_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('photo_file_id', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    /** The family member who holds the card (registered it, or claimed it from staff). */
    .addColumn('family_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    /** active | revoked */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('elder_cards_family').on('elder_cards').column('family_user_id').execute();

  await db.schema
    .createTable('elder_contacts')
    .addColumn('card_id', 'text', (c) => c.notNull().references('elder_cards.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    /** AES-GCM ciphertext (cloud/core/crypto.ts), never the plain number. */
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('elder_contacts_pk', ['card_id', 'seq'])
    .execute();

  await db.schema
    .createTable('elder_scans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('card_id', 'text', (c) => c.notNull().references('elder_cards.id'))
    /** view | alert */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('finder_id', 'text', (c) => c.references('users.id'))
    /** JSON {latitude, longitude} only when the finder chose to share it. */
    .addColumn('location', 'text')
    .addColumn('finder_note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('elder_scans_card').on('elder_scans').columns(['card_id', 'at']).execute();

  await db.schema
    .createTable('screens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    /** The secret part of the screen's URL; a new one ends the old URL. */
    .addColumn('screen_key', 'text', (c) => c.notNull().unique())
    /** landscape (1920×1080) | portrait (1080×1920) */
    .addColumn('orientation', 'text', (c) => c.notNull())
    /** JSON array of SCREEN_MODULES (types/screens-model.ts), in the order shown. */
    .addColumn('modules', 'text', (c) => c.notNull())
    .addColumn('rotate_seconds', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['screens', 'elder_scans', 'elder_contacts', 'elder_cards', 'event_volunteers']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('events').dropColumn('volunteer_count').execute();
  await db.schema.alterTable('events').dropColumn('volunteer_capacity').execute();
}
