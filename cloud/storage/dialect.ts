import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type SqliteDialectConfig } from 'kysely';
import pg from 'pg';
import { groupCommitDialect, type GroupCommitOptions } from './group-commit';
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
export function openDatabase(
  url: string | undefined,
  options: { poolSize?: number; sqliteSynchronous?: 'NORMAL' | 'FULL'; groupCommit?: Omit<GroupCommitOptions, 'multiStatement'> | false } = {},
): OpenDatabase {
  const kind: DatabaseKind = url && /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
  const batching = options.groupCommit === undefined ? groupCommitFromEnv(kind) : options.groupCommit;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    // int8 (counts, sums) as numbers: our counts stay far below 2^53.
    pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    // Prepared statements (see DirectRunner) keep PostgreSQL's default plan cache: after five
    // calls a statement may run on its generic plan, planned once. A generic plan does not
    // know a value bound as a parameter (a status so bound once counted every registration
    // of an event, 7 ms for 0.5), so the builder's constants are written into the text
    // (compiled-query.ts) and only the call's own values are parameters.
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle connection the server ends (restart, dropped test database) is replaced on the
    // next query; unhandled, its error event would take the whole process down.
    pool.on('error', () => {});
    const dialect = new PostgresDialect({ pool });
    const db = new Kysely<Database>({ dialect: batching ? groupCommitDialect(dialect, { ...batching, multiStatement: true }) : dialect });
    directRunners.set(db, postgresDirectRunner(pool));
    if (batching) groupCommitted.add(db);
    return {
      db,
      kind: 'postgres',
      description: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: async () => {
        await db.destroy();
        // Kysely ends the pool only if it ever used it; compiled statements may be all it ran.
        if (!pool.ending) await pool.end();
      },
    };
  }
  const file = url ? url.replace(/^(sqlite|file):(\/\/)?/, '') : DEFAULT_SQLITE_FILE;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process loses
  // nothing committed (the WAL is in the OS's cache); a power cut or an OS crash may lose
  // the last commits before the latest checkpoint, never corrupt the file. FULL syncs each
  // commit. See README, "Durability".
  sqlite.pragma(`synchronous = ${options.sqliteSynchronous ?? sqliteSynchronousFromEnv()}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Savepoint and statement journals in memory, not in temporary files. Every request of a
  // group-commit batch runs in its own savepoint, and a multi-row insert keeps a statement
  // journal: in a file, each page first changed in one is written there by a system call,
  // which cost a sign-up's three statements ~2-3x their own time (docs/benchmarks.md, "Round
  // 9"). Neither journal is read after a crash (the WAL is), so durability is unchanged; the
  // memory is the pages one savepoint changes, freed at its release. A sort that outgrows the
  // page cache stays in memory too (a query's ORDER BY without an index: our lists read in
  // index order, explain.test.ts); migrations, whose CREATE INDEX sorts a whole table, run
  // with files (`withTemporaryFiles`, migrate.ts).
  sqlite.pragma('temp_store = MEMORY');
  const checkpointer = file === ':memory:' ? null : new Checkpointer(path.resolve(file), sqlite);
  const reads = new ReadWindow(sqlite);
  const statements = withStatementCache(sqlite, reads, () => checkpointer?.start());
  const dialect = new SqliteDialect({ database: statements });
  const db = new Kysely<Database>({ dialect: batching ? groupCommitDialect(dialect, { ...batching, multiStatement: false }) : dialect });
  if (batching) groupCommitted.add(db);
  directRunners.set(db, sqliteDirectRunner(sqlite, reads, statements));
  return {
    db,
    kind: 'sqlite',
    description: path.resolve(file),
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

function sqliteSynchronousFromEnv(): 'NORMAL' | 'FULL' {
  return process.env.LINLI_SQLITE_SYNCHRONOUS?.toUpperCase() === 'FULL' ? 'FULL' : 'NORMAL';
}

/**
 * Group commit (cloud/storage/group-commit.ts): `LINLI_GROUP_COMMIT=1` on, `0` off; unset, on
 * for SQLite and off for PostgreSQL. Measured (docs/benchmarks.md, "Writes"): on SQLite the
 * batch costs nothing and saves a sync per request with `FULL`; on PostgreSQL one batch at a
 * time runs every transaction's round trips one after another, which cost more than the
 * commits it saved. A batch takes at most `LINLI_GROUP_COMMIT_MAX` requests (32) and stays
 * open at most `LINLI_GROUP_COMMIT_MS` (5 ms) while more requests wait.
 */
function groupCommitFromEnv(kind: DatabaseKind): Omit<GroupCommitOptions, 'multiStatement'> | false {
  const setting = process.env.LINLI_GROUP_COMMIT;
  if (setting === '0' || (setting !== '1' && kind === 'postgres')) return false;
  const number = (name: string, fallback: number) => {
    const value = Number(process.env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return { maxJobs: number('LINLI_GROUP_COMMIT_MAX', 32), maxMs: number('LINLI_GROUP_COMMIT_MS', 5) };
}

/**
 * Runs a compiled statement (cloud/storage/compiled-query.ts) on the handle `openDatabase`
 * made, without Kysely's executor, or answers `undefined` when it must go the usual way.
 *
 * - SQLite: Kysely queues every statement behind the one connection's lock and passes it
 *   through several promises, which for a primary-key read cost more than the read itself
 *   (docs/benchmarks.md, "Envelope"). A read-only statement runs at once, synchronously, when
 *   no transaction is open on the connection (better-sqlite3's `inTransaction`): then there
 *   is nothing uncommitted to see, and being synchronous it cannot interleave with anything.
 *   Inside a transaction (a group-commit batch included), and for any statement that writes,
 *   it goes the usual way and waits for the lock.
 * - PostgreSQL: the statement runs on a pool connection as a named prepared statement, so the
 *   server parses each text once a connection instead of at every call (the server shares the
 *   host's cores), and plans it once when its generic plan is as good (see `openDatabase`).
 *   Outside a transaction Kysely would run it the same way (one statement, autocommit, on a
 *   pool connection); a transaction's handle is not this handle, so its statements keep to
 *   its connection. Needs session-level connections between host and server (direct, or
 *   PgBouncer in session mode): README, "Several hosts".
 */
const groupCommitted = new WeakSet<Db>();

/** Whether this handle (made by `openDatabase`) runs its transactions in group-commit batches. */
export function isGroupCommitted(db: Db): boolean {
  return groupCommitted.has(db);
}

/**
 * A wrapper of a handle (cloud/testing/interleave.ts) takes the same paths as the handle:
 * batched if it is. Its compiled statements go through its own `executeQuery` (no direct
 * runner): the same SQL, sent unnamed, where the wrapper can see each write.
 */
export function sameBatchingAs(wrapper: Db, handle: Db): void {
  if (groupCommitted.has(handle)) groupCommitted.add(wrapper);
}

export type DirectRunner = (text: string, parameters: readonly unknown[]) => unknown[] | Promise<unknown[]> | undefined;

const directRunners = new WeakMap<Db, DirectRunner>();

/** The direct runner of a handle made by `openDatabase`; none for a transaction's handle. */
export function directRunnerOf(db: Db): DirectRunner | undefined {
  return directRunners.get(db);
}

/**
 * Rows are read as arrays and made into objects here. better-sqlite3 builds each row object
 * in C++, converting every column's name from UTF-8 and setting it through the generic API,
 * once per value: ~0.2 µs a value, 200 µs of a 50-row page of 我的活动 (581 µs against 375
 * read as arrays; docs/benchmarks.md, "My lists, round 7"). Each statement's columns get a
 * function made once that returns an object literal: one hidden class, ~2 ns a value, where
 * a loop of keyed stores shared by every statement's shape was ~20. The same objects as
 * better-sqlite3's: the same keys in the same order, a later column of a name winning.
 */
function sqliteDirectRunner(sqlite: SqliteDatabase.Database, reads: ReadWindow, statements: { prepare(text: string): SqliteDatabase.Statement; schemaChanges(): number }): DirectRunner {
  const rowMakers = new WeakMap<SqliteDatabase.Statement, RowMaker>();
  return (text, parameters) => {
    if (sqlite.inTransaction && !reads.isOpen) return undefined;
    const statement = statements.prepare(text);
    if (!statement.readonly || !statement.reader) return undefined;
    reads.open();
    // The statement is shared with Kysely's driver (the cache below), which expects objects:
    // raw only for this call.
    statement.raw(true);
    let arrays: unknown[][];
    try {
      arrays = statement.all(parameters as unknown[]) as unknown[][];
    } finally {
      statement.raw(false);
    }
    let maker = rowMakers.get(statement);
    // A `select *` that SQLite re-prepared after a schema change may have other columns (or
    // other names: a renamed column).
    const schema = statements.schemaChanges();
    if (!maker || maker.schema !== schema || (arrays.length > 0 && arrays[0]!.length !== maker.width)) {
      rowMakers.set(statement, (maker = rowMaker(statement.columns().map((c) => c.name), schema)));
    }
    const rows = new Array<Record<string, unknown>>(arrays.length);
    for (let i = 0; i < arrays.length; i++) rows[i] = maker.make(arrays[i]!);
    return rows;
  };
}

interface RowMaker {
  width: number;
  /** `schemaChanges()` when it was made. */
  schema: number;
  make: (values: unknown[]) => Record<string, unknown>;
}

function rowMaker(names: string[], schema: number): RowMaker {
  // A quoted "__proto__" in a literal would set the prototype; no statement of ours names a column so.
  if (names.includes('__proto__')) throw new Error('a column named __proto__');
  // The names come from SQLite's description of our own statements, quoted by JSON.stringify.
  const make = new Function('v', `return { ${names.map((name, k) => `${JSON.stringify(name)}: v[${k}]`).join(', ')} };`) as RowMaker['make'];
  return { width: names.length, schema, make };
}

function postgresDirectRunner(pool: pg.Pool): DirectRunner {
  // One name per statement text, the same on every connection of the pool.
  const names = new Map<string, string>();
  return async (text, parameters) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `linli_${names.size + 1}`));
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      const result = await client.query({ name, text, values: parameters as unknown[] });
      return result.rows as unknown[];
    } catch (error) {
      // A statement's own error (bad input, a constraint, a timeout) leaves the connection and
      // its prepared statements good, as Kysely's driver keeps it (pool.query would close it).
      // A lost connection is dropped; so is one whose prepared plan no longer fits the table
      // (after a column changed type), to be prepared afresh on a new one.
      if (!(error instanceof pg.DatabaseError) || /cached plan/.test(error.message)) broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Reads outside any transaction share one read transaction (SQLite). In WAL mode each
 * autocommit statement takes and drops SQLite's shared lock and looks for a hot journal:
 * three system calls, ~6 µs of a ~8 µs primary-key read (measured here). A window is begun by
 * the first compiled read (the direct runner) and ended:
 * - before any statement that writes, BEGIN, SAVEPOINT, COMMIT or a PRAGMA is run on any
 *   connection of the process (`withStatementCache`): a read sees every commit this process
 *   made before it (two hosts on one file in a test included);
 * - before the session check of the signed requests that arrived in a turn (`endSharedReads`,
 *   cloud/auth/sessions.storage.ts, one check for them all): a signed request reads nothing
 *   older than itself, so a revocation by another process (an
 *   operator's SQL) is refused at the next request. An anonymous request's reads (public
 *   lists) may share a snapshot begun up to one turn of the loop before it arrived;
 * - at the loop's next turn (`setImmediate`), and when the connection closes.
 * If its COMMIT fails (the connection busy with a statement still iterating) the window stays
 * open and counted, and is ended at the next turn; a write meanwhile fails instead of running
 * inside it.
 */
class ReadWindow {
  static readonly #open = new Set<ReadWindow>();

  static closeAll(): void {
    for (const window of ReadWindow.#open) window.close();
  }

  readonly #sqlite: SqliteDatabase.Database;
  readonly #begin: SqliteDatabase.Statement;
  readonly #commit: SqliteDatabase.Statement;
  constructor(sqlite: SqliteDatabase.Database) {
    this.#sqlite = sqlite;
    this.#begin = sqlite.prepare('begin');
    this.#commit = sqlite.prepare('commit');
  }

  get isOpen(): boolean {
    return ReadWindow.#open.has(this);
  }

  open(): void {
    if (this.isOpen || this.#sqlite.inTransaction) return;
    this.#begin.run();
    ReadWindow.#open.add(this);
    this.#endAtNextTurn();
  }

  close(): void {
    if (!this.isOpen) return;
    if (this.#sqlite.open && this.#sqlite.inTransaction) this.#commit.run();
    ReadWindow.#open.delete(this);
  }

  #endAtNextTurn(): void {
    setImmediate(() => {
      try {
        this.close();
      } catch {
        this.#endAtNextTurn();
      }
    });
  }
}

/** Ends every shared read transaction of the process: the next read sees the database as it is now. */
export function endSharedReads(): void {
  ReadWindow.closeAll();
}

/**
 * Kysely's SQLite driver prepares every statement it runs. Preparing parses and plans the
 * SQL each time; a prepared statement can be run again with other parameters, so the
 * statements are kept by their text (a query built the same way compiles to the same text).
 * Bounded: the oldest prepared are dropped first.
 */
function withStatementCache(
  sqlite: SqliteDatabase.Database,
  reads: ReadWindow,
  onFirstCommit: () => void,
): SqliteDialectConfig['database'] & { prepare(text: string): SqliteDatabase.Statement; schemaChanges(): number } {
  const cache = new Map<string, SqliteDatabase.Statement>();
  // Statements that may change a table's columns, run through this connection (migrations):
  // the direct runner's row makers are made again after one.
  let schemaChanges = 0;
  return {
    close: () => {
      reads.close();
      sqlite.close();
    },
    schemaChanges: () => schemaChanges,
    prepare(text: string) {
      if (/^\s*(alter|create|drop)\b/i.test(text)) schemaChanges++;
      let statement = cache.get(text);
      if (!statement) {
        if (text === 'commit') onFirstCommit();
        statement = sqlite.prepare(text);
        cache.set(text, statement);
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      // Kysely runs what it prepares at once: a statement that writes, opens or ends a
      // transaction or sets anything must not join a reads' window, nor commit behind another.
      if (!statement.readonly || !statement.reader || /^\s*pragma\b/i.test(text)) ReadWindow.closeAll();
      return statement;
    },
  };
}

/** WAL pages the host's own connection may gather before it checkpoints them itself (a safety net). */
const WAL_PAGES_BEFORE_OWN_CHECKPOINT = 10_000;
const CHECKPOINT_EVERY_MS = 500;

/**
 * Moves SQLite's WAL checkpoints off the event loop. By default the connection that commits
 * past 1,000 WAL pages copies them into the database file (and syncs it) inside that COMMIT,
 * synchronously: measured here, a commit of a few rows took 640 µs on average with it and
 * 210 µs without. So the host's connection checkpoints only as a safety net (10,000 pages),
 * and a worker thread with a connection of its own runs `wal_checkpoint(PASSIVE)` twice a
 * second, on the other core, never blocking a writer or a reader. Durability is unchanged: the
 * same commits reach the WAL, the checkpoint syncs as before (`synchronous` is the host's).
 * The worker starts with the first write transaction, so a host that only reads (or idles)
 * keeps no second isolate in memory.
 */
class Checkpointer {
  readonly #file: string;
  readonly #synchronous: string;
  #worker: Worker | null = null;

  constructor(file: string, sqlite: SqliteDatabase.Database) {
    this.#file = file;
    this.#synchronous = String(sqlite.pragma('synchronous', { simple: true }));
    sqlite.pragma(`wal_autocheckpoint = ${WAL_PAGES_BEFORE_OWN_CHECKPOINT}`);
  }

  start(): void {
    if (this.#worker) return;
    this.#worker = new Worker(CHECKPOINT_WORKER, {
      eval: true,
      workerData: { module: require.resolve('better-sqlite3'), file: this.#file, synchronous: this.#synchronous, everyMs: CHECKPOINT_EVERY_MS },
    });
    // A failed checkpointer leaves the safety net; it never takes the host down.
    this.#worker.on('error', () => {});
    this.#worker.unref();
  }

  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await exited;
  }
}

const CHECKPOINT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = ' + workerData.synchronous);
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;
