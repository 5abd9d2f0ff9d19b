import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import type { HonorEntrySummary } from '../../../../types/honors-model';
import { call } from '../../../cloud/client';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { HonorAvatar } from '../../../honors/components/honor-avatar';
import { ToHonors } from '../../../honors/components/to-honors';
import { entryPath } from '../../../honors/honor-text';
import { useRemote } from '../../../hooks/use-remote';
import { usePullToRefresh } from '../../../hooks/use-pull-to-refresh';
import { ROUTES } from '../../../routes';
import '../../../honors/honors.scss';
import { setPageTitle } from '../../../platform/ui-text';

/**
 * One 光荣榜 (`?id=`): its people under their categories (好丈夫, 好媳妇, ...), each with
 * a photo or their name's first character, the start of their story, and their likes.
 */
export default function HonorListPage() {
  const params = useRouter().params;
  const id = params.id ? decodeURIComponent(params.id) : '';
  const list = useRemote(() => call('honors.list', { id }), [id]);

  useEffect(() => {
    if (list.data) void setPageTitle(list.data.list.title);
  }, [list.data]);

  // Back from a profile (where a like may have been given): the counts are current.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && id) list.reload();
    shown.current = true;
  });
  usePullToRefresh(list);

  let body;
  if (!id) body = <EmptyState title="没有找到这个榜单" description="链接不完整。可以到光荣榜里找一找。" action={<ToHonors />} />;
  else if (!list.data) {
    if (list.status === 'error' && list.error?.kind === 'NOT_FOUND')
      body = <EmptyState title="这个榜单已经看不到了" description={list.error.message} action={<ToHonors />} />;
    else if (list.status === 'error') body = <ErrorState error={list.error} onRetry={list.reload} />;
    else body = <LoadingState />;
  } else {
    const { list: summary, byCategory } = list.data;
    const groups = byCategory.filter((g) => g.entries.length > 0);
    body = (
      <View>
        <View className="lt-hn-banner">
          <Text className="lt-hn-banner__title">{summary.title}</Text>
          <Text className="lt-hn-banner__meta">
            {summary.scopeName} · 共{summary.entryCount}位
          </Text>
        </View>
        {groups.length === 0 ? (
          <EmptyState title="这个榜单还没有人物" description="社区公布评选结果后会在这里展示。" />
        ) : (
          groups.map((group) => (
            <View key={group.category}>
              <Text className="lt-hn-category">{group.category}</Text>
              {group.entries.map((entry) => (
                <EntryCard key={entry.id} entry={entry} />
              ))}
            </View>
          ))
        )}
        <ActionButton tone="secondary" onClick={() => void Taro.navigateTo({ url: ROUTES.honorNominate })}>
          推荐身边的好人
        </ActionButton>
      </View>
    );
  }
  return <Page>{body}</Page>;
}

function EntryCard({ entry }: { entry: HonorEntrySummary }) {
  return (
    <View
      className="lt-hn-entry"
      role="button"
      aria-label={`${entry.category} ${entry.name}`}
      onClick={() => void Taro.navigateTo({ url: entryPath(entry.id) })}
    >
      <View className="lt-hn-entry__head">
        <HonorAvatar name={entry.name} photoUrl={entry.photoUrl} />
        <View className="lt-hn-entry__who">
          <Text className="lt-hn-entry__name">{entry.name}</Text>
          <Text className="lt-hn-meta">{entry.communityName}</Text>
        </View>
      </View>
      {/* Under the photo, full width: beside it a 长辈模式 line holds four characters. */}
      {entry.excerpt ? <Text className="lt-hn-entry__excerpt">{entry.excerpt}</Text> : null}
      <Text className="lt-hn-likes">{entry.likes > 0 ? `${entry.likes}人点赞` : '还没有人点赞'}</Text>
    </View>
  );
}
