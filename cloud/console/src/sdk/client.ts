import type { FunctionInput, FunctionName, FunctionOutput } from '../../../../types';
import { getAV } from './av';
import { toAppError } from './errors';

type Listener = () => void;
const sessionLost = new Set<Listener>();

/** Called when the host says the session is gone (211): the console shows the sign-in page. */
export function onSessionLost(listener: Listener): () => void {
  sessionLost.add(listener);
  return () => sessionLost.delete(listener);
}

/**
 * Calls a cloud function by name with its typed input, as the signed-in admin; resolves to
 * its typed output or rejects with an `AppError` whose message can be shown as is.
 *
 * Unlike the mini-program there is no silent re-login: a console account signs in with a
 * password, so a lost session (211) sends the admin back to the sign-in page.
 *
 * @example const counts = await call('admin.queueCounts', {});
 */
export async function call<N extends FunctionName>(name: N, input: FunctionInput<N>): Promise<FunctionOutput<N>> {
  try {
    return (await getAV().Cloud.run(name, input as Record<string, unknown>)) as FunctionOutput<N>;
  } catch (error) {
    const appError = toAppError(error);
    if (appError.kind === 'SESSION_INVALID') sessionLost.forEach((listener) => listener());
    throw appError;
  }
}

/** The signed-in admin's session token, for the few requests that are not function calls. */
export function sessionToken(): string | null {
  return getAV().User.current()?.getSessionToken() ?? null;
}
