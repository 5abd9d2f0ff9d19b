import { contracts, type AnyContract, type FunctionName } from '../types';
import type { CloudFunction } from './core/define-function';
import * as articles from './articles';
import * as auth from './auth';
import * as bookings from './bookings';
import * as communities from './communities';
import * as dashboard from './dashboard';
import * as elderCards from './elder-cards';
import * as events from './events';
import * as grid from './grid';
import * as honors from './honors';
import * as notifications from './notifications';
import * as petitions from './petitions';
import * as roles from './roles';
import * as screens from './screens';
import * as shares from './shares';
import * as users from './users';
import * as volunteers from './volunteers';

/**
 * Each domain's `index.ts` names its action files; nothing else lists them. The names live
 * only in the contracts (`types/index.ts`): the check below fails to compile when a contract
 * has no handler or a handler's contract is not among them.
 */
const domains = [
  articles,
  auth,
  bookings,
  communities,
  dashboard,
  elderCards,
  events,
  grid,
  honors,
  notifications,
  petitions,
  roles,
  screens,
  shares,
  users,
  volunteers,
] as const;

type Served<M> = M extends Record<string, { contract: AnyContract }> ? M[keyof M]['contract']['name'] : never;
type ServedNames = Served<(typeof domains)[number]>;
type Mismatch = {
  contractsWithoutHandler: Exclude<FunctionName, ServedNames>;
  handlersWithoutContract: Exclude<ServedNames, FunctionName>;
};
/** Compiles only while both sides are empty; the error names the function that breaks it. */
type Exact<M extends { contractsWithoutHandler: never; handlersWithoutContract: never }> = M;
export type ServesEveryContractExactly = Exact<Mismatch>;

/** Every cloud function the host serves, in the contracts' order. */
export const functions: CloudFunction[] = ((): CloudFunction[] => {
  const byName = new Map<string, CloudFunction>();
  for (const domain of domains) {
    for (const fn of Object.values(domain) as CloudFunction[]) {
      if (byName.has(fn.contract.name)) throw new Error(`two handlers for ${fn.contract.name}`);
      byName.set(fn.contract.name, fn);
    }
  }
  return contracts.flatMap((c) => byName.get(c.name) ?? []);
})();
