import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useRef } from 'react';
import type { ThanksPost } from '../../../../types/honors-model';
import { call } from '../../../cloud/client';
import { ActionButton } from '../../../components/action-button';
import { CommunityScopeChoice, useCommunityScope } from '../../../components/community-scope';
import { ListFooter, ListState } from '../../../components/list-footer';
import { Page } from '../../../components/page';
import { EmptyState } from '../../../components/states';
import { ThanksCard } from '../../../honors/components/thanks-card';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useSession } from '../../../hooks/use-session';
import { ROUTES } from '../../../routes';
import '../../../honors/honors.scss';

/**
 * 感谢墙: the thank-you notes and 锦旗 residents sent to staff, units and volunteers,
 * after the community approved them; newest first, page by page. Anyone may read it;
 * signed-in residents write one or report one.
 */
export default function ThanksWallPage() {
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  const scope = useCommunityScope();
  const { communityId } = scope;

  const list = usePagedList(
    async (cursor: string | null) => {
      const page = await call('thanks.list', { ...(communityId ? { communityId } : {}), ...(cursor ? { cursor } : {}) });
      return { items: page.items, next: page.nextCursor };
    },
    [communityId],
  );

  // Back from 写感谢 or after the review: the newest are on top.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void list.refresh();
    shown.current = true;
  });

  let body;
  if (list.status !== 'ready') body = <ListState list={list} />;
  else if (list.items.length === 0)
    body = (
      <EmptyState
        title={communityId ? `${scope.home?.name ?? '您的社区'}还没有感谢` : '感谢墙上还没有内容'}
        description="有人帮过您？写一句感谢，社区审核后就会出现在这里。"
      />
    );
  else
    body = (
      <View>
        {list.items.map((post: ThanksPost) => (
          <ThanksCard key={post.id} post={post} reportable signedIn={signedIn} />
        ))}
        <ListFooter list={list} endText="已经是全部感谢了" />
      </View>
    );

  return (
    <Page>
      <View className="lt-card">
        <Text className="lt-body">居民写给社区工作人员、单位和志愿者的感谢，社区审核后展示在这里。</Text>
        <View className="lt-gap-top">
          <ActionButton onClick={() => void Taro.navigateTo({ url: ROUTES.thanksWrite })}>写感谢</ActionButton>
        </View>
      </View>
      <CommunityScopeChoice scope={scope} allText="全部社区" />
      {body}
    </Page>
  );
}
