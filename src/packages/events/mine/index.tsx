import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useMemo, useRef, useState } from 'react';
import type { FunctionOutput } from '../../../../types';
import { formatDateTime } from '../../../../types/time';
import { call } from '../../../cloud/client';
import { ActionButton } from '../../../components/action-button';
import { ChoiceChips, type Choice } from '../../../components/form-kit';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { CodeQr } from '../../../components/spelled-code';
import { ListFooter, ListState } from '../../../components/list-footer';
import { EmptyState, LoadingState } from '../../../components/states';
import { CheckinCode } from '../../../events/components/checkin-code';
import { EventCard } from '../../../events/components/event-card';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useSession } from '../../../hooks/use-session';
import { ROUTES } from '../../../routes';
import { checkinQr } from './checkin-qr';
import './index.scss';

type MyEvent = FunctionOutput<'events.mine'>['items'][number];
type When = 'upcoming' | 'past';
const WHEN: readonly Choice<When>[] = [
  { value: 'upcoming', text: '即将参加' },
  { value: 'past', text: '已结束' },
];

/**
 * 我的活动: what the resident signed up for, and at the door the check-in QR code, large,
 * with the code spelled out beneath it for reading aloud.
 */
export default function MyEventsPage() {
  const session = useSession();
  const [when, setWhen] = useState<When>('upcoming');

  let body;
  if (session.status === 'restoring' || session.status === 'signingIn') body = <LoadingState />;
  else if (session.status !== 'signedIn') body = <SignInPrompt reason="登录后可以查看您报名的活动和签到码。" />;
  else body = <MyEventList key={session.userId ?? ''} when={when} />;

  return (
    <Page>
      <ChoiceChips label="活动时间" options={WHEN} value={when} onChange={setWhen} />
      {body}
    </Page>
  );
}

function MyEventList({ when }: { when: When }) {
  // A page at a time: a volunteer who has signed up for years has a long 已结束 list.
  const list = usePagedList(
    async (cursor: string | null) => {
      const page = await call('events.mine', { when, ...(cursor ? { cursor } : {}) });
      return { items: page.items, next: page.nextCursor };
    },
    [when],
  );
  // Back from an event where the resident cancelled or was promoted.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && list.status === 'ready') void list.refresh();
    shown.current = true;
  });

  if (list.status !== 'ready') return <ListState list={list} />;
  if (list.items.length === 0) {
    return (
      <EmptyState
        title={when === 'upcoming' ? '您还没有报名活动' : '还没有参加过的活动'}
        description={when === 'upcoming' ? '在“活动”里找到想参加的，点进去报名即可。' : undefined}
        action={
          when === 'upcoming' ? <ActionButton onClick={() => void Taro.switchTab({ url: ROUTES.events })}>去看社区活动</ActionButton> : undefined
        }
      />
    );
  }
  return (
    <View>
      {list.items.map((item) => (
        <MyEventCard key={item.registration.id} item={item} upcoming={when === 'upcoming'} />
      ))}
      <ListFooter list={list} />
    </View>
  );
}

function MyEventCard({ item, upcoming }: { item: MyEvent; upcoming: boolean }) {
  const { event, registration } = item;
  // Drawn here from the code (the host sends the code only), once per card.
  const code = upcoming && !registration.checkedInAt ? registration.checkinCode : null;
  const qr = useMemo(() => (code ? checkinQr(code) : null), [code]);
  const open = () => void Taro.navigateTo({ url: `${ROUTES.eventDetail}?id=${encodeURIComponent(event.id)}` });
  return (
    <View className="lt-my-event">
      <EventCard event={event} onOpen={open} footer={<Text className="lt-value lt-my-event__status">{registration.statusText}</Text>} />
      {registration.checkedInAt ? (
        <View className="lt-card">
          <Text className="lt-body lt-success">已于{formatDateTime(registration.checkedInAt)}签到</Text>
        </View>
      ) : null}
      {code && qr ? (
        <View className="lt-card lt-my-event__checkin">
          <Text className="lt-card__title">签到时请出示</Text>
          <CodeQr src={qr} label="签到二维码" />
          <Text className="lt-body lt-my-event__code-label">扫不出来时，把下面的签到码念给工作人员：</Text>
          <CheckinCode code={code} />
        </View>
      ) : null}
      {registration.status === 'waitlisted' ? (
        <View className="lt-card">
          <Text className="lt-body lt-muted">有人取消报名时按顺序递补，递补成功会通知您，到时这里会出现签到码。</Text>
        </View>
      ) : null}
    </View>
  );
}
