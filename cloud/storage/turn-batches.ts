import DataLoader from 'dataloader';
import { sql } from 'kysely';
import { isPostgres, type Db } from './dialect';

/** Loads of one statement at most; more in one turn go in several. */
const MAX_BATCH = 500;

/**
 * A statement that many requests make alike (the session check, the lists' versions, the
 * profile users.me shows, an exact rate-limit count), sent as ONE statement for all the
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
        // The batch in flight, or a settled promise: the next batch is sent after it settled,
        // and collects every load asked meanwhile.
        let inFlight: Promise<unknown> = Promise.resolve();
        loader = new DataLoader<K, V>(
          (keys) => {
            const answers = read(db, keys);
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
