import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession, type SessionState } from '../cloud/session';

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
