import { notifiableText } from '../../../../types/notifications-model';
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import type { RoleGrant } from '../../../../types/access';
import type { AppError } from '../../../../types/errors';
import type { EventSummary } from '../../../../types/events-model';
import { formatDateTime } from '../../../../types/time';
import { call } from '../../../cloud/client';
import { toAppError } from '../../../cloud/errors';
import { ActionButton } from '../../../components/action-button';
import { CodeDesk } from '../../../components/code-desk';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../../components/states';
import { EventCard } from '../../../events/components/event-card';
import { StaffPage } from '../../../components/staff-page';
import { normalizeCode, registrantStatusText } from '../../../events/event-text';
import { eventsForCheckIn, staffCommunities, worksEvents } from '../../../events/staff-events';
import { useRemote } from '../../../hooks/use-remote';
import { usePullToRefresh } from '../../../hooks/use-pull-to-refresh';
import { ROUTES } from '../../../routes';
import './index.scss';

type CheckedIn = { eventTitle: string; nickname: string; checkedInAt: Date };

/**
 * 活动签到 for grid workers, agents and admins: scan the resident's QR code (WeChat) or
 * type the 8-character code, and see today's events with who signed up. The host decides
 * whose codes this person may check in; the page only shows what it answers.
 */
export default function EventsCheckinPage() {
  return (
    <StaffPage signInReason="社区工作人员登录后才能为居民签到。" allowed={worksEvents} elsewhere={{ description: '您报名的活动和签到码在“我的活动”里。', label: '去我的活动', url: ROUTES.myEvents }}>
      {(roles) => <CheckinWork grants={roles} />}
    </StaffPage>
  );
}

function CheckinWork({ grants }: { grants: readonly RoleGrant[] }) {
  // Bumped after each check-in, so open registrant lists show it.
  const [version, setVersion] = useState(0);
  return (
    <View>
      <CheckinDesk onCheckedIn={() => setVersion((v) => v + 1)} />
      <TodayEvents grants={grants} version={version} onCheckedIn={() => setVersion((v) => v + 1)} />
    </View>
  );
}

function CheckinDesk({ onCheckedIn }: { onCheckedIn: () => void }) {
  return (
    <CodeDesk<CheckedIn>
      title="为居民签到"
      scanLabel="扫描居民的签到二维码"
      scanHint="扫不出来时，请居民念出签到码，在下面输入："
      hint="请居民出示或念出8位签到码，在下面输入："
      label="签到码"
      placeholder="8位签到码"
      maxLength={11}
      normalize={normalizeCode}
      submitLabel="签到"
      send={(code) => call('events.checkIn', { code })}
      onDone={onCheckedIn}
      // The browser tests find the box and the result by these.
      fieldClassName="lt-staff-checkin__field"
      doneClassName="lt-staff-checkin__done"
      renderDone={(done) => (
        <>
          <Text className="lt-title lt-success">签到成功</Text>
          <Text className="lt-headline">{done.nickname}</Text>
          <Text className="lt-body">{done.eventTitle}</Text>
          <Text className="lt-body lt-muted">签到时间：{formatDateTime(done.checkedInAt)}</Text>
        </>
      )}
    />
  );
}

function TodayEvents({ grants, version, onCheckedIn }: { grants: readonly RoleGrant[]; version: number; onCheckedIn: () => void }) {
  const communities = useMemo(() => staffCommunities(grants), [grants]);
  const key = communities === 'all' ? 'all' : communities.join(',');
  const remote = useRemote(() => eventsForCheckIn((input) => call('events.list', input), communities, new Date()), [key]);

  usePullToRefresh(remote);

  let list;
  if (!remote.data && remote.status === 'error') list = <ErrorState error={remote.error} onRetry={remote.reload} />;
  else if (!remote.data) list = <LoadingState />;
  else if (remote.data.length === 0)
    list = <EmptyState title="今天没有活动" description="社区今天没有要签到的活动。有新活动时下拉刷新即可看到。" />;
  else
    list = remote.data.map((event) => (
      <View key={event.id} className="lt-staff-event">
        <EventCard event={event} />
        {event.requiresSignup ? <Registrants event={event} version={version} onCheckedIn={onCheckedIn} /> : null}
      </View>
    ));

  return (
    <View className="lt-gap-top">
      <Text className="lt-title lt-staff-checkin__heading">今天的活动</Text>
      {remote.data && remote.status === 'error' ? <InlineError error={remote.error} /> : null}
      {list}
    </View>
  );
}

/** Who signed up for one event, folded until asked for: a list of 150 is long. */
function Registrants({ event, version, onCheckedIn }: { event: EventSummary; version: number; onCheckedIn: () => void }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <View className="lt-staff-event__toggle">
        <ActionButton tone="secondary" onClick={() => setOpen(true)}>
          查看报名名单
        </ActionButton>
      </View>
    );
  }
  return <RegistrantList event={event} version={version} onCheckedIn={onCheckedIn} onClose={() => setOpen(false)} />;
}

function RegistrantList({
  event,
  version,
  onCheckedIn,
  onClose,
}: {
  event: EventSummary;
  version: number;
  onCheckedIn: () => void;
  onClose: () => void;
}) {
  const remote = useRemote(() => call('events.registrants', { eventId: event.id }), [event.id, version]);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ id: string; error: AppError } | null>(null);

  const checkIn = (registrationId: string, code: string) => {
    setBusyId(registrationId);
    setFailed(null);
    call('events.checkIn', { code })
      .then(onCheckedIn)
      .catch((e: unknown) => setFailed({ id: registrationId, error: toAppError(e) }))
      .finally(() => setBusyId(null));
  };

  const data = remote.data;
  let body;
  if (!data && remote.status === 'error') body = <ErrorState error={remote.error} onRetry={remote.reload} />;
  else if (!data) body = <LoadingState text="正在加载名单…" />;
  else {
    const rows = data.registrants.filter((r) => r.status === 'confirmed' || r.status === 'waitlisted');
    const confirmed = rows.filter((r) => r.status === 'confirmed');
    const arrived = confirmed.filter((r) => r.checkedInAt).length;
    const waiting = rows.length - confirmed.length;
    body = (
      <View>
        <Text className="lt-body lt-staff-event__summary">
          已报名{confirmed.length}人，已签到{arrived}人{waiting > 0 ? `，候补${waiting}人` : ''}
        </Text>
        {rows.length === 0 ? <Text className="lt-body lt-muted">还没有人报名。</Text> : null}
        <View className="lt-list">
          {rows.map((r) => (
            <View key={r.registrationId} className="lt-list__item lt-staff-registrant">
              <View className="lt-staff-registrant__who">
                <Text className="lt-list__item-title">{r.nickname}</Text>
                <Text className={r.checkedInAt ? 'lt-body lt-success' : 'lt-body lt-muted'}>{registrantStatusText(r)}</Text>
                {r.sharedByName ? <Text className="lt-body lt-muted">经{r.sharedByName}分享报名</Text> : null}
                {r.notifiable ? null : <Text className="lt-body lt-muted">{notifiableText(false)}</Text>}
                {failed?.id === r.registrationId ? <InlineError error={failed.error} /> : null}
              </View>
              {r.status === 'confirmed' && !r.checkedInAt && r.checkinCode ? (
                <View className="lt-staff-registrant__action">
                  <ActionButton loading={busyId === r.registrationId} onClick={() => checkIn(r.registrationId, r.checkinCode!)}>
                    签到
                  </ActionButton>
                </View>
              ) : null}
            </View>
          ))}
        </View>
      </View>
    );
  }
  return (
    <View className="lt-card lt-staff-event__list">
      <Text className="lt-card__title">报名名单</Text>
      {body}
      {data && remote.status === 'error' ? <InlineError error={remote.error} /> : null}
      <View className="lt-gap-top">
        <ActionButton tone="secondary" onClick={onClose}>
          收起名单
        </ActionButton>
      </View>
    </View>
  );
}
