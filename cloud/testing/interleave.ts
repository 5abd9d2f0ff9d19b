import type { SessionUser } from '../core/define-function';
import type { Services } from '../core/services';
import { grantsOf } from '../roles/roles.storage';
import { sameBatchingAs } from '../storage/dialect';
import type { Client } from './linli';

/**
 * The services a handler runs with, except that its first write — a transaction, or a single
 * insert, update or delete statement — starts only after `between` has finished: the
 * handler's own checks have run on the state before, its write meets the state after. For
 * tests of a check-then-write gap, on SQLite and PostgreSQL alike.
 *
 * @example
 * const services = interleaved(linli.services, () => admin.call('events.cancel', { id, reason }));
 * await registerForEvent.handler({ eventId: id }, { services, caller: residentOf(client), ip: '127.0.0.1' });
 */
export function interleaved(services: Services, between: () => Promise<unknown>): Services & { interleaved(): boolean } {
  let ran = false;
  const once = async () => {
    if (!ran) {
      ran = true;
      await between();
    }
  };
  const db = new Proxy(services.db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return () => {
          const builder = target.transaction();
          return {
            async execute<T>(fn: Parameters<typeof builder.execute<T>>[0]): Promise<T> {
              await once();
              return builder.execute(fn);
            },
          };
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      // A compiled statement (cloud/storage/compiled-query.ts) that writes counts as a write too.
      if (prop === 'executeQuery') {
        return async (query: { sql?: string; compile?: () => { sql: string } }) => {
          if (WRITE_TEXT.test(query.sql ?? query.compile?.().sql ?? '')) await once();
          return bound(query);
        };
      }
      return WRITES.has(prop) ? (...args: unknown[]) => deferred(bound(...args) as object, once) : bound;
    },
  });
  sameBatchingAs(db, services.db);
  return { ...services, db, interleaved: () => ran };
}

const WRITES = new Set<string | symbol>(['insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto']);
/** SQL that writes: a statement led by a write, or a WITH holding one. */
const WRITE_TEXT = /^\s*(insert|update|delete|replace|merge)\b|^\s*with\b[\s\S]*\b(insert\s+into|update\s+"?\w+"?\s+set|delete\s+from)\b/i;

/** A statement builder whose `execute…` waits for `before`; every builder it returns does too. */
function deferred<T extends object>(builder: T, before: () => Promise<void>): T {
  return new Proxy(builder, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (typeof prop === 'string' && prop.startsWith('execute')) {
        return async (...args: unknown[]) => {
          await before();
          return fn.apply(target, args);
        };
      }
      return (...args: unknown[]) => {
        const out = fn.apply(target, args);
        return out && typeof out === 'object' && 'execute' in out ? deferred(out, before) : out;
      };
    },
  });
}

/** A signed-in resident (no roles) as a handler sees them. */
export function residentOf(client: Client): SessionUser {
  return { id: client.userId!, isResident: true, grants: [], sessionHash: 'test' };
}

/** A signed-in staff member as a handler sees them: their roles as stored at this moment. */
export async function staffOf(services: Services, client: Client): Promise<SessionUser> {
  return { id: client.userId!, isResident: true, grants: await grantsOf(services.db, client.userId!), sessionHash: 'test' };
}
