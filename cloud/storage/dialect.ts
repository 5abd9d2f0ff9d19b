import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type DatabaseKind = 'sqlite' | 'postgres';

export interface OpenDatabase {
  db: Db;
  kind: DatabaseKind;
  /** Where it lives, with any password taken out. */
  description: string;
  /** The connection pool's state, for the metrics (PostgreSQL; SQLite has one connection). */
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

/** For the few statements that differ (row locks, advisory locks): which dialect a Db speaks. */
export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export const DEFAULT_SQLITE_FILE = '.data/linli.sqlite';

/**
 * The one place that decides which database we talk to: absent or a file path means the
 * embedded SQLite file; `postgres://` or `postgresql://` means PostgreSQL.
 */
export function openDatabase(url: string | undefined, options: { poolSize?: number } = {}): OpenDatabase {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    // int8 (counts, sums) as numbers: our counts stay far below 2^53.
    pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle connection the server ends (restart, dropped test database) is replaced on the
    // next query; unhandled, its error event would take the whole process down.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      description: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => db.destroy(),
    };
  }
  const file = url ? url.replace(/^(sqlite|file):(\/\/)?/, '') : DEFAULT_SQLITE_FILE;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, kind: 'sqlite', description: path.resolve(file), poolStats: () => ({ total: 1, idle: 1, waiting: 0 }), close: () => db.destroy() };
}
