import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { RoleGrant } from '../../types/access';
import { reloadProfile, useProfile } from '../account/profile';
import { useSession } from '../hooks/use-session';
import { ActionButton } from './action-button';
import { Page } from './page';
import { SignInPrompt } from './sign-in-prompt';
import { EmptyState, ErrorState, LoadingState } from './states';

/**
 * The frame of a page for community staff (今日预约, 活动签到, 志愿者签到): sign-in first,
 * then the person's roles as the host tells them now; a resident who lands here is sent
 * to their own side of the same thing. The host still decides every call; this only
 * spares a resident a desk they cannot use.
 */
export function StaffPage({
  signInReason,
  allowed,
  elsewhere,
  children,
}: {
  /** Why to sign in, e.g. 社区工作人员登录后才能为居民签到。 */
  signInReason: string;
  allowed: (roles: readonly RoleGrant[]) => boolean;
  /** Where a resident finds their own side: the words and the page. */
  elsewhere: { description: string; label: string; url: string };
  children: (roles: readonly RoleGrant[]) => ReactNode;
}) {
  const session = useSession();
  const { status, profile, error } = useProfile();

  let body;
  if (session.status === 'restoring' || session.status === 'signingIn') body = <LoadingState />;
  else if (session.status !== 'signedIn') body = <SignInPrompt reason={signInReason} />;
  else if (!profile && status === 'error') body = <ErrorState error={error} onRetry={() => void reloadProfile()} />;
  else if (!profile) body = <LoadingState />;
  else if (!allowed(profile.roles)) {
    body = (
      <EmptyState
        title="这是社区工作人员用的页面"
        description={elsewhere.description}
        action={<ActionButton onClick={() => void Taro.redirectTo({ url: elsewhere.url })}>{elsewhere.label}</ActionButton>}
      />
    );
  } else body = children(profile.roles);

  return <Page>{body}</Page>;
}
