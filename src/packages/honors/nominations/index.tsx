import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useRef } from 'react';
import type { Nomination } from '../../../../types/honors-model';
import { formatDate } from '../../../../types/time';
import { call } from '../../../cloud/client';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useRemote } from '../../../hooks/use-remote';
import { usePullToRefresh } from '../../../hooks/use-pull-to-refresh';
import { useSession } from '../../../hooks/use-session';
import { ROUTES } from '../../../routes';
import '../../../honors/honors.scss';

/** 我的推荐: everyone this resident nominated, newest first, with the outcome and, when declined, why. */
export default function MyNominationsPage() {
  const session = useSession();
  let body;
  if (session.status === 'restoring' || session.status === 'signingIn') body = <LoadingState text="正在登录，请稍候…" />;
  else if (session.status !== 'signedIn') body = <SignInPrompt reason="登录后可以查看您推荐的人和审核结果。" />;
  else body = <Nominations key={session.userId} />;
  return <Page>{body}</Page>;
}

function Nominations() {
  const mine = useRemote(() => call('honors.myNominations', {}), []);

  // Back from 推荐好人: the new one is on the list.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) mine.reload();
    shown.current = true;
  });
  usePullToRefresh(mine);

  const nominate = (
    <ActionButton onClick={() => void Taro.navigateTo({ url: ROUTES.honorNominate })}>推荐身边的好人</ActionButton>
  );
  if (!mine.data) {
    if (mine.status === 'error') return <ErrorState error={mine.error} onRetry={mine.reload} />;
    return <LoadingState />;
  }
  if (mine.data.length === 0)
    return <EmptyState title="您还没有推荐过" description="身边有好人好事，可以推荐进明年的光荣榜。" action={nominate} />;
  return (
    <View>
      {mine.data.map((n) => (
        <NominationCard key={n.id} nomination={n} />
      ))}
      {nominate}
    </View>
  );
}

function NominationCard({ nomination: n }: { nomination: Nomination }) {
  return (
    <View className="lt-card">
      <View>
        <Text className={`lt-hn-status lt-hn-status--${n.status}`}>{n.statusText}</Text>
      </View>
      <Text className="lt-card__title lt-gap-top">
        {n.nomineeName} · {n.category}
      </Text>
      <Text className="lt-hn-meta">
        {n.communityName} · {n.year}年度 · {formatDate(n.createdAt)}推荐
      </Text>
      <Text className="lt-body lt-gap-top">推荐理由：{n.reason}</Text>
      {n.status === 'declined' ? (
        <Text className="lt-body lt-gap-top">未入选的原因：{n.declineReason ?? '社区没有写明原因'}</Text>
      ) : null}
      {n.status === 'accepted' ? <Text className="lt-body lt-gap-top lt-success">已入选，榜单发布后可以在光荣榜里看到TA。</Text> : null}
      {n.status === 'pending' ? <Text className="lt-body lt-muted lt-gap-top">社区正在审核，请耐心等待。</Text> : null}
    </View>
  );
}
