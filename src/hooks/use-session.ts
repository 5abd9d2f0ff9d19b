import { useState, useSyncExternalStore } from 'react';
import { getSession, subscribeSession, type SessionState } from '../cloud/session';

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}

/**
 * Whether the session has settled (restored or signed in or out) at least once: a page whose
 * first load depends on who is looking (已点赞, 您已承诺) waits for it, and later sign-ins
 * reload in place instead of blanking the page.
 */
export function useSessionSettledOnce(): boolean {
  const session = useSession();
  const settled = session.status !== 'restoring' && session.status !== 'signingIn';
  const [once, setOnce] = useState(settled);
  if (settled && !once) setOnce(true);
  return once || settled;
}
