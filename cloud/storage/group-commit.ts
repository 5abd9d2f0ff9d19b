import { CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type QueryResult, type TransactionSettings } from 'kysely';

/**
 * Group commit: every `db.transaction().execute(fn)` of the host joins a write queue, and
 * the queue runs the waiting transactions one after another inside ONE database transaction
 * (a "batch"), each in a savepoint of its own:
 *
 *   BEGIN; SAVEPOINT gc; <request 1> RELEASE gc; SAVEPOINT gc; <request 2> ROLLBACK TO gc; … COMMIT
 *
 * A request whose body throws (its own rule refused it, a constraint failed) is rolled back to
 * its savepoint and answered with its error at once; the others go on. A request that finished
 * is answered only after the batch's COMMIT succeeded: its `commitTransaction` waits for it, so
 * nothing is ever reported stored that is not. If the COMMIT fails, every request of the batch
 * gets that error (none of them is stored).
 *
 * A batch closes when the queue is empty (no request waits for a batch to fill: one request
 * alone is committed at once), after `maxJobs` requests, or once it is `maxMs` old. So on SQLite
 * (one writer) the BEGIN/COMMIT and the WAL frame writes are paid once a batch, and on
 * PostgreSQL the commit's WAL flush and the pool checkout.
 *
 * Built as a Kysely driver around the real one, so every write function gets it without
 * knowing: `acquireConnection` hands out a stand-in that takes a real connection only when it
 * needs one. Queries outside a transaction run on a real connection of their own, as before.
 * A transaction with an isolation level or access mode, or one begun on a connection that
 * already holds a real one (`db.connection().execute(c => c.transaction()…)`), runs on its own
 * as a plain transaction.
 *
 * Transactions of one host never run side by side any more. A transaction body must therefore
 * not wait for another transaction (it would wait for itself): on SQLite that was already so
 * (one connection), and no body here does it.
 */
export interface GroupCommitOptions {
  /** Most requests in one batch (PostgreSQL keeps 64 subtransactions a transaction cheaply). */
  maxJobs: number;
  /** Age of a batch after which no further request joins it. */
  maxMs: number;
  /** The database takes several statements in one round trip (PostgreSQL's simple protocol). */
  multiStatement: boolean;
  /** Told how many requests each committed batch stored (tests, metrics). */
  onBatch?: (stored: number) => void;
}

export function groupCommitDialect(inner: Dialect, options: GroupCommitOptions): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
    createDriver: () => new GroupCommitDriver(inner.createDriver(), options),
  };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A batch may settle a promise nobody awaits yet (a request that already failed on its own).
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** One request's transaction in the queue. */
interface Job {
  /** Settled once its savepoint is open (or could not be). */
  started: Deferred<void>;
  /** Settled when its body is over: true = finished, false = threw (Kysely asked for a rollback). */
  finished: Deferred<boolean>;
  /** Settled once its savepoint was rolled back (after a failure). */
  rolledBack: Deferred<void>;
  /** Settled once the batch it finished in is committed (or not). */
  committed: Deferred<void>;
}

const SAVEPOINT = 'savepoint linli_gc';
const RELEASE = 'release savepoint linli_gc';
const ROLLBACK_TO = 'rollback to savepoint linli_gc';

class GroupCommitDriver implements Driver {
  readonly #inner: Driver;
  readonly #options: GroupCommitOptions;
  readonly #queue: Job[] = [];
  #running: Promise<void> | null = null;

  constructor(inner: Driver, options: GroupCommitOptions) {
    this.#inner = inner;
    this.#options = options;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new StandIn(this.#inner);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await (connection as StandIn).release();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as StandIn;
    if (c.real || settings.isolationLevel || settings.accessMode) {
      c.standalone = true;
      await this.#inner.beginTransaction(await c.realConnection(), settings);
      return;
    }
    const job: Job = { started: deferred(), finished: deferred(), rolledBack: deferred(), committed: deferred() };
    c.job = job;
    this.#queue.push(job);
    this.#running ??= this.#drain().finally(() => {
      this.#running = null;
    });
    try {
      await job.started.promise;
    } catch (error) {
      c.job = null;
      throw error;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as StandIn;
    if (c.standalone) return this.#inner.commitTransaction(c.real!);
    const job = c.job!;
    job.finished.resolve(true);
    try {
      await job.committed.promise;
    } finally {
      c.job = null;
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as StandIn;
    if (c.standalone) return this.#inner.rollbackTransaction(c.real!);
    const job = c.job;
    // Kysely also calls this after a failed commit of the batch: nothing left to roll back.
    if (!job) return;
    job.finished.resolve(false);
    try {
      await job.rolledBack.promise;
    } finally {
      c.job = null;
    }
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['savepoint']>>[2]): Promise<void> {
    await this.#inner.savepoint!((connection as StandIn).target(), name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['savepoint']>>[2]): Promise<void> {
    await this.#inner.rollbackToSavepoint!((connection as StandIn).target(), name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['savepoint']>>[2]): Promise<void> {
    await this.#inner.releaseSavepoint!((connection as StandIn).target(), name, compile);
  }

  async destroy(): Promise<void> {
    while (this.#running) await this.#running;
    await this.#inner.destroy();
  }

  /** Runs batches while requests wait. One batch at a time: the database has one writer anyway. */
  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      await this.#batch();
      // Let the queries that waited for the connection (SQLite has one) run before the next
      // batch takes it again: Kysely's SQLite lock is not first-come-first-served, and a
      // queue that never empties would otherwise starve every read.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async #batch(): Promise<void> {
    const { maxJobs, maxMs, multiStatement } = this.#options;
    let conn: DatabaseConnection;
    try {
      conn = await this.#inner.acquireConnection();
    } catch (error) {
      // No connection to be had (the database is gone): refuse everyone waiting now.
      for (const job of this.#queue.splice(0)) job.started.reject(error);
      return;
    }
    const run = async (...statements: string[]) => {
      if (multiStatement) await conn.executeQuery(CompiledQuery.raw(statements.join('; ')));
      else for (const s of statements) await conn.executeQuery(CompiledQuery.raw(s));
    };
    const openedAt = Date.now();
    const done: Job[] = [];
    let begun = false;
    // The last request's savepoint is released together with opening the next one (one round
    // trip on PostgreSQL); a request that swallowed a statement error of its own leaves its
    // savepoint aborted on PostgreSQL, so the release fails and that request alone is undone.
    let toRelease: Job | null = null;
    const releaseOrUndo = async (then: string[]) => {
      if (!toRelease) return run(...then);
      const last = toRelease;
      toRelease = null;
      try {
        await run(RELEASE, ...then);
      } catch (error) {
        await run(ROLLBACK_TO); // fails too when the whole transaction is gone: the batch fails
        await run(RELEASE);
        done.splice(done.indexOf(last), 1);
        last.committed.reject(error);
        if (then.length > 0) await run(...then);
      }
    };
    try {
      while (this.#queue.length > 0 && done.length < maxJobs && (done.length === 0 || Date.now() - openedAt < maxMs)) {
        const job = this.#queue.shift()!;
        try {
          if (!begun) await run('begin', SAVEPOINT);
          else await releaseOrUndo([SAVEPOINT]);
          begun = true;
        } catch (error) {
          job.started.reject(error);
          throw error;
        }
        laneOf.set(job, conn);
        job.started.resolve();
        if (await job.finished.promise) {
          done.push(job);
          toRelease = job;
        } else {
          try {
            await run(ROLLBACK_TO, RELEASE);
          } catch (error) {
            job.rolledBack.reject(error);
            throw error;
          }
          job.rolledBack.resolve();
        }
      }
      if (begun) await releaseOrUndo([]);
      if (begun) {
        const result = await conn.executeQuery<{ command?: string }>(CompiledQuery.raw('commit'));
        // PostgreSQL ends COMMIT with ROLLBACK when the transaction was aborted.
        if (result.rows[0]?.command === 'ROLLBACK') throw new Error('group commit: the batch was rolled back by the database');
      }
      for (const job of done) job.committed.resolve();
      this.#options.onBatch?.(done.length);
    } catch (error) {
      if (begun) await conn.executeQuery(CompiledQuery.raw('rollback')).catch(() => {});
      for (const job of done) job.committed.reject(error);
    } finally {
      await this.#inner.releaseConnection(conn);
    }
  }
}

/** Which real connection a started job runs on (set by the batch just before it starts it). */
const laneOf = new WeakMap<Job, DatabaseConnection>();

/**
 * What Kysely holds as "the connection": inside a queued transaction its queries go to the
 * batch's connection; outside one they take a real connection of their own on first use and
 * keep it until Kysely releases this stand-in (so `db.connection()` keeps one session).
 */
class StandIn implements DatabaseConnection {
  readonly #inner: Driver;
  real: DatabaseConnection | null = null;
  job: Job | null = null;
  standalone = false;

  constructor(inner: Driver) {
    this.#inner = inner;
  }

  async realConnection(): Promise<DatabaseConnection> {
    this.real ??= await this.#inner.acquireConnection();
    return this.real;
  }

  target(): DatabaseConnection {
    const lane = this.job ? laneOf.get(this.job) : undefined;
    const target = lane ?? this.real;
    if (!target) throw new Error('group commit: a savepoint outside a transaction');
    return target;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const lane = this.job ? laneOf.get(this.job) : undefined;
    if (lane) return lane.executeQuery<R>(compiledQuery);
    return (await this.realConnection()).executeQuery<R>(compiledQuery);
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    const lane = this.job ? laneOf.get(this.job) : undefined;
    yield* (lane ?? (await this.realConnection())).streamQuery<R>(compiledQuery, chunkSize);
  }

  async release(): Promise<void> {
    const real = this.real;
    this.real = null;
    this.standalone = false;
    if (real) await this.#inner.releaseConnection(real);
  }
}
