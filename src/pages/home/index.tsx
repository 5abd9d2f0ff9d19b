import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useProfile } from '../../account/profile';
import { EntryGrid, type Entry } from '../../components/entry-tile';
import { Page } from '../../components/page';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { useSession } from '../../hooks/use-session';
import { ROUTES } from '../../routes';
import { useCareMode } from '../../theme/care-mode';
import './index.scss';

/** The four things residents come for most, large on the care-mode home. */
// Hints stay within one line of a half-width tile in 长辈模式 (about six characters).
const ENTRIES: readonly Entry[] = [
  { key: 'events', title: '活动报名', hint: '即将上线', onOpen: () => void Taro.switchTab({ url: ROUTES.events }) },
  { key: 'services', title: '办事服务', hint: '即将上线', onOpen: () => void Taro.switchTab({ url: ROUTES.services }) },
  { key: 'community', title: '我的社区', hint: '选择社区', onOpen: () => void Taro.navigateTo({ url: ROUTES.community }) },
  { key: 'me', title: '我的', hint: '资料和设置', onOpen: () => void Taro.switchTab({ url: ROUTES.me }) },
];

export default function HomePage() {
  const care = useCareMode();
  const session = useSession();
  const { profile } = useProfile();
  const signedOut = session.status === 'signedOut' || session.status === 'failed';

  const signIn = signedOut ? (
    <SignInPrompt reason="登录后可以选择您所在的社区，以后会收到社区的通知和活动。" />
  ) : null;

  // 长辈模式: the four big entries come straight after the greeting, nothing else first.
  return (
    <Page tab="home">
      <View className="lt-card">
        <Text className="lt-headline">{profile ? `${profile.nickname}，您好` : '欢迎使用邻里通'}</Text>
        {profile?.homeCommunityName ? (
          <Text className="lt-body lt-muted">您的社区：{profile.homeCommunityName}</Text>
        ) : profile ? (
          <View className="lt-link" onClick={() => void Taro.navigateTo({ url: ROUTES.community })}>
            还没有选择社区，点这里选择
          </View>
        ) : null}
        {/* At the top, because whoever needs it cannot read further down. */}
        {care.enabled ? null : (
          <View className="lt-link lt-home__care-link" onClick={() => care.setEnabled(true)}>
            字太小？点这里打开长辈模式
          </View>
        )}
      </View>

      {care.enabled ? null : signIn}
      <EntryGrid entries={ENTRIES} />
      {care.enabled ? signIn : null}

      <View className="lt-card lt-card--notice">
        <Text className="lt-card__title">正在建设</Text>
        <Text className="lt-body">
          社区公告、活动报名、功能室和办事大厅预约、信访代办正在建设中，上线后会在这里显示您所在社区的内容。
        </Text>
      </View>
    </Page>
  );
}
