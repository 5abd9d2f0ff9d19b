import { useEffect, useSyncExternalStore } from 'react';
import type { AppError } from '../../types/errors';
import type { Profile } from '../../types/users';
import { call } from '../cloud/client';
import { toAppError } from '../cloud/errors';
import { endSession, getSession, subscribeSession } from '../cloud/session';
import { useSession } from '../hooks/use-session';

export interface ProfileState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  profile: Profile | null;
  error: AppError | null;
}

/**
 * The signed-in resident's profile, shared by every page that shows it (首页's community,
 * 我的) so that a change saved on one page is what the others show.
 */
let state: ProfileState = { status: 'idle', profile: null, error: null };
let loadedFor: string | null = null;
let inFlight: Promise<void> | null = null;
const listeners = new Set<() => void>();

function setState(next: ProfileState): void {
  state = next;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// A different (or no) user means the cached profile is someone else's. A silent
// re-login of the same user keeps it.
subscribeSession(() => {
  const { status, userId } = getSession();
  const otherUser = status === 'signedIn' && loadedFor !== null && userId !== loadedFor;
  if (otherUser || status === 'signedOut') {
    loadedFor = null;
    setState({ status: 'idle', profile: null, error: null });
  }
});

export function reloadProfile(): Promise<void> {
  if (inFlight) return inFlight;
  const userId = getSession().userId;
  setState({ ...state, status: 'loading', error: null });
  inFlight = call('users.me', {})
    .then((profile) => {
      loadedFor = userId;
      setState({ status: 'ready', profile, error: null });
    })
    .catch((error: unknown) => {
      setState({ status: 'error', profile: state.profile, error: toAppError(error) });
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** After a command that answers with the new profile (updateProfile, bindPhone). */
export function setProfile(profile: Profile): void {
  loadedFor = getSession().userId;
  setState({ status: 'ready', profile, error: null });
}

/**
 * The profile, loaded when a signed-in page first asks for it. Pages call `reloadProfile`
 * on show when they want it fresh.
 */
export function useProfile(): ProfileState {
  const session = useSession();
  const current = useSyncExternalStore(subscribe, () => state, () => state);
  useEffect(() => {
    if (session.status === 'signedIn' && current.status === 'idle') void reloadProfile();
  }, [session.status, current.status]);
  return current;
}

/** 退出登录: ends the session on the host too, so a copied token stops working. */
export async function signOut(): Promise<void> {
  try {
    await call('auth.logout', {}, { reLogin: false });
  } catch {
    // Offline or already expired: the session is still forgotten here, which is what
    // the resident asked for; the host expires it on its own.
  }
  await endSession();
}

/** 注销账号: the host deletes the account and its personal data, then we forget it here. */
export async function deleteAccount(): Promise<void> {
  await call('users.deleteAccount', { confirm: '注销' });
  await endSession();
}
