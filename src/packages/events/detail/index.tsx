import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { EventDetail, MyRegistration } from '../../../../types/events-model';
import type { AppError } from '../../../../types/errors';
import { formatDateTime, formatRange } from '../../../../types/time';
import { call } from '../../../cloud/client';
import { toAppError } from '../../../cloud/errors';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { shareVisit } from '../../../platform/storage';
import { PrivacyNotice } from '../../../components/privacy-notice';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../../components/states';
import { CheckinCode } from '../../../events/components/checkin-code';
import { EventFact, StatusBadge } from '../../../events/components/event-card';
import { seatsText, signupAction, type SignupAction } from '../../../events/event-text';
import { addToPhoneCalendar, onWeapp } from '../../../events/platform';
import { askFor } from '../../../notifications/subscribe';
import { useRemote } from '../../../hooks/use-remote';
import { usePullToRefresh } from '../../../hooks/use-pull-to-refresh';
import { useSession } from '../../../hooks/use-session';
import { useConsentNeeded } from '../../../privacy/privacy';
import { ROUTES } from '../../../routes';
import { useShareCards } from '../../../grid/share-cards';
import { useCareMode } from '../../../theme/care-mode';
import { VolunteerSection } from '../../../volunteers/volunteer-section';
import './index.scss';

/** The path of this page for a share card, carrying who shared it so their reach counts. */
function sharePath(id: string, sharer: string | null): string {
  return `${ROUTES.eventDetail}?id=${encodeURIComponent(id)}${sharer ? `&sharer=${encodeURIComponent(sharer)}` : ''}`;
}

/**
 * 活动详情: when, where, who runs it, how many seats are left, the resident's own sign-up,
 * and 报名 / 候补 / 取消报名. Opened from the 活动 tab, from 我的活动, or from a share card
 * whose `sharer` is passed on to the host.
 */
export default function EventDetailPage() {
  const params = useRouter().params;
  const id = params.id ? decodeURIComponent(params.id) : '';
  const sharer = params.sharer ? decodeURIComponent(params.sharer) : undefined;
  const session = useSession();

  let body;
  if (!id) {
    body = (
      <EmptyState
        title="没有找到这个活动"
        description="链接不完整，请回到活动列表重新打开。"
        action={<ActionButton onClick={() => void Taro.switchTab({ url: ROUTES.events })}>去看社区活动</ActionButton>}
      />
    );
  } else if (session.status === 'restoring' || session.status === 'signingIn') {
    // Whose sign-up to show is not known yet.
    body = <LoadingState />;
  } else {
    body = <Detail id={id} sharer={sharer} userId={session.status === 'signedIn' ? session.userId : null} />;
  }
  return <Page>{body}</Page>;
}

function Detail({ id, sharer, userId }: { id: string; sharer: string | undefined; userId: string | null }) {
  // One opening of a share card is one visit: the host counts every get that carries the
  // sharer, so reloads after signing up or pulling down leave it out.
  const visitCounted = useRef(false);
  const remote = useRemote(async () => {
    const countVisit = sharer !== undefined && !visitCounted.current;
    const detail = await call('events.get', { id, ...(countVisit ? shareVisit(sharer) : {}) });
    if (countVisit) visitCounted.current = true;
    return detail;
  }, [id, userId]);

  usePullToRefresh(remote);

  // The host's 5:4 card shows time, place and seats left readable in the chat (src/grid).
  useShareCards('event', id, sharer, {
    title: () => (remote.data ? `${remote.data.title}（${formatRange(remote.data.startsAt, remote.data.endsAt)}）` : '社区活动'),
    timelineTitle: () => remote.data?.title ?? '社区活动',
    path: (me) => sharePath(id, me),
  });

  const event = remote.data;
  if (!event && remote.status === 'error')
    return <ErrorState error={remote.error} onRetry={remote.reload} thing="这个活动" backTo={{ label: '看看我报名的活动', url: ROUTES.myEvents }} />;
  if (!event) return <LoadingState />;

  return (
    <View>
      <View className="lt-card">
        <View className="lt-event-detail__top">
          <Text className="lt-body lt-muted">
            {event.category} · {event.scopeName}
          </Text>
          <StatusBadge status={event.status} text={event.statusText} />
        </View>
        <Text className="lt-headline">{event.title}</Text>
      </View>

      <Facts event={event} />
      {event.mine ? <MyRegistrationCard registration={event.mine} /> : null}
      <SignupActions event={event} sharer={sharer} signedIn={userId !== null} onChanged={remote.reload} />
      <VolunteerSection eventId={event.id} signedIn={userId !== null} />
      {remote.status === 'error' ? <InlineError error={remote.error} /> : null}

      {event.description ? (
        <View className="lt-card">
          <Text className="lt-card__title">活动介绍</Text>
          <Text className="lt-body lt-event-detail__description">{event.description}</Text>
        </View>
      ) : null}

      <PhoneTools event={event} />
    </View>
  );
}

function Facts({ event }: { event: EventDetail }) {
  const limited = event.requiresSignup && event.capacity > 0;
  return (
    <View className="lt-card lt-event-facts">
      <EventFact label="时间">{formatRange(event.startsAt, event.endsAt)}</EventFact>
      <EventFact label="地点">{event.venue}</EventFact>
      <EventFact label="主办">{event.organizer}</EventFact>
      {event.partners.length > 0 ? <EventFact label="共建单位">{event.partners.join('、')}</EventFact> : null}
      <EventFact label="名额">{seatsText(event, { waitlistApart: limited })}</EventFact>
      {limited && event.status !== 'ended' && event.status !== 'cancelled' ? (
        <EventFact label="候补">{event.waitlistLength > 0 ? `${event.waitlistLength}人在候补` : '目前没有人候补'}</EventFact>
      ) : null}
      {event.requiresSignup && event.status !== 'ended' && event.status !== 'cancelled' ? (
        <View>
          <EventFact label="报名时间">{`${formatDateTime(event.signupOpensAt)} 至 ${formatDateTime(event.signupClosesAt)}`}</EventFact>
          <EventFact label="取消截止">{formatDateTime(event.cancelCutoffAt)}</EventFact>
        </View>
      ) : null}
      {event.attendance !== null ? <EventFact label="到场">{`${event.attendance}人`}</EventFact> : null}
      {event.residentsServed !== null ? <EventFact label="服务居民">{`${event.residentsServed}人`}</EventFact> : null}
    </View>
  );
}

function MyRegistrationCard({ registration }: { registration: MyRegistration }) {
  return (
    <View className="lt-card lt-event-mine">
      <Text className="lt-label">我的报名</Text>
      <Text className="lt-value lt-event-mine__status">{registration.statusText}</Text>
      {registration.status === 'waitlisted' ? (
        <Text className="lt-body lt-muted">有人取消报名时，按候补顺序递补；递补成功会通知您。</Text>
      ) : null}
      {registration.checkedInAt ? (
        <Text className="lt-body lt-success">已于{formatDateTime(registration.checkedInAt)}签到</Text>
      ) : null}
      {registration.checkinCode && !registration.checkedInAt ? (
        <View className="lt-gap-top">
          <Text className="lt-body">签到码（到场时出示或念给工作人员）：</Text>
          <CheckinCode code={registration.checkinCode} />
          <ActionButton tone="secondary" onClick={() => void Taro.navigateTo({ url: ROUTES.myEvents })}>
            打开签到二维码
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}

function outcomeText(reg: MyRegistration): string {
  if (reg.status === 'confirmed') return '报名成功！到场签到时出示签到码。';
  if (reg.status === 'waitlisted') {
    return `名额已满，您已排在${reg.waitlistPosition ? `候补第${reg.waitlistPosition}位` : '候补队伍里'}。有人取消时按顺序递补，递补成功会通知您。`;
  }
  return reg.statusText;
}

/**
 * 报名 / 候补 / 取消报名. In 长辈模式 报名 asks once more in the page (what, when, where);
 * 取消报名 always does, since a freed seat goes to the next in line at once.
 */
function SignupActions({
  event,
  sharer,
  signedIn,
  onChanged,
}: {
  event: EventDetail;
  sharer: string | undefined;
  signedIn: boolean;
  onChanged: () => void;
}) {
  const care = useCareMode();
  const [confirming, setConfirming] = useState<'register' | 'cancel' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const action: SignupAction = signupAction(event, signedIn);

  const run = (work: Promise<MyRegistration>, describe: (reg: MyRegistration) => string) => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    work
      .then((reg) => {
        setOutcome(describe(reg));
        setConfirming(null);
        onChanged();
      })
      .catch((e: unknown) => setError(toAppError(e)))
      .finally(() => setBusy(false));
  };

  const register = () => {
    // First, inside the tap: WeChat shows the subscribe sheet only from a tap.
    const asked = askFor(event.reminderTemplateIds);
    run(
      asked.then(() => call('events.register', { eventId: event.id, ...(sharer ? { sharer } : {}) })),
      outcomeText,
    );
  };
  const cancel = () =>
    run(call('events.cancelRegistration', { eventId: event.id }), (reg) =>
      reg.status === 'cancelled' ? '已取消报名。如果又能参加了，可以重新报名。' : reg.statusText,
    );

  const result = (
    <View>
      {outcome ? (
        <View className="lt-body lt-success lt-event-actions__outcome" role="status">
          {outcome}
        </View>
      ) : null}
      <InlineError error={error} />
    </View>
  );

  if (action.kind === 'signIn') {
    return (
      <View>
        {result}
        <SignInPrompt reason={action.waitlist ? '名额已满。登录后可以排队候补。' : '登录后才能报名参加。'} />
      </View>
    );
  }

  if (action.kind === 'none') {
    if (!action.note && !outcome && !error) return null;
    return (
      <View className="lt-card">
        {result}
        {action.note ? <Text className="lt-body">{action.note}</Text> : null}
      </View>
    );
  }

  if (action.kind === 'cancel') {
    const what = action.waitlisted ? '候补' : '报名';
    return (
      <View className="lt-card" role={confirming === 'cancel' ? 'alert' : undefined}>
        {result}
        {confirming === 'cancel' ? (
          <View>
            <Text className="lt-card__title">确定要取消{what}吗？</Text>
            <Text className="lt-body lt-muted">
              {action.waitlisted ? '取消后，您会离开候补队伍。' : '取消后，您的名额会让给候补的居民。'}
              {`取消截止：${formatDateTime(event.cancelCutoffAt)}。`}
            </Text>
            <View className="lt-stack lt-gap-top">
              <ActionButton tone="danger" loading={busy} onClick={cancel}>
                确定取消{what}
              </ActionButton>
              <ActionButton tone="secondary" disabled={busy} onClick={() => setConfirming(null)}>
                不取消
              </ActionButton>
            </View>
          </View>
        ) : (
          <ActionButton tone="secondary" onClick={() => setConfirming('cancel')}>
            取消{what}
          </ActionButton>
        )}
      </View>
    );
  }

  // 报名 or 候补.
  const waitlist = action.kind === 'waitlist';
  const label = waitlist ? '排队候补' : '我要报名';
  if (care.enabled && confirming === 'register') {
    return (
      <View className="lt-card" role="alert">
        {result}
        <Text className="lt-card__title">{waitlist ? '确定要排队候补吗？' : '确定要报名吗？'}</Text>
        <Text className="lt-body">{event.title}</Text>
        <Text className="lt-body">时间：{formatRange(event.startsAt, event.endsAt)}</Text>
        <Text className="lt-body">地点：{event.venue}</Text>
        <View className="lt-stack lt-gap-top">
          <ActionButton loading={busy} onClick={register}>
            {waitlist ? '确定候补' : '确定报名'}
          </ActionButton>
          <ActionButton tone="secondary" disabled={busy} onClick={() => setConfirming(null)}>
            先不{waitlist ? '候补' : '报名'}
          </ActionButton>
        </View>
      </View>
    );
  }
  return (
    <View className="lt-card">
      {result}
      {waitlist ? <Text className="lt-body lt-event-actions__hint">名额已满。候补后，有人取消时按顺序递补，递补成功会通知您。</Text> : null}
      <ActionButton loading={busy} onClick={care.enabled ? () => setConfirming('register') : register}>
        {label}
      </ActionButton>
    </View>
  );
}

const CALENDAR_PURPOSE = '添加到日历要用到您手机的日历';

/**
 * WeChat-only tools: 添加到手机日历 (privacy-covered, so the consent comes first) and the
 * share card. Neither exists in the H5 preview, so neither shows there.
 */
function PhoneTools({ event }: { event: EventDetail }) {
  const consent = useConsentNeeded();
  const [added, setAdded] = useState<boolean | null>(null);
  if (!onWeapp) return null;
  const ahead = event.status !== 'ended' && event.status !== 'cancelled' && event.status !== 'ongoing';
  const addNow = () => void addToPhoneCalendar(event).then(setAdded);

  return (
    <View className="lt-card lt-stack">
      {ahead ? (
        <View>
          {consent.needed ? <PrivacyNotice purpose={CALENDAR_PURPOSE} /> : null}
          <ActionButton
            tone="secondary"
            openType={consent.needed ? 'agreePrivacyAuthorization' : undefined}
            onAgreePrivacyAuthorization={() => {
              consent.agreed();
              addNow();
            }}
            onClick={() => {
              // With consent still needed the agree event above adds it, once.
              if (!consent.needed) addNow();
            }}
          >
            {consent.needed ? '同意并添加到手机日历' : '添加到手机日历'}
          </ActionButton>
          {added === true ? <Text className="lt-body lt-success">已添加到手机日历，活动前1小时会提醒您。</Text> : null}
          {added === false ? <Text className="lt-body lt-muted">没有添加到日历。可以在手机设置里允许微信使用日历后再试。</Text> : null}
        </View>
      ) : null}
      <ActionButton tone="secondary" openType="share">
        分享给邻居
      </ActionButton>
    </View>
  );
}
