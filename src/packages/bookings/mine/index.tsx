import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { Booking } from '../../../../types/bookings-model';
import { formatDateTime } from '../../../../types/time';
import { useProfile } from '../../../account/profile';
import { call } from '../../../cloud/client';
import { ActionButton } from '../../../components/action-button';
import { ListFooter, ListState } from '../../../components/list-footer';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { EmptyState, LoadingState } from '../../../components/states';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useSession } from '../../../hooks/use-session';
import { ROUTES } from '../../../routes';
import { BookingCard } from './booking-card';
import './index.scss';

type When = 'upcoming' | 'past';
const TABS: ReadonlyArray<{ key: When; text: string }> = [
  { key: 'upcoming', text: '未结束' },
  { key: 'past', text: '已结束' },
];

/**
 * 我的预约: each booking with its status, a hall matter's steps as staff move it
 * (已预约 → 已到场 → 受理中 → 已办结, or 需补材料 and what is missing), what to bring,
 * and cancel / 改约 while still allowed. A suspension for no-shows is said at the top.
 */
export default function MyBookingsPage() {
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  const { profile } = useProfile();
  const [when, setWhen] = useState<When>('upcoming');
  const [suspendedUntil, setSuspendedUntil] = useState<Date | null>(null);

  const list = usePagedList<Booking, string>(
    async (cursor) => {
      if (!signedIn) return { items: [], next: null };
      const answer = await call('bookings.mine', { when, ...(cursor ? { cursor } : {}) });
      // Every page says it; the first page's answer is the one shown until the next refresh.
      if (!cursor) setSuspendedUntil(answer.suspendedUntil ? new Date(answer.suspendedUntil) : null);
      return { items: answer.bookings, next: answer.nextCursor };
    },
    [when, signedIn],
  );

  // Back from 改约, or after staff moved a matter on: show the current state.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && signedIn) void list.refresh();
    shown.current = true;
  });

  if (session.status === 'signedOut' || session.status === 'failed') {
    return (
      <Page>
        <SignInPrompt reason="登录后可以查看和取消您的预约。" />
      </Page>
    );
  }

  let body;
  if (!signedIn) body = <LoadingState />;
  else if (list.status !== 'ready') body = <ListState list={list} />;
  else if (list.items.length === 0)
    body = (
      <EmptyState
        title={when === 'upcoming' ? '还没有要去的预约' : '还没有已结束的预约'}
        description="在“服务”里可以预约功能室，或预约到便民服务大厅办事的时间。"
        action={<ActionButton onClick={() => void Taro.switchTab({ url: ROUTES.services })}>去预约</ActionButton>}
      />
    );
  else
    body = list.items.map((b) => (
      <BookingCard key={b.id} booking={b} communityId={profile?.homeCommunityId ?? null} onChanged={() => void list.refresh()} />
    ));

  return (
    <Page>
      {suspendedUntil && suspendedUntil.getTime() > Date.now() ? (
        <View className="lt-card lt-card--notice" role="alert">
          <Text className="lt-card__title">功能室预约暂停中</Text>
          <Text className="lt-body">
            因30天内多次预约后没有到场，{formatDateTime(suspendedUntil)}之前不能预约功能室。到便民服务大厅办事的预约不受影响。
          </Text>
        </View>
      ) : null}

      <View className="lt-bk-tabs" role="tablist">
        {TABS.map((t) => (
          <View
            key={t.key}
            className={`lt-bk-tabs__tab${t.key === when ? ' lt-bk-tabs__tab--current' : ''}`}
            role="tab"
            aria-selected={t.key === when}
            onClick={() => setWhen(t.key)}
          >
            {t.text}
          </View>
        ))}
      </View>

      {list.refreshing ? <Text className="lt-body lt-muted">正在刷新…</Text> : null}
      {body}
      {list.status === 'ready' && list.items.length > 0 ? <ListFooter list={list} endText="没有更多预约了" /> : null}
    </Page>
  );
}
