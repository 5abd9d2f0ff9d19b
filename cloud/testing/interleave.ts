import type { SessionUser } from '../core/define-function';
import type { Services } from '../core/services';
import type { Client } from './linli';

/**
 * The services a handler runs with, except that its first transaction starts only after
 * `between` has finished: the handler's own checks have run on the state before, its write
 * meets the state after. For tests of a check-then-write gap, on SQLite and PostgreSQL alike.
 *
 * @example
 * const services = interleaved(linli.services, () => admin.call('events.cancel', { id, reason }));
 * await registerForEvent.handler({ eventId: id }, { services, caller: residentOf(client), ip: '127.0.0.1' });
 */
export function interleaved(services: Services, between: () => Promise<unknown>): Services & { interleaved(): boolean } {
  let ran = false;
  const db = new Proxy(services.db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return () => {
          const builder = target.transaction();
          return {
            async execute<T>(fn: Parameters<typeof builder.execute<T>>[0]): Promise<T> {
              if (!ran) {
                ran = true;
                await between();
              }
              return builder.execute(fn);
            },
          };
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { ...services, db, interleaved: () => ran };
}

/** A signed-in resident (no roles) as a handler sees them. */
export function residentOf(client: Client): SessionUser {
  return { id: client.userId!, isResident: true, grants: [], sessionHash: 'test' };
}
