import { Text, View } from '@tarojs/components';
import { call } from '../../../cloud/client';
import { ListFooter, ListState } from '../../../components/list-footer';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { EmptyState, LoadingState } from '../../../components/states';
import { ThanksCard } from '../../../honors/components/thanks-card';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useSession } from '../../../hooks/use-session';
import '../../../honors/honors.scss';

/**
 * 我收到的感谢 (staff): the approved thank-you notes residents wrote to this staff member.
 * Only for them to read: no count is compared with anyone's (国办函〔2026〕12号 forbids
 * ranking staff by such things).
 */
export default function ThanksReceivedPage() {
  const session = useSession();
  let body;
  if (session.status === 'restoring' || session.status === 'signingIn') body = <LoadingState text="正在登录，请稍候…" />;
  else if (session.status !== 'signedIn') body = <SignInPrompt reason="登录后可以查看居民写给您的感谢。" />;
  else body = <Received key={session.userId} />;
  return <Page>{body}</Page>;
}

/** Newest first, 20 at a time: the next page at the bottom or by 加载更多; pull down to refresh. */
function Received() {
  const list = usePagedList(
    async (cursor: string | null) => {
      const page = await call('thanks.mine', cursor ? { cursor } : {});
      return { items: page.items, next: page.nextCursor };
    },
    [],
  );

  if (list.status !== 'ready') return <ListState list={list} />;
  if (list.items.length === 0) return <EmptyState title="还没有收到感谢" description="居民写给您的感谢经社区审核后，会出现在这里。" />;
  return (
    <View>
      <Text className="lt-body lt-muted">居民写给您的感谢，经社区审核后展示在感谢墙上。</Text>
      <View className="lt-gap-top">
        {list.items.map((post) => (
          <ThanksCard key={post.id} post={post} />
        ))}
      </View>
      <ListFooter list={list} endText="已经是全部感谢了" />
    </View>
  );
}
