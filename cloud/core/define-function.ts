import type { Access, AnyContract, Caller, OutputOf, ParsedInputOf, RoleGrant } from '../../types';
import type { ContentName, ContentVersions } from '../storage/content-versions';
import type { Services } from './services';

/** The signed-in user as a handler sees them. */
export interface SessionUser extends Caller {
  id: string;
  isResident: boolean;
  grants: RoleGrant[];
  /** sha256 of the session token the request came with. */
  sessionHash: string;
}

export interface FunctionContext<Signed extends boolean = boolean> {
  services: Services;
  caller: Signed extends true ? SessionUser : SessionUser | null;
  ip: string;
  /**
   * For a function that serves kept lists (`keptLists`): the lists' versions as this
   * request's session check read them (a signed request whose session this host had seen);
   * the kept list uses them instead of a statement of its own.
   */
  contentVersions?: ContentVersions;
}

type ContextFor<A extends Access> = FunctionContext<A extends { kind: 'public' } ? false : true>;

export interface CloudFunction<C extends AnyContract = AnyContract> {
  contract: C;
  handler(input: ParsedInputOf<C>, ctx: ContextFor<C['access']>): Promise<OutputOf<C>>;
  /** The kept lists (cloud/core/reply-cache.ts) the handler may serve: the session check reads their versions for it. */
  keptLists?: readonly ContentName[];
}

/**
 * Binds a contract from `types/` to its handler. The host has already checked the session,
 * the access rule and the input when the handler runs; a handler throws `AppError` for
 * anything a user did wrong and stays free of protocol code.
 *
 * @example
 * export default defineFunction(listCommunities, async (input, { services }) => listRegions(services.db, input));
 */
export function defineFunction<C extends AnyContract>(
  contract: C,
  handler: (input: ParsedInputOf<C>, ctx: ContextFor<C['access']>) => Promise<OutputOf<C>>,
  options: { keptLists?: readonly ContentName[] } = {},
): CloudFunction<C> {
  return { contract, handler, ...(options.keptLists && { keptLists: options.keptLists }) };
}
