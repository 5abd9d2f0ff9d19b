import crypto from 'node:crypto';
import { sql } from 'kysely';
import { newId } from '../core/crypto';
import { releaseAgentWork } from '../petitions/petitions.storage';
import { compiledQuery } from '../storage/compiled-query';
import type { Db } from '../storage/dialect';
import { boundKeys, oneOfKeys, turnBatches } from '../storage/turn-batches';
import type { UsersTable } from '../storage/schema';

export type UserRow = UsersTable;

const accountRows = compiledQuery((db, p: { ids: unknown }) =>
  db
    .selectFrom('users as u')
    .leftJoin('regions as r', 'r.id', 'u.home_community_id')
    .select([
      'u.id',
      'u.openid',
      'u.unionid',
      'u.username',
      'u.nickname',
      'u.avatar_url',
      'u.home_community_id',
      'u.phone_enc',
      'u.created_at',
      'u.updated_at',
      'r.name as home_community_name',
    ])
    .where(oneOfKeys(db, 'u.id', p.ids))
    .where('u.deleted_at', 'is', null),
);
type AccountRow = Awaited<ReturnType<typeof accountRows.all>>[number];

/**
 * What a person's own profile and login reply show, with their community's name (users.me):
 * the profiles the requests of one turn ask for in ONE statement (cloud/storage/turn-batches.ts).
 */
export async function getAccount(db: Db, id: string): Promise<AccountRow | undefined> {
  return accountsOfTurn(db, id);
}

const accountsOfTurn = turnBatches(async (db, ids: readonly string[]): Promise<Array<AccountRow | undefined>> => {
  const rows = await accountRows.all(db, { ids: boundKeys(db, ids) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id));
});

export async function getUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** What a new account has not given yet, and what a deleted one keeps none of. */
const NO_PERSONAL_DATA = {
  avatar_url: null,
  home_community_id: null,
  phone_enc: null,
  phone_index: null,
  unionid: null,
  phone_tail: null,
  invite_code: null,
} as const;

/** A new account's row: what is given, and everything else empty as a first sign-in leaves it. */
function newUserRow(given: Pick<UserRow, 'openid' | 'username' | 'nickname'> & Partial<UserRow>, now: Date): UserRow {
  const at = now.toISOString();
  return {
    id: newId(),
    password_hash: null,
    ...NO_PERSONAL_DATA,
    failed_logins: 0,
    locked_until: null,
    created_at: at,
    updated_at: at,
    deleted_at: null,
    ...given,
  };
}

/**
 * The user for a WeChat openid, created on first sight with a LeanCloud-style random
 * username (LeanCloud gives every authData user one, and app code reads it). Two first
 * logins racing insert once: the unique openid (and unionid) indexes decide, and both
 * read the same row back.
 */
export async function findOrCreateByOpenid(
  db: Db,
  openid: string,
  now: Date,
  nickname: string,
  extra: { unionid?: string | null } = {},
): Promise<UserRow> {
  await db
    .insertInto('users')
    .values(newUserRow({ openid, username: generatedUsername(), nickname, unionid: extra.unionid ?? null }, now))
    .onConflict((oc) => oc.doNothing())
    .execute();
  const byOpenid = await db.selectFrom('users').selectAll().where('openid', '=', openid).executeTakeFirst();
  if (byOpenid) return byOpenid;
  // The insert lost on the unionid: the account that holds it is this person's.
  return db.selectFrom('users').selectAll().where('unionid', '=', extra.unionid ?? '').executeTakeFirstOrThrow();
}

/** 25 characters of [a-z0-9], the shape of the usernames LeanCloud generates. */
function generatedUsername(): string {
  return [...crypto.randomBytes(25)].map((b) => (b % 36).toString(36)).join('');
}

export async function findByOpenid(db: Db, openid: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('openid', '=', openid).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function findByUnionid(db: Db, unionid: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('unionid', '=', unionid).where('deleted_at', 'is', null).executeTakeFirst();
}

/**
 * Records what WeChat said about an account at login: the unionid when the account has
 * none yet, the openid when the account was found by unionid under another AppID. Each
 * is a conditional update, and one that would collide with another account's unique
 * value is left out rather than moving an identity between accounts.
 */
export async function linkWechatIds(db: Db, id: string, ids: { openid: string; unionid?: string | null }, now: Date): Promise<void> {
  const at = now.toISOString();
  if (ids.unionid) {
    await db
      .updateTable('users')
      .set({ unionid: ids.unionid, updated_at: at })
      .where('id', '=', id)
      .where('unionid', 'is', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('users as other').select('other.id').where('other.unionid', '=', ids.unionid!))))
      .execute();
  }
  await db
    .updateTable('users')
    .set({ openid: ids.openid, updated_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('openid', 'is', null), eb('openid', '!=', ids.openid)]))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('users as other').select('other.id').where('other.openid', '=', ids.openid))))
    .execute();
}

export async function findByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function createConsoleAccount(
  db: Db,
  account: { username: string; passwordHash: string; nickname: string; homeCommunityId: string | null; now: Date },
): Promise<UserRow> {
  const row = newUserRow(
    { openid: null, username: account.username, password_hash: account.passwordHash, nickname: account.nickname, home_community_id: account.homeCommunityId },
    account.now,
  );
  await db.insertInto('users').values(row).execute();
  return row;
}

export async function setPasswordHash(db: Db, id: string, passwordHash: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

/**
 * Replaces a password hash only if it is still the one that was just verified, so a
 * password changed meanwhile is never overwritten with the old one.
 */
export async function replacePasswordHash(db: Db, id: string, verified: string, next: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: next, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('password_hash', '=', verified)
    .execute();
}

export async function updateUser(
  db: Db,
  id: string,
  changes: Partial<Pick<UserRow, 'nickname' | 'avatar_url' | 'home_community_id' | 'phone_enc' | 'phone_index' | 'phone_tail'>>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...changes, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
}

/**
 * PIPL deletion: the personal fields are erased and the row stays as a tombstone, so the
 * records other people keep (an event's attendance count, a petition's timeline) still add
 * up. The openid goes too: signing in again later makes a new, empty account.
 */
export async function eraseUser(db: Db, id: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({
        openid: null,
        username: null,
        password_hash: null,
        nickname: '已注销用户',
        ...NO_PERSONAL_DATA,
        updated_at: at,
        deleted_at: at,
      })
      .where('id', '=', id)
      .execute();
    await tx.deleteFrom('role_grants').where('user_id', '=', id).execute();
    await tx.deleteFrom('subscriptions').where('user_id', '=', id).execute();
    // A staff member leaving: their duty days and open petitions go back to the community.
    await releaseAgentWork(tx, { agentId: id, communityId: 'all', by: id, reason: 'accountDeleted', now });
    await tx.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
  });
}

/**
 * Gives the user this invite code unless they already have one, and returns the one they
 * hold. The conditional update decides between two racing first requests; a code another
 * user already holds fails the unique index, and the caller tries a fresh one.
 */
export async function claimInviteCode(db: Db, userId: string, candidate: string): Promise<string | undefined> {
  await db
    .updateTable('users')
    .set({ invite_code: candidate })
    .where('id', '=', userId)
    .where('invite_code', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
  const row = await db.selectFrom('users').select('invite_code').where('id', '=', userId).executeTakeFirst();
  return row?.invite_code ?? undefined;
}

export interface PersonRow {
  id: string;
  nickname: string;
  phone_enc: string | null;
  home_community_id: string | null;
  community_name: string | null;
}

/**
 * WeChat users (not console accounts, not erased) matching one way of finding a person.
 * `communities` limits the search to residents of those communities ('all': the district);
 * an invite code is looked up everywhere, because its holder chose to show it.
 */
export async function findPeople(
  db: Db,
  by: { inviteCode: string } | { phoneIndex: string } | { phoneTail: string } | { name: string },
  communities: string[] | 'all',
  limit = 20,
): Promise<PersonRow[]> {
  let q = db
    .selectFrom('users as u')
    .leftJoin('regions as r', 'r.id', 'u.home_community_id')
    .select(['u.id', 'u.nickname', 'u.phone_enc', 'u.home_community_id', 'r.name as community_name'])
    .where('u.openid', 'is not', null)
    .where('u.deleted_at', 'is', null)
    .orderBy('u.nickname')
    .orderBy('u.id')
    .limit(limit);
  if ('inviteCode' in by) return q.where('u.invite_code', '=', by.inviteCode).execute();
  if (communities !== 'all') {
    if (communities.length === 0) return [];
    q = q.where('u.home_community_id', 'in', communities);
  }
  if ('phoneIndex' in by) q = q.where('u.phone_index', '=', by.phoneIndex);
  else if ('phoneTail' in by) q = q.where('u.phone_tail', '=', by.phoneTail);
  else {
    // SQLite has no default LIKE escape character; PostgreSQL's is the backslash. Say it for both.
    const pattern = `%${by.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`u.nickname LIKE ${pattern} ESCAPE '\\'`);
  }
  return q.execute();
}
