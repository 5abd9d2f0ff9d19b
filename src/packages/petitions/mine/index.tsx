import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useRef } from 'react';
import type { PetitionSummary } from '../../../../types/petitions-model';
import { call } from '../../../cloud/client';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { EmptyState, InlineError, LoadingState } from '../../../components/states';
import { ListState } from '../../../components/list-footer';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useSession } from '../../../hooks/use-session';
import { PetitionCard } from '../../../petitions/components/petition-card';
import { ROUTES } from '../../../routes';
import '../../../petitions/petitions.scss';

const PAGE = 20;

const openSubmit = (kind: 'request' | 'petition') => void Taro.navigateTo({ url: `${ROUTES.petitionSubmit}?kind=${kind}` });

/**
 * 我的诉求: everything the resident has handed to the community, newest first, each with
 * its status and the agent who handles it; a tap opens the steps.
 */
export default function MyPetitionsPage() {
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  // A page at a time, newest first; the next starts after the last one shown.
  const list = usePagedList<PetitionSummary, { submittedAt: Date; id: string }>(
    async (before) => {
      if (!signedIn) return { items: [], next: null };
      const items = await call('petitions.mine', { limit: PAGE, ...(before && { before }) });
      const last = items.at(-1);
      return { items, next: items.length === PAGE && last ? { submittedAt: last.submittedAt, id: last.id } : null };
    },
    [signedIn],
  );
  // Back from a petition (confirmed, rated) the list shows its new status.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && signedIn) void list.refresh();
    shown.current = true;
  });

  const newButtons = (
    <View className="lt-pt-pair">
      <ActionButton onClick={() => openSubmit('request')}>我要反映</ActionButton>
      <ActionButton tone="secondary" onClick={() => openSubmit('petition')}>
        信访代办
      </ActionButton>
    </View>
  );

  let body;
  if (session.status === 'restoring' || session.status === 'signingIn') body = <LoadingState text="正在登录，请稍候…" />;
  else if (!signedIn) body = <SignInPrompt reason="登录后可以反映问题，并查看办理进度。" />;
  else if (list.status !== 'ready') body = <ListState list={list} />;
  else if (list.items.length === 0)
    body = (
      <EmptyState
        title="您还没有反映过事情"
        description="路被堵了、工资被拖欠、家里老人需要帮忙，都可以点下面的按钮告诉社区。"
        action={newButtons}
      />
    );
  else
    body = (
      <View>
        <View className="lt-card">{newButtons}</View>
        {list.refreshing ? <Text className="lt-body lt-muted">正在刷新…</Text> : null}
        <InlineError error={list.moreError} />
        {list.items.map((p) => (
          <PetitionCard key={p.id} petition={p} onOpen={() => void Taro.navigateTo({ url: `${ROUTES.petitionDetail}?id=${p.id}` })} />
        ))}
        <Text className="lt-body lt-muted">下拉可以刷新办理进度。</Text>
      </View>
    );

  return <Page>{body}</Page>;
}
