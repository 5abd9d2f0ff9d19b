import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { AppError } from '../../types/errors';
import { call } from '../cloud/client';
import { toAppError } from '../cloud/errors';
import { rememberPledgeCount } from './pledge-counts';

/** What a campaign's pledge box shows. */
export interface PledgeState {
  count: number;
  pledgedByMe: boolean;
  saving: boolean;
  /** A signed-out reader tapped 我承诺: the box says how to sign in. */
  askedToSignIn: boolean;
  error: AppError | null;
}

export type PledgeAction =
  /** The article arrived (again) from the host, which remembers who pledged. */
  | { type: 'loaded'; count: number; pledgedByMe: boolean }
  | { type: 'tapped'; signedIn: boolean }
  | { type: 'saved'; count: number }
  | { type: 'failed'; error: AppError };

export function initialPledgeState(pledge: { count: number; pledgedByMe: boolean }): PledgeState {
  return { count: pledge.count, pledgedByMe: pledge.pledgedByMe, saving: false, askedToSignIn: false, error: null };
}

/**
 * A pledge is once per resident, and the host keeps it so (a second one counts nothing),
 * so a tap after it was made, or while it is on its way, does nothing here either.
 */
export function pledgeReducer(state: PledgeState, action: PledgeAction): PledgeState {
  switch (action.type) {
    case 'loaded':
      // While a pledge is on its way the reload may not include it yet; its answer will.
      if (state.saving || (state.count === action.count && state.pledgedByMe === action.pledgedByMe)) return state;
      return { ...state, count: action.count, pledgedByMe: action.pledgedByMe };
    case 'tapped':
      if (state.pledgedByMe || state.saving) return state;
      if (!action.signedIn) return { ...state, askedToSignIn: true, error: null };
      return { ...state, saving: true, askedToSignIn: false, error: null };
    case 'saved':
      // The host's count includes everyone who pledged meanwhile, not only this one.
      return { ...state, count: action.count, pledgedByMe: true, saving: false, error: null };
    case 'failed':
      return { ...state, saving: false, error: action.error };
  }
}

/**
 * The pledge of one campaign: its count, whether this reader has pledged, and `pledge()`
 * for the 我承诺 button.
 *
 * @example const p = usePledge(article.id, article.pledge, session.status === 'signedIn');
 */
export function usePledge(articleId: string, pledge: { count: number; pledgedByMe: boolean }, signedIn: boolean) {
  const [state, dispatch] = useReducer(pledgeReducer, pledge, initialPledgeState);
  const current = useRef(state);
  current.current = state;

  // A new answer from the host (a reload, or the reader signed in) replaces what is shown.
  useEffect(() => {
    dispatch({ type: 'loaded', count: pledge.count, pledgedByMe: pledge.pledgedByMe });
  }, [pledge]);

  const pledgeNow = useCallback(async () => {
    const before = current.current;
    if (before.pledgedByMe || before.saving) return;
    dispatch({ type: 'tapped', signedIn });
    if (!signedIn) return;
    // The reducer's `saving` is seen only after a render; a second tap in the same tick
    // must not send a second request.
    current.current = { ...before, saving: true };
    try {
      const answer = await call('articles.pledge', { id: articleId });
      rememberPledgeCount(articleId, answer.count);
      dispatch({ type: 'saved', count: answer.count });
    } catch (error) {
      dispatch({ type: 'failed', error: toAppError(error) });
    }
  }, [articleId, signedIn]);

  return { ...state, askedToSignIn: state.askedToSignIn && !signedIn, pledge: pledgeNow };
}
