import type { z } from 'zod';
import type { Access } from './access';

/**
 * A cloud function's contract: its name, what it takes, what it gives back and who may
 * call it. The mini-program, the console and the host all read the same object; the host
 * adds the handler (cloud/core/define-function.ts).
 *
 * `kind` says whether the call changes anything: commands are rate-limited as writes.
 */
export interface Contract<Name extends string, Input extends z.ZodType, Output, A extends Access = Access> {
  readonly name: Name;
  readonly summary: string;
  readonly kind: 'query' | 'command';
  readonly access: A;
  readonly input: Input;
  /** Type-only: never read at run time. */
  readonly output: Output;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyContract = Contract<string, z.ZodType, any, Access>;

/**
 * @example
 * export const listCommunities = defineContract({
 *   name: 'communities.list', summary: '街道与社区', kind: 'query', access: PUBLIC,
 *   input: z.object({}),
 * }).returns<Region[]>();
 */
export function defineContract<Name extends string, Input extends z.ZodType, const A extends Access>(spec: {
  name: Name;
  summary: string;
  kind: 'query' | 'command';
  access: A;
  input: Input;
}) {
  return {
    returns<Output>(): Contract<Name, Input, Output, A> {
      return { ...spec, output: undefined as Output };
    },
  };
}

export type InputOf<C extends AnyContract> = z.input<C['input']>;
export type ParsedInputOf<C extends AnyContract> = z.output<C['input']>;
export type OutputOf<C extends AnyContract> = C['output'];
