import Taro, { useRouter } from '@tarojs/taro';
import { Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Booking } from '../../../../types/bookings-model';
import { AppError } from '../../../../types/errors';
import { formatRange, shanghaiDay } from '../../../../types/time';
import { useProfile } from '../../../account/profile';
import { DocumentList } from '../../../bookings/components/resource-facts';
import { TextInput } from '../../../components/form-kit';
import { bookingLinks, param } from '../../../bookings/links';
import { findResource } from '../../../bookings/resources';
import { call } from '../../../cloud/client';
import { askAt } from '../../../notifications/subscribe';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { EmptyState, InlineError, RemoteState } from '../../../components/states';
import { useAction } from '../../../hooks/use-action';
import { useRemote } from '../../../hooks/use-remote';
import { useSession } from '../../../hooks/use-session';
import { goBackOr } from '../../../platform/navigation';
import { ROUTES } from '../../../routes';
import './index.scss';

/** Errors that mean the slot itself is no good any more: the way on is another slot. */
const PICK_AGAIN = new Set(['BOOKING_SLOT_TAKEN', 'BOOKING_WINDOW_FULL', 'BOOKING_PAST', 'BOOKING_TOO_SOON', 'BOOKING_CLOSED_DATE', 'BOOKING_NOT_A_SLOT']);

/**
 * The booking form for one chosen slot: what it is and when, the purpose, and for a room
 * how many come (1 to the room's capacity). With `reschedule=<id>` it confirms moving that
 * booking to this slot instead. The answer is shown here, not in a pop-up.
 */
export default function BookPage() {
  const { params } = useRouter();
  const id = param(params.id) ?? '';
  const community = param(params.community);
  const startParam = param(params.start);
  const rescheduleId = param(params.reschedule);
  const start = startParam ? new Date(startParam) : null;
  const validStart = start !== null && !Number.isNaN(start.getTime());
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  const { profile } = useProfile();

  const resource = useRemote(() => findResource(id, community ?? profile?.homeCommunityId ?? null), [id, community]);
  // The slot as the host sees it now: its end, and whether it is still free.
  const slot = useRemote(async () => {
    if (!validStart) return null;
    const day = await call('bookings.availability', { resourceId: id, date: shanghaiDay(start) });
    return day.slots.find((s) => new Date(s.start).getTime() === start.getTime()) ?? null;
  }, [id, startParam]);
  const moving = useRemote(
    async () => (rescheduleId && signedIn ? ((await call('bookings.mine', { when: 'upcoming', limit: 100 })).bookings.find((b) => b.id === rescheduleId) ?? null) : null),
    [rescheduleId, signedIn],
  );

  const [purpose, setPurpose] = useState('');
  const [partyText, setPartyText] = useState('1');
  const save = useAction();
  const { busy, error } = save;
  const [done, setDone] = useState<Booking | null>(null);

  if (!id || !validStart) {
    return (
      <Page>
        <EmptyState title="没有选好时段" description="请回到上一页重新选择时段。" />
      </Page>
    );
  }
  if (done) return <Done booking={done} rescheduled={rescheduleId !== null} />;
  if (session.status === 'signedOut' || session.status === 'failed') {
    return (
      <Page>
        <SignInPrompt reason="登录后才能预约，预约结果会显示在“我的预约”里。" />
      </Page>
    );
  }
  if (!resource.data || slot.status === 'loading' || !signedIn) {
    return (
      <Page>
        <RemoteState remote={resource} />
      </Page>
    );
  }

  const res = resource.data;
  const isRoom = res.kind === 'room';
  const end = slot.data ? new Date(slot.data.end) : new Date(start.getTime() + res.slotMinutes * 60_000);
  const partySize = Number(partyText);
  const partyProblem =
    !isRoom || rescheduleId
      ? null
      : !Number.isInteger(partySize) || partySize < 1
        ? '人数至少1人'
        : partySize > res.capacity
          ? `这间功能室最多容纳${res.capacity}人`
          : null;
  const fieldMessage = (path: string) => error?.fields.find((f) => f.path === path)?.message ?? null;
  // The host's general message by the button; its field messages by their fields.
  const generalError = error ? new AppError(error.kind, error.message) : null;
  const pickAgain = error !== null && PICK_AGAIN.has(error.kind);

  const setParty = (n: number) => setPartyText(String(Math.min(res.capacity, Math.max(1, n))));

  const submit = async () => {
    if (partyProblem) return;
    // First, inside the tap: WeChat opens the subscribe sheet only from a tap.
    const asked = rescheduleId ? Promise.resolve({}) : askAt('booking');
    await save.run(async () => {
      await asked;
      const booking = rescheduleId
        ? await call('bookings.reschedule', { id: rescheduleId, start })
        : await call('bookings.create', { resourceId: id, start, purpose: purpose.trim(), partySize: isRoom ? partySize : 1 });
      setDone(booking);
    });
  };

  return (
    <Page>
      <View className="lt-card">
        <Text className="lt-label">{rescheduleId ? '改约到' : '预约'}</Text>
        <Text className="lt-headline">{res.name}</Text>
        <Text className="lt-body lt-muted">{res.centerName}</Text>
        <Text className="lt-value lt-bk-book__time">{formatRange(start, end)}</Text>
        {slot.data && !slot.data.bookable ? (
          <Text className="lt-body lt-bk-book__warning">这个时段现在{slot.data.reason ?? '不能预约'}，请回去换一个时段。</Text>
        ) : slot.data && slot.data.size > 1 ? (
          <Text className="lt-body lt-muted">这个时段还剩{slot.data.left}个名额</Text>
        ) : null}
        {rescheduleId && moving.data ? (
          <Text className="lt-body lt-muted">原来的时段：{formatRange(moving.data.start, moving.data.end)}，改约成功后让出。</Text>
        ) : null}
        {res.documents.length > 0 ? <DocumentList documents={res.documents} /> : null}
        {isRoom && res.requiresApproval && !rescheduleId ? (
          <Text className="lt-body lt-bk-book__approval">这间功能室需要社区审核：提交后请留意“我的预约”里的审核结果。</Text>
        ) : null}
      </View>

      {rescheduleId ? null : (
        <View className="lt-card">
          <Text className="lt-card__title">{isRoom ? '用途' : '备注（可不填）'}</Text>
          <Text className="lt-body lt-muted">{isRoom ? '写明做什么，例如：书法练习、楼院议事。' : '需要工作人员提前知道的事，例如：替家中老人办理。'}</Text>
          <TextInput label={isRoom ? '用途' : '备注'} value={purpose} maxLength={100} placeholder={isRoom ? '例如：书法练习' : '可不填'} onChange={setPurpose} />
          {fieldMessage('purpose') ? <Text className="lt-bk-book__field-error">{fieldMessage('purpose')}</Text> : null}

          {isRoom ? (
            <View className="lt-bk-book__party">
              <Text className="lt-card__title">人数</Text>
              <Text className="lt-body lt-muted">包括您自己，最多{res.capacity}人。</Text>
              <View className="lt-bk-stepper">
                <View
                  className="lt-bk-stepper__button"
                  role="button"
                  aria-label="减少一人"
                  aria-disabled={partySize <= 1}
                  onClick={() => setParty((Number.isFinite(partySize) ? partySize : 1) - 1)}
                >
                  －
                </View>
                <View className="lt-bk-stepper__value">
                  <Input type="digit" value={partyText} maxLength={3} aria-label="人数" onChange={(v) => setPartyText(v.replace(/\D/g, ''))} />
                </View>
                <View
                  className="lt-bk-stepper__button"
                  role="button"
                  aria-label="增加一人"
                  aria-disabled={partySize >= res.capacity}
                  onClick={() => setParty((Number.isFinite(partySize) ? partySize : 0) + 1)}
                >
                  ＋
                </View>
              </View>
              {partyProblem || fieldMessage('partySize') ? (
                <Text className="lt-bk-book__field-error">{partyProblem ?? fieldMessage('partySize')}</Text>
              ) : null}
            </View>
          ) : null}
        </View>
      )}

      <View className="lt-card">
        <InlineError error={generalError} />
        <View className="lt-stack">
          {pickAgain ? (
            <ActionButton onClick={() => void goBackOr(ROUTES.services)}>重新选择时段</ActionButton>
          ) : (
            <ActionButton loading={busy} disabled={partyProblem !== null} onClick={() => void submit()}>
              {rescheduleId ? '确认改到这个时段' : res.requiresApproval && isRoom ? '提交预约，等待审核' : '确认预约'}
            </ActionButton>
          )}
          <ActionButton tone="secondary" onClick={() => void goBackOr(ROUTES.services)}>
            返回换个时段
          </ActionButton>
        </View>
      </View>
    </Page>
  );
}

/** The answer, in the page: what was booked, whether it still needs approval, what to bring. */
function Done({ booking, rescheduled }: { booking: Booking; rescheduled: boolean }) {
  const pending = booking.status === 'pending';
  const title = rescheduled ? '改约成功' : pending ? '已提交，等待社区审核' : '预约成功';
  return (
    <Page>
      <View className="lt-card" role="status">
        <Text className="lt-headline lt-success">{title}</Text>
        <Text className="lt-title lt-bk-book__time">{booking.resourceName}</Text>
        <Text className="lt-value">{formatRange(booking.start, booking.end)}</Text>
        <Text className="lt-body lt-muted">{booking.centerName}</Text>
        {pending ? <Text className="lt-body">审核结果会显示在“我的预约”里，也会通过微信通知您。</Text> : null}
        {booking.documents.length > 0 ? <DocumentList documents={booking.documents} /> : null}
        <Text className="lt-body lt-muted lt-bk-book__after">如果不能前来，请提前在“我的预约”里取消，把时段让给别人。</Text>
      </View>
      <View className="lt-stack">
        {rescheduled ? (
          // Back past the grid to 我的预约, which was where the change began.
          <ActionButton onClick={() => void Taro.navigateBack({ delta: 2 }).catch(() => Taro.redirectTo({ url: bookingLinks.mine() }))}>
            回到我的预约
          </ActionButton>
        ) : (
          <ActionButton onClick={() => void Taro.redirectTo({ url: bookingLinks.mine() })}>查看我的预约</ActionButton>
        )}
        <ActionButton tone="secondary" onClick={() => void Taro.switchTab({ url: ROUTES.services })}>
          回到服务
        </ActionButton>
      </View>
    </Page>
  );
}
