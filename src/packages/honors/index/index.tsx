import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { HonorListSummary } from '../../../../types/honors-model';
import { loadRegions } from '../../../account/regions';
import { call } from '../../../cloud/client';
import { ActionButton } from '../../../components/action-button';
import { CommunityScopeChoice, useCommunityScope } from '../../../components/community-scope';
import { EntryGrid, type Entry } from '../../../components/entry-tile';
import { Page } from '../../../components/page';
import { EmptyState, RemoteState } from '../../../components/states';
import { districtIdOf, groupListsByYear } from '../../../honors/honor-text';
import { useRemote } from '../../../hooks/use-remote';
import { usePullToRefresh } from '../../../hooks/use-pull-to-refresh';
import { useSession } from '../../../hooks/use-session';
import { ROUTES } from '../../../routes';
import '../../../honors/honors.scss';

const ENTRIES: readonly Entry[] = [
  { key: 'thanks', title: '感谢墙', hint: '居民送的锦旗', onOpen: () => void Taro.navigateTo({ url: ROUTES.thanksWall }) },
  { key: 'nominate', title: '推荐好人', hint: '推荐进明年榜', onOpen: () => void Taro.navigateTo({ url: ROUTES.honorNominate }) },
];

/**
 * 光荣榜: every published list, newest year first, the district's before the
 * communities'. A resident with a home community can narrow it to theirs (and the
 * district's). From here: 感谢墙, 推荐好人, 我的推荐.
 */
export default function HonorsIndexPage() {
  const session = useSession();
  const scope = useCommunityScope();
  const { communityId } = scope;

  const lists = useRemote(() => call('honors.lists', communityId ? { communityId } : {}), [communityId]);
  const regions = useRemote(loadRegions, []);
  const districtId = districtIdOf(regions.data);

  usePullToRefresh(lists);

  let body;
  if (!lists.data) {
    body = <RemoteState remote={lists} />;
  } else if (lists.data.length === 0) {
    body = (
      <EmptyState
        title={communityId ? `${scope.home?.name ?? '您的社区'}还没有光荣榜` : '还没有发布光荣榜'}
        description={communityId ? '看看全区和其他社区的光荣榜。' : '每年评选结果公布后会在这里展示。您可以先推荐身边的好人。'}
        action={
          communityId ? (
            <ActionButton tone="secondary" onClick={() => scope.setOnlyMine(false)}>
              看全部光荣榜
            </ActionButton>
          ) : undefined
        }
      />
    );
  } else {
    body = groupListsByYear(lists.data, districtId).map((group) => (
      <View key={group.year}>
        <Text className="lt-hn-year">{group.year}年</Text>
        {group.lists.map((list) => (
          <ListCard key={list.id} list={list} />
        ))}
      </View>
    ));
  }

  return (
    <Page>
      <EntryGrid entries={ENTRIES} />
      <CommunityScopeChoice scope={scope} allText="全部光荣榜" />
      {body}
      {session.status === 'signedIn' ? (
        <View
          className="lt-link lt-hn-center"
          role="button"
          onClick={() => void Taro.navigateTo({ url: ROUTES.myNominations })}
        >
          我推荐的人和审核结果
        </View>
      ) : null}
    </Page>
  );
}

function ListCard({ list }: { list: HonorListSummary }) {
  return (
    <View
      className="lt-hn-list-card"
      role="button"
      onClick={() => void Taro.navigateTo({ url: `${ROUTES.honorList}?id=${encodeURIComponent(list.id)}` })}
    >
      <Text className="lt-hn-list-card__title">{list.title}</Text>
      <Text className="lt-hn-meta">
        {list.scopeName} · 共{list.entryCount}位
      </Text>
      <Text className="lt-hn-meta">{list.categories.join('、')}</Text>
      <Text className="lt-hn-open">查看榜单 ›</Text>
    </View>
  );
}
