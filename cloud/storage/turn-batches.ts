import DataLoader from 'dataloader';
import type { Db } from './dialect';

/** Loads of one statement at most; more in one turn go in several. */
const MAX_BATCH = 500;

/**
 * One read that every request makes (the session check, the lists' versions), sent as ONE
 * statement for all the requests of a turn of the event loop instead of one each: on
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
export function turnBatches<K, V>(read: (db: Db, keys: readonly K[]) => Promise<readonly V[]>): (db: Db, key: K) => Promise<V> {
  const loaders = new WeakMap<Db, DataLoader<K, V>>();
  return (db, key) => {
    let loader = loaders.get(db);
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => read(db, keys), { cache: false, maxBatchSize: MAX_BATCH, batchScheduleFn: (send) => setImmediate(send) });
      loaders.set(db, loader);
    }
    return loader.load(key);
  };
}
