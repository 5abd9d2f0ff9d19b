import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import type { AppError } from '../../../../types/errors';
import { setProfile, useProfile } from '../../../account/profile';
import { groupByStreet, loadRegions } from '../../../account/regions';
import { call } from '../../../cloud/client';
import { toAppError } from '../../../cloud/errors';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../../components/states';
import { useRemote } from '../../../hooks/use-remote';
import { goBackOr } from '../../../platform/navigation';
import { useSession } from '../../../hooks/use-session';
import { ROUTES } from '../../../routes';
import './index.scss';

/**
 * 选择所在社区: every community of the district under its street, as a plain list of big
 * rows rather than a picker wheel, which is hard to stop at the right line.
 */
export default function CommunityPage() {
  const session = useSession();
  const { profile } = useProfile();
  const regions = useRemote(loadRegions, []);
  const groups = useMemo(() => groupByStreet(regions.data ?? []), [regions.data]);
  const [saving, setSaving] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ id: string; error: AppError } | null>(null);

  const choose = async (id: string) => {
    if (saving) return;
    setSaving(id);
    setFailed(null);
    try {
      setProfile(await call('users.updateProfile', { homeCommunityId: id }));
      // Back to where the resident came from, which shows the new community.
      await goBackOr(ROUTES.me);
    } catch (e) {
      setFailed({ id, error: toAppError(e) });
    } finally {
      setSaving(null);
    }
  };

  let body;
  if (regions.status === 'loading' && !regions.data) body = <LoadingState />;
  else if (regions.status === 'error' && !regions.data) body = <ErrorState error={regions.error} onRetry={regions.reload} />;
  else if (groups.length === 0)
    body = <EmptyState title="还没有社区可选" description="社区信息还没有录入，请稍后再来，或联系社区工作人员。" />;
  else
    body = groups.map((group) => (
      <View key={group.id ?? group.name} className="lt-community__group">
        <Text className="lt-community__street">{group.name}</Text>
        <View className="lt-card lt-community__list">
          {group.communities.map((c) => {
            const current = profile?.homeCommunityId === c.id;
            return (
              <View key={c.id}>
                <View
                  className={`lt-community__row${current ? ' lt-community__row--current' : ''}`}
                  role="button"
                  aria-pressed={current}
                  onClick={() => void choose(c.id)}
                >
                  <Text className="lt-community__name">{c.name}</Text>
                  <Text className="lt-community__state">
                    {saving === c.id ? '正在保存…' : current ? '✓ 当前' : '选择'}
                  </Text>
                </View>
                {failed?.id === c.id ? <InlineError error={failed.error} /> : null}
              </View>
            );
          })}
        </View>
      </View>
    ));

  const signedIn = session.status === 'signedIn';
  return (
    <Page>
      {signedIn ? (
        <Text className="lt-body lt-muted lt-community__intro">
          选好后，首页会显示这个社区的公告和活动。点社区名字即可保存。
        </Text>
      ) : (
        <SignInPrompt reason="登录后才能保存您所在的社区。" />
      )}
      {body}
    </Page>
  );
}
