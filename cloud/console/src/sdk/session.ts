import { useSyncExternalStore } from 'react';
import type { Profile } from '../../../../types/users';
import { getAV } from './av';
import { call, onSessionLost } from './client';
import { toAppError } from './errors';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedOut'; notice: string | null }
  | { status: 'signedIn'; profile: Profile };

let state: SessionState = { status: 'restoring' };
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, () => state);
}

onSessionLost(() => {
  void getAV().User.logOut();
  setState({ status: 'signedOut', notice: '登录已失效，请重新登录' });
});

/**
 * On load: the SDK keeps the signed-in user in localStorage; `users.me` both checks that
 * the session still holds and brings the roles the menu is built from.
 */
export async function restoreSession(): Promise<void> {
  if (!getAV().User.current()) {
    setState({ status: 'signedOut', notice: null });
    return;
  }
  try {
    const profile = await call('users.me', {});
    setState(isConsoleUser(profile) ? { status: 'signedIn', profile } : { status: 'signedOut', notice: NOT_AN_ADMIN });
  } catch (error) {
    const e = toAppError(error);
    if (e.kind !== 'SESSION_INVALID') setState({ status: 'signedOut', notice: e.message });
  }
}

const NOT_AN_ADMIN = '这个账号没有管理后台的权限，请联系区级管理员';

/** Whether an account may use the console at all: it holds an admin role somewhere. */
export function isConsoleUser(profile: Profile): boolean {
  return profile.roles.some((g) => g.role === 'communityAdmin' || g.role === 'districtAdmin');
}

/** `POST /1.1/login` through the SDK; rejects with an AppError (wrong password, locked). */
export async function signIn(username: string, password: string): Promise<void> {
  try {
    // A dead session left in storage would ride along on the login (X-LC-Session): drop it first.
    if (getAV().User.current()) await getAV().User.logOut();
    await getAV().User.logIn(username, password);
  } catch (error) {
    throw toAppError(error);
  }
  const profile = await call('users.me', {});
  if (!isConsoleUser(profile)) {
    await signOut(NOT_AN_ADMIN);
    return;
  }
  setState({ status: 'signedIn', profile });
}

/** Ends the session on the host too: `logOut()` alone never reaches the server. */
export async function signOut(notice: string | null = null): Promise<void> {
  await call('auth.logout', {}).catch(() => undefined);
  await getAV().User.logOut();
  setState({ status: 'signedOut', notice });
}

