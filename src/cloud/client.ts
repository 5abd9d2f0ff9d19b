import type { FunctionInput, FunctionName, FunctionOutput } from '../../types';
import { getAV } from './av';
import { toAppError } from './errors';
import { canReLogin, reLogin } from './session';

export interface CallOptions {
  /** false for calls where a fresh session would be pointless, e.g. signing out. */
  reLogin?: boolean;
}

/**
 * Calls a cloud function by name with its typed input; resolves to its typed output or
 * rejects with an `AppError` whose message can be shown to the resident as is.
 *
 * A 211 (session expired or revoked) signs in again silently and retries once: a
 * resident who left the mini-program open for a month should not see an error for it.
 *
 * @example const profile = await call('users.me', {});
 */
export async function call<N extends FunctionName>(
  name: N,
  input: FunctionInput<N>,
  options: CallOptions = {},
): Promise<FunctionOutput<N>> {
  try {
    return await run(name, input);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.kind !== 'SESSION_INVALID' || options.reLogin === false || !canReLogin()) throw appError;
    try {
      await reLogin();
    } catch (loginError) {
      // Say why signing in failed (no network, WeChat down), not only that it was needed.
      throw toAppError(loginError);
    }
    try {
      return await run(name, input);
    } catch (retryError) {
      throw toAppError(retryError);
    }
  }
}

async function run<N extends FunctionName>(name: N, input: FunctionInput<N>): Promise<FunctionOutput<N>> {
  return (await (await getAV()).Cloud.run(name, input)) as FunctionOutput<N>;
}
