import { AppError } from '../../types/errors';
import { STORAGE_KEYS, readString, writeString } from '../platform/storage';
import { getAV } from './av';
import { toAppError } from './errors';

/**
 * How this build signs a resident in: WeChat's own login on weapp; in the H5 preview a
 * demo persona whose code (`dev:resident`, ...) only the fake WeChat accepts; otherwise
 * not at all (an H5 build for residents points them to the mini-program).
 */
export type SignInMethod = 'wechat' | 'persona' | 'none';
// A development weapp build offers the personas too: in WeChat DevTools against `npm start`,
// real wx.login codes mean nothing to the fake WeChat.
export const signInMethod: SignInMethod = LINLI_DEV_LOGIN ? 'persona' : process.env.TARO_ENV === 'weapp' ? 'wechat' : 'none';

export type SessionStatus = 'restoring' | 'signingIn' | 'signedIn' | 'signedOut' | 'failed';

export interface SessionState {
  status: SessionStatus;
  userId: string | null;
  /** Why the last sign-in failed, in words for the resident. */
  error: AppError | null;
}

let state: SessionState = { status: 'restoring', userId: null, error: null };
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export function getSession(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * On launch: the SDK keeps the signed-in user in storage, so a returning resident is
 * signed in without a request. A new one on weapp is signed in with WeChat silently,
 * unless they signed out themselves last time.
 */
export async function restoreSession(): Promise<void> {
  const current = (await getAV()).User.current();
  if (current) {
    setState({ status: 'signedIn', userId: current.id ?? null, error: null });
    return;
  }
  if (signInMethod === 'wechat' && !readString(STORAGE_KEYS.signedOut)) {
    await signInWithWechat().catch(() => undefined);
    return;
  }
  setState({ status: 'signedOut', userId: null, error: null });
}

/** The resident asked to sign in (or the app did for them on first launch). */
export function signInWithWechat(): Promise<void> {
  return signIn(async () => (await getAV()).User.loginWithMiniApp());
}

/** H5 preview only: sign in as a demo user through the same /1.1/users path as WeChat. */
export function signInAsPersona(code: string): Promise<void> {
  return signIn(async () => {
    const AV = await getAV();
    // lc_weapp's authData is just the login code; the SDK's type only knows OAuth shapes.
    const authData = { code } as unknown as Parameters<typeof AV.User.loginWithAuthData>[0];
    const user = await AV.User.loginWithAuthData(authData, 'lc_weapp');
    writeString(STORAGE_KEYS.devPersona, code);
    return user;
  });
}

async function signIn(login: () => Promise<{ id?: string }>): Promise<void> {
  setState({ status: 'signingIn', userId: null, error: null });
  try {
    const user = await login();
    writeString(STORAGE_KEYS.signedOut, null);
    setState({ status: 'signedIn', userId: user.id ?? null, error: null });
  } catch (error) {
    const appError = toAppError(error);
    setState({ status: 'failed', userId: null, error: appError });
    throw appError;
  }
}

/** Whether a 211 (session invalid) can be healed without asking the resident. */
export function canReLogin(): boolean {
  if (readString(STORAGE_KEYS.signedOut)) return false;
  if (signInMethod === 'wechat') return true;
  return signInMethod === 'persona' && readString(STORAGE_KEYS.devPersona) !== null;
}

let reLoginInFlight: Promise<void> | null = null;

/**
 * Signs in again after the host said the session is gone. Calls that fail together share
 * one login: wx.login codes are single-use, so parallel logins would waste all but one.
 */
export function reLogin(): Promise<void> {
  if (!reLoginInFlight) {
    const persona = readString(STORAGE_KEYS.devPersona);
    const login =
      signInMethod === 'wechat'
        ? signInWithWechat
        : signInMethod === 'persona' && persona
          ? () => signInAsPersona(persona)
          : () => Promise.reject(new AppError('SESSION_INVALID'));
    // The SDK sends the stored user's dead token with every request, the login included:
    // forget it first (logOut stays on the device), then sign in afresh.
    const attempt = (async () => {
      await (await getAV()).User.logOut();
      await login();
    })();
    reLoginInFlight = attempt.finally(() => {
      reLoginInFlight = null;
    });
  }
  return reLoginInFlight;
}

/**
 * Forgets the session on this device. The SDK's logOut never reaches the host: the
 * caller invalidates the session there first (auth.logout) when it still can.
 */
export async function endSession(): Promise<void> {
  writeString(STORAGE_KEYS.signedOut, '1');
  writeString(STORAGE_KEYS.devPersona, null);
  await (await getAV()).User.logOut();
  setState({ status: 'signedOut', userId: null, error: null });
}
