import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Profile } from '../../../types/users';
import { PhoneBinding } from '../../account/components/phone-binding';
import { reloadProfile, signOut, useProfile } from '../../account/profile';
import { describeRoles, loadRegions } from '../../account/regions';
import { BookingEntries } from '../../bookings/me-entries';
import { ActionButton } from '../../components/action-button';
import { Avatar } from '../../components/avatar';
import { CareModeSetting } from '../../components/care-mode-setting';
import { InfoRow } from '../../components/info-row';
import { Page } from '../../components/page';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { ErrorState, LoadingState } from '../../components/states';
import { useRemote } from '../../hooks/use-remote';
import { useSession } from '../../hooks/use-session';
import { worksEvents } from '../../events/staff-events';
import { HonorEntries } from '../../honors/me-entries';
import { ElderCardEntries } from '../../elder/me-entries';
import { VolunteerEntries } from '../../volunteers/me-entries';
import { NoticeSettings } from '../../notifications/components/notice-settings';
import { PetitionEntries } from '../../petitions/me-entries';
import { ROUTES } from '../../routes';
import './index.scss';

export default function MePage() {
  const session = useSession();
  const { status, profile, error } = useProfile();

  // Another page may have changed the profile (or the host did); show the current one.
  useDidShow(() => {
    if (session.status === 'signedIn' && status !== 'loading') void reloadProfile();
  });
  usePullDownRefresh(() => {
    const done = () => void Taro.stopPullDownRefresh();
    if (session.status === 'signedIn') void reloadProfile().finally(done);
    else done();
  });

  let account;
  if (profile && (session.status === 'signedIn' || session.status === 'signingIn')) {
    // A silent re-login (after a 211) keeps the page as it is.
    account = <Account profile={profile} />;
  } else if (session.status === 'restoring' || session.status === 'signingIn') {
    account = <LoadingState text="正在登录，请稍候…" />;
  } else if (session.status !== 'signedIn') {
    account = <SignInPrompt />;
  } else if (status === 'error') {
    account = <ErrorState error={error} onRetry={() => void reloadProfile()} />;
  } else {
    account = <LoadingState />;
  }

  return (
    <Page tab="me">
      {account}
      <CareModeSetting />
      <InfoRow
        label="个人信息怎么用、怎么删除"
        value="隐私保护指引"
        action="查看"
        onClick={() => void Taro.navigateTo({ url: ROUTES.privacyPolicy })}
      />
    </Page>
  );
}

function Account({ profile }: { profile: Profile }) {
  return (
    <View>
      <ProfileCard profile={profile} />
      <InfoRow
        label="所在社区"
        value={profile.homeCommunityName ?? '还没有选择'}
        action={profile.homeCommunityName ? '更改' : '选择'}
        onClick={() => void Taro.navigateTo({ url: ROUTES.community })}
      />
      <PhoneBinding profile={profile} />
      <NoticeSettings />
      <InfoRow label="我报名的活动" value="我的活动和签到码" action="查看" onClick={() => void Taro.navigateTo({ url: ROUTES.myEvents })} />
      {/* Staff tools show only to those holding a staff role; residents never see them. */}
      {worksEvents(profile.roles) ? (
        <InfoRow label="工作人员" value="工作台" action="打开" onClick={() => void Taro.navigateTo({ url: ROUTES.staffWorkbench })} />
      ) : null}
      <InfoRow label="看到隐患或问题" value="随手拍" action="上报" onClick={() => void Taro.navigateTo({ url: ROUTES.gridReport })} />
      <BookingEntries profile={profile} />
      <PetitionEntries profile={profile} />
      <HonorEntries profile={profile} />
      <VolunteerEntries profile={profile} />
      <ElderCardEntries profile={profile} />
      <InfoRow
        label="工作人员邀请码"
        value="社区管理员据此为您开通工作人员功能"
        action="出示"
        onClick={() => void Taro.navigateTo({ url: ROUTES.inviteCode })}
      />
      <AccountActions />
    </View>
  );
}

function ProfileCard({ profile }: { profile: Profile }) {
  // Places are needed only to say where a staff role is held.
  const regions = useRemote(
    () => (profile.roles.length > 0 ? loadRegions() : Promise.resolve([])),
    [profile.roles.length],
  );
  const roles = describeRoles(profile.isResident, profile.roles, regions.data ?? []);
  return (
    <View className="lt-card lt-me__profile">
      <Avatar name={profile.nickname} photoUrl={profile.avatarUrl} alt={`${profile.nickname}的头像`} fallback="邻" className="lt-me__avatar" />
      <View className="lt-me__who">
        <Text className="lt-headline">{profile.nickname}</Text>
        <Text className="lt-body lt-muted">{roles.join('、')}</Text>
      </View>
    </View>
  );
}

/** 退出登录 asks once more in the page itself (no pop-up); 注销账号 has its own page. */
function AccountActions() {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  if (confirming) {
    return (
      <View className="lt-card" role="alert">
        <Text className="lt-card__title">确定要退出登录吗？</Text>
        <Text className="lt-body lt-muted">退出后，需要重新登录才能查看您的资料。</Text>
        <View className="lt-stack lt-gap-top">
          <ActionButton
            tone="danger"
            loading={busy}
            onClick={() => {
              setBusy(true);
              void signOut().finally(() => {
                setBusy(false);
                setConfirming(false);
              });
            }}
          >
            确定退出登录
          </ActionButton>
          <ActionButton tone="secondary" onClick={() => setConfirming(false)}>
            不退出
          </ActionButton>
        </View>
      </View>
    );
  }
  return (
    <View className="lt-card lt-stack">
      <ActionButton tone="secondary" onClick={() => setConfirming(true)}>
        退出登录
      </ActionButton>
      <ActionButton tone="secondary" onClick={() => void Taro.navigateTo({ url: ROUTES.deleteAccount })}>
        注销账号
      </ActionButton>
    </View>
  );
}
