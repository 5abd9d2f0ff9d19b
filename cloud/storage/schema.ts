/**
 * The tables as Kysely sees them. Times are UTC ISO-8601 strings (`2026-03-22T01:00:00.000Z`)
 * in both databases, so they compare as text and read the same on SQLite and PostgreSQL;
 * flags are 0/1 integers for the same reason.
 */
export interface RegionsTable {
  id: string;
  parent_id: string | null;
  level: string;
  name: string;
  kind: string;
  sort: number;
}

export interface UsersTable {
  id: string;
  openid: string | null;
  username: string | null;
  password_hash: string | null;
  nickname: string;
  avatar_url: string | null;
  home_community_id: string | null;
  /** AES-GCM ciphertext (cloud/core/crypto.ts); never the plain number. */
  phone_enc: string | null;
  /** Keyed hash of the number, to find a user by phone without decrypting every row. */
  phone_index: string | null;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface SessionsTable {
  /** sha256 of the token; the token itself is only ever known to the client. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface RoleGrantsTable {
  user_id: string;
  role: string;
  scope_id: string;
  granted_by: string | null;
  granted_at: string;
}

export interface ArticlesTable {
  id: string;
  scope_id: string;
  category: string;
  title: string;
  summary: string;
  cover_url: string | null;
  body_html: string;
  /** JSON array of names. */
  reporters: string;
  correspondents: string;
  pinned: number;
  pledge_prompt: string | null;
  /** draft | published | unpublished; "scheduled" is published with publish_at still ahead. */
  status: string;
  publish_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ArticlePledgesTable {
  article_id: string;
  user_id: string;
  created_at: string;
}

export interface ShareVisitsTable {
  id: string;
  target_kind: string;
  target_id: string;
  sharer_id: string;
  visitor_id: string | null;
  visited_at: string;
}

export interface Database {
  regions: RegionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  role_grants: RoleGrantsTable;
  articles: ArticlesTable;
  article_pledges: ArticlePledgesTable;
  share_visits: ShareVisitsTable;
}
