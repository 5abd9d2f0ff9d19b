import type { Db } from '../storage/dialect';
import type { ArticlesTable, EventsTable, UsersTable } from '../storage/schema';

/**
 * The importer's writes. Every insert keeps LeanCloud's objectId as our id and does
 * nothing when the row is already there, so a second run adds nothing and an interrupted
 * run picks up where it stopped.
 */

/** Inserts a user unless one with this id, openid, unionid or username exists; true when inserted. */
export async function insertImportedUser(db: Db, row: UsersTable): Promise<boolean> {
  const result = await db.insertInto('users').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function userExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst());
}

/** Which of these values some other account already holds, so the import reports the clash. */
export async function takenIdentity(
  db: Db,
  row: Pick<UsersTable, 'id' | 'openid' | 'unionid' | 'username'>,
): Promise<'openid' | 'unionid' | 'username' | null> {
  for (const column of ['openid', 'unionid', 'username'] as const) {
    const value = row[column];
    if (!value) continue;
    const other = await db.selectFrom('users').select('id').where(column, '=', value).where('id', '!=', row.id).executeTakeFirst();
    if (other) return column;
  }
  return null;
}

export async function articleExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst());
}

export async function insertImportedArticle(db: Db, row: ArticlesTable, fileIds: string[]): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const result = await tx.insertInto('articles').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    // Its pictures belong to it from now on: readers of the article may load them.
    if (fileIds.length) {
      await tx.updateTable('files').set({ attached_kind: 'article', attached_id: row.id }).where('id', 'in', fileIds).where('attached_id', 'is', null).execute();
    }
    return true;
  });
}

export async function eventExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('events').select('id').where('id', '=', id).executeTakeFirst());
}

export async function insertImportedEvent(db: Db, row: Omit<EventsTable, 'volunteer_capacity' | 'volunteer_count'>): Promise<boolean> {
  // LeanCloud apps had no volunteer places: an imported event takes none until an admin sets them.
  const result = await db.insertInto('events').values({ volunteer_capacity: 0, volunteer_count: 0, ...row }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function registrationExists(db: Db, eventId: string, userId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('event_registrations')
    .select('id')
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst());
}

export async function importedFile(db: Db, objectId: string): Promise<{ fileId: string; sourceUrl: string } | undefined> {
  const row = await db.selectFrom('leancloud_files').select(['file_id', 'source_url']).where('object_id', '=', objectId).executeTakeFirst();
  return row && { fileId: row.file_id, sourceUrl: row.source_url };
}

export async function rememberImportedFile(db: Db, objectId: string, fileId: string, sourceUrl: string, now: Date): Promise<void> {
  await db
    .insertInto('leancloud_files')
    .values({ object_id: objectId, file_id: fileId, source_url: sourceUrl, imported_at: now.toISOString() })
    .onConflict((oc) => oc.column('object_id').doNothing())
    .execute();
}

/**
 * The account imported files are stored under when LeanCloud did not say whose they
 * were: it has no openid and no password, so nobody can sign in as it.
 */
export async function ensureImportAccount(db: Db, now: Date): Promise<string> {
  const id = 'leancloud-import';
  const at = now.toISOString();
  await db
    .insertInto('users')
    .values({
      id,
      openid: null,
      username: null,
      password_hash: null,
      nickname: 'LeanCloud 数据迁移',
      avatar_url: null,
      home_community_id: null,
      phone_enc: null,
      phone_index: null,
      unionid: null,
      failed_logins: 0,
      locked_until: null,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}
