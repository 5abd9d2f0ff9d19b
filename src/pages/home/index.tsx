import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import { reloadProfile, useProfile } from '../../account/profile';
import { ArticleRow } from '../../articles/components/article-row';
import { feedScope, loadHomeFeed } from '../../articles/feed';
import { EntryGrid, type Entry } from '../../components/entry-tile';
import { Page } from '../../components/page';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { ErrorState, LoadingState } from '../../components/states';
import { useRemote } from '../../hooks/use-remote';
import { useSession } from '../../hooks/use-session';
import { ROUTES } from '../../routes';
import { useCareMode } from '../../theme/care-mode';
import './index.scss';

/** The four things residents come for most; the only tiles, and large, on the care-mode home. */
// Hints stay within one line of a half-width tile in 长辈模式 (about six characters).
const ENTRIES: readonly Entry[] = [
  { key: 'articles', title: '社区资讯', hint: '通知和倡议', onOpen: () => void Taro.navigateTo({ url: ROUTES.articles }) },
  { key: 'events', title: '活动报名', hint: '义诊讲座理发', onOpen: () => void Taro.switchTab({ url: ROUTES.events }) },
  { key: 'services', title: '预约办事', hint: '功能室和大厅', onOpen: () => void Taro.switchTab({ url: ROUTES.services }) },
  // The form offers 信访代办 as its other choice (packages/petitions/submit).
  { key: 'petitions', title: '我要反映', hint: '信访代办', onOpen: () => void Taro.navigateTo({ url: `${ROUTES.petitionSubmit}?kind=request` }) },
];

/** Two more tiles for the standard home; 长辈模式 lists them as links further down instead. */
const MORE_ENTRIES: readonly Entry[] = [
  { key: 'honors', title: '光荣榜', hint: '好人好事', onOpen: () => void Taro.navigateTo({ url: ROUTES.honors }) },
  { key: 'thanks', title: '感谢墙', hint: '锦旗与感谢', onOpen: () => void Taro.navigateTo({ url: ROUTES.thanksWall }) },
];

export default function HomePage() {
  const care = useCareMode();
  const session = useSession();
  const profileState = useProfile();
  const { profile } = profileState;
  const signedOut = session.status === 'signedOut' || session.status === 'failed';
  const scope = feedScope(session.status, profileState);

  const signIn = signedOut ? (
    <SignInPrompt reason="登录后可以选择您所在的社区，首页就会显示您社区的通知和活动。" />
  ) : null;

  // 长辈模式: the four big entries come straight after the greeting, nothing else first.
  return (
    <Page tab="home">
      <View className="lt-card">
        <Text className="lt-headline">{profile ? `${profile.nickname}，您好` : '欢迎使用邻里通'}</Text>
        {profile?.homeCommunityName ? (
          <Text className="lt-body lt-muted">您的社区：{profile.homeCommunityName}</Text>
        ) : profile ? (
          <View className="lt-link" role="button" onClick={() => void Taro.navigateTo({ url: ROUTES.community })}>
            还没有选择社区，点这里选择
          </View>
        ) : null}
        {/* At the top, because whoever needs it cannot read further down. */}
        {care.enabled ? null : (
          <View className="lt-link lt-home__care-link" role="button" onClick={() => care.setEnabled(true)}>
            字太小？点这里打开长辈模式
          </View>
        )}
      </View>

      {care.enabled ? null : signIn}
      <EntryGrid entries={care.enabled ? ENTRIES : [...ENTRIES, ...MORE_ENTRIES]} />
      {care.enabled ? signIn : null}

      {scope.status === 'pending' ? (
        <LoadingState />
      ) : (
        <HomeFeedSections communityId={scope.communityId} communityName={scope.communityName} latestCount={care.enabled ? 3 : 5} />
      )}

      {/* 长辈模式 has four tiles only; 光荣榜 and 感谢墙 are a tap away here. */}
      {care.enabled ? (
        <View className="lt-card">
          <Text className="lt-card__title">光荣榜与感谢墙</Text>
          <Text className="lt-body lt-muted">每年评选的好人好事，和居民送给社区的锦旗与感谢。</Text>
          <View className="lt-link" role="button" onClick={() => void Taro.navigateTo({ url: ROUTES.honors })}>
            看光荣榜
          </View>
          <View className="lt-link" role="button" onClick={() => void Taro.navigateTo({ url: ROUTES.thanksWall })}>
            看感谢墙
          </View>
        </View>
      ) : null}
    </Page>
  );
}

/** 置顶通知 and 最新资讯 of the reader's community (with the district's), or of everyone. */
function HomeFeedSections({
  communityId,
  communityName,
  latestCount,
}: {
  communityId: string | undefined;
  communityName: string | null;
  latestCount: number;
}) {
  const session = useSession();
  const feed = useRemote(() => loadHomeFeed(communityId), [communityId]);

  // Coming back from an article (where a pledge may have been made) shows fresh counts.
  // Only on coming back: the first show is the first load, already under way.
  const left = useRef(false);
  useDidHide(() => {
    left.current = true;
  });
  useDidShow(() => {
    if (left.current) feed.reload();
    left.current = false;
  });
  const pulling = useRef(false);
  usePullDownRefresh(() => {
    pulling.current = true;
    feed.reload();
    if (session.status === 'signedIn') void reloadProfile();
  });
  useEffect(() => {
    if (pulling.current && feed.status !== 'loading') {
      pulling.current = false;
      void Taro.stopPullDownRefresh();
    }
  }, [feed.status]);

  if (!feed.data) {
    if (feed.status === 'error') return <ErrorState title="资讯没有加载出来" error={feed.error} onRetry={feed.reload} />;
    return <LoadingState />;
  }
  const { pinned } = feed.data;
  const latest = feed.data.latest.slice(0, latestCount);
  return (
    <View>
      {pinned.length > 0 ? (
        <View className="lt-card lt-home__pinned">
          <Text className="lt-card__title">置顶通知</Text>
          <View>
            {pinned.map((article) => (
              <ArticleRow key={article.id} article={article} />
            ))}
          </View>
        </View>
      ) : null}
      <View className="lt-card">
        <Text className="lt-card__title">{communityName ? `${communityName}和全区资讯` : '最新资讯'}</Text>
        {latest.length === 0 ? (
          <Text className="lt-body lt-muted">还没有新的资讯。社区发布通知和动态后，会显示在这里。</Text>
        ) : (
          <View>
            {latest.map((article) => (
              <ArticleRow key={article.id} article={article} />
            ))}
          </View>
        )}
        <View className="lt-link lt-home__more" role="button" onClick={() => void Taro.navigateTo({ url: ROUTES.articles })}>
          查看全部资讯
        </View>
      </View>
    </View>
  );
}
