import type { ReactNode } from 'react';
import { useProfile } from '../account/profile';
import { SignInPrompt } from '../components/sign-in-prompt';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { useSession } from '../hooks/use-session';
import { reloadProfile } from '../account/profile';

/**
 * The workbench pages' door: signed in, and (with `staffOnly`) holding a staff role now.
 * Residents never see staff tools; what they would see is said plainly instead.
 */
export function Gate({ reason, staffOnly, children }: { reason: string; staffOnly?: boolean; children: () => ReactNode }) {
  const session = useSession();
  const { status, profile, error } = useProfile();
  if (session.status === 'restoring' || session.status === 'signingIn') return <LoadingState text="正在登录，请稍候…" />;
  if (session.status !== 'signedIn') return <SignInPrompt reason={reason} />;
  if (!profile) {
    if (status === 'error') return <ErrorState error={error} onRetry={() => void reloadProfile()} />;
    return <LoadingState />;
  }
  if (staffOnly && profile.roles.length === 0) return <EmptyState title="这是社区工作人员的工作台" description="居民的服务都在“服务”和“我的”里。" />;
  return <>{children()}</>;
}
