import DataLoader from 'dataloader';
import { sql } from 'kysely';
import { compiledQuery, compiledShapes } from './compiled-query';
import { isPostgres, type Db } from './dialect';
import type { Database } from './schema';

/** Loads of one statement at most; more in one turn go in several. */
const MAX_BATCH = 500;

/**
 * A statement that many requests make alike (the session check, the lists' versions, the
 * profile users.me shows, an exact rate-limit count; on PostgreSQL the sign-ups, the room
 * bookings, the facts a petition is filed on and the rows new petitions insert), sent as ONE statement for all the
 * requests of a turn of the event loop instead of one each: on
 * PostgreSQL each statement is a round trip to the server and a socket write; on SQLite each
 * signed request's check began and ended a read transaction of its own.
 *
 * A load waits for the end of the turn it was asked in (`setImmediate`: the requests Node parsed
 * from the sockets in that turn have all asked by then) and is answered by its batch's
 * statement, which is sent after every load of the batch was asked: each answer is the database
 * as it is after its request arrived, as a statement of its own would be. Nothing is cached
 * between batches. A failed statement fails every load of its batch, as it would have failed
 * each of them.
 *
 * One batcher per database handle: `read` is given the keys of a batch (in the order asked,
 * repeats kept) and answers one value per key, in the same order.
 */
export function turnBatches<K, V>(read: (db: Db, keys: readonly K[]) => Promise<readonly V[]>, options: TurnBatchOptions = {}): (db: Db, key: K) => Promise<V> {
  const loaders = new WeakMap<Db, DataLoader<K, V>>();
  const maxBatchSize = options.maxBatchSize ?? MAX_BATCH;
  return (db, key) => {
    let loader = loaders.get(db);
    if (!loader) {
      if (options.oneAtATime) {
        // The last batch sent, or a settled promise. A batch collects the loads asked until the
        // one before it settled, and its read starts only then: also when DataLoader opens the
        // next batch at once because this one is full (`maxBatchSize`), it reads after this one.
        let inFlight: Promise<unknown> = Promise.resolve();
        loader = new DataLoader<K, V>(
          (keys) => {
            const answers = inFlight.then(() => read(db, keys));
            inFlight = answers.catch(() => {});
            return answers;
          },
          { cache: false, maxBatchSize, batchScheduleFn: (send) => void inFlight.then(() => setImmediate(send)) },
        );
      } else {
        loader = new DataLoader<K, V>((keys) => read(db, keys), { cache: false, maxBatchSize, batchScheduleFn: (send) => setImmediate(send) });
      }
      loaders.set(db, loader);
    }
    return loader.load(key);
  };
}

export interface TurnBatchOptions {
  /**
   * One batch in flight at a time (per database handle): while its statement runs, the loads
   * asked meanwhile wait and go together in the next. For writes that lock the same rows (a
   * crowd signing up for one event), where two statements side by side would only queue on
   * the lock, each holding a pool connection.
   */
  oneAtATime?: boolean;
  /** Most loads in one statement (default 500). */
  maxBatchSize?: number;
}

/**
 * A batch's keys as ONE parameter of a compiled statement, whatever their number (so the
 * statement's text, and its prepared plan, is the same for every batch): `column` is one of
 * `list`, where `list` is what `boundKeys` made of the keys (PostgreSQL: an array; SQLite:
 * JSON text read by `json_each`).
 */
export function oneOfKeys(db: Db, column: string, list: unknown) {
  return isPostgres(db) ? sql<boolean>`${sql.ref(column)} = any(${list}::text[])` : sql<boolean>`${sql.ref(column)} in (select value from json_each(${list}))`;
}

export function boundKeys(db: Db, keys: readonly string[]): unknown {
  return isPostgres(db) ? [...new Set(keys)] : JSON.stringify([...new Set(keys)]);
}

/** New rows for some tables, by table, each row with every column of its table. */
export type NewRows = Partial<{ [T in keyof Database]: Array<{ [C in keyof Database[T]]: unknown }> }>;

interface RowsToInsert {
  rows: NewRows;
  /** Writes these rows alone (their own statement or transaction), if the turn's statement fails. */
  alone: () => Promise<void>;
}

/**
 * Tables whose new rows may already be there under a unique key that says "the same thing, once":
 * such a row is kept and not doubled (an outbox message's dedupe key).
 */
const KEPT_IF_THERE: Partial<Record<keyof Database, string>> = { outbox: 'dedupe_key' };

/**
 * Inserts `rows`: the rows that new records of one turn insert (a petition, its first timeline
 * entries, its messages) are written as ONE PostgreSQL statement for all the requests of the turn: a writable
 * CTE a table, each inserting the turn's rows from one JSON parameter (`jsonb_populate_recordset`
 * over the table's own row type, so every column comes in the table's order). The references
 * between them (an entry's petition) are checked when the statement ends, with all rows in.
 *
 * All or nothing, like each request's own statement: when it fails on the rows it was given
 * (`refusedForItsRows`), each request's rows are written alone (`alone`), so one bad request is
 * refused by itself and the others are stored. Any other failure (the database gone) fails
 * every request of the turn, as it would have failed each.
 */
const rowsOfTurn = turnBatches(async (db: Db, loads: readonly RowsToInsert[]): Promise<Array<undefined | Error>> => {
  const tables = [...new Set(loads.flatMap((l) => Object.keys(l.rows) as Array<keyof Database>))].sort();
  const values: Record<string, string> = {};
  for (const table of tables) values[table] = JSON.stringify(loads.flatMap((l): readonly unknown[] => l.rows[table] ?? []));
  try {
    await rowsStatement(tables).all(db, values);
  } catch (error) {
    if (!refusedForItsRows(error)) throw error;
    // Each request's own outcome: an Error in a load's place rejects that load alone (DataLoader).
    const outcomes = await Promise.allSettled(loads.map((l) => l.alone()));
    return outcomes.map((o) => (o.status === 'fulfilled' ? undefined : o.reason instanceof Error ? o.reason : new Error(String(o.reason))));
  }
  return loads.map(() => undefined);
});

/**
 * A turn's statement failed on what some request brought, not on the database: a value it
 * refuses (SQLSTATE class 22: a NUL in a text, a number out of range), a constraint (class 23:
 * a unique key another host took meanwhile, a missing reference), or a deadlock with another
 * host (40P01). Then each request is written alone, and only the one at fault is refused.
 */
export function refusedForItsRows(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  return /^2[23]/.test(code) || code === '40P01';
}

export async function insertedInTurn(db: Db, rows: NewRows, alone: () => Promise<void>): Promise<void> {
  await rowsOfTurn(db, { rows, alone });
}

const rowsStatement = compiledShapes((tables: Array<keyof Database>) =>
  compiledQuery((db, p: Record<string, string>) => {
    const inserts = tables.map((table) => {
      const kept = KEPT_IF_THERE[table];
      return sql`${sql.ref(`new_${table}`)} as (insert into ${sql.table(table)} select * from jsonb_populate_recordset(null::${sql.table(table)}, ${p[table]}::jsonb)${kept ? sql` on conflict (${sql.ref(kept)}) do nothing` : sql``})`;
    });
    const statement = sql`with ${sql.join(inserts)} select 1 as done`;
    return { compile: () => statement.compile(db) };
  }),
);

/**
 * Runs the tasks given for one key one after another in this process, and tasks of other keys
 * freely: the writes that go the long way on one row (an event, a room) take their turn here
 * instead of each holding a pool connection while it waits on the row's lock, which the other
 * requests' reads need. Other hosts' writes still meet at the lock.
 *
 * @example
 * const inTurn = oneAtATimePerKey();
 * await inTurn(eventId, () => registerInTransaction(db, r));
 */
export function oneAtATimePerKey(): <T>(key: string, run: () => Promise<T> | T) => Promise<T> {
  const turns = new Map<string, Promise<unknown>>();
  return async (key, run) => {
    const mine = (turns.get(key) ?? Promise.resolve()).then(run);
    const tail = mine.catch(() => {});
    turns.set(key, tail);
    try {
      return await mine;
    } finally {
      if (turns.get(key) === tail) turns.delete(key);
    }
  };
}
