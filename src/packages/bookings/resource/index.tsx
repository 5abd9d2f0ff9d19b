import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Slot } from '../../../../types/bookings-model';
import { formatDate, formatDateTime, formatRange } from '../../../../types/time';
import { useProfile } from '../../../account/profile';
import { DateStrip } from '../../../bookings/components/date-strip';
import { ResourceFacts } from '../../../bookings/components/resource-facts';
import { SlotGrid } from '../../../bookings/components/slot-grid';
import { bookingLinks, param } from '../../../bookings/links';
import { holdsPlace } from '../../../bookings/progress';
import { findResource } from '../../../bookings/resources';
import { dateStrip, openingDay } from '../../../bookings/schedule';
import { call } from '../../../cloud/client';
import { Page } from '../../../components/page';
import { EmptyState, ErrorState, LoadingState, RemoteState } from '../../../components/states';
import { useRemote } from '../../../hooks/use-remote';
import { useSession } from '../../../hooks/use-session';
import './index.scss';
import { setPageTitle } from '../../../platform/ui-text';

/**
 * A room or hall item: its facts, the days one may pick (today … its horizon), and the
 * chosen day's slots with what is left or why not. Tapping a free slot opens the booking
 * form. With `reschedule=<booking id>` the same grid picks the new time for a booking.
 */
export default function ResourcePage() {
  const { params } = useRouter();
  const id = param(params.id) ?? '';
  const communityParam = param(params.community);
  const rescheduleId = param(params.reschedule);
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  const { profile } = useProfile();

  const resource = useRemote(
    () => findResource(id, communityParam ?? profile?.homeCommunityId ?? null),
    [id, communityParam],
  );
  // "Now" for the strip and for the suspension: taken again whenever the page shows.
  const [now, setNow] = useState(() => new Date());
  // How many slots each day still has: the page opens on the first day with a free one
  // (in the evening today is often over) and the strip marks the days without any.
  const free = useRemote(() => call('bookings.freeDays', { resourceId: id }), [id, now]);
  const freeByDate = useMemo(() => new Map((free.data?.days ?? []).map((d) => [d.date, d.free])), [free.data]);
  const days = useMemo(() => (resource.data ? dateStrip(resource.data, now, freeByDate) : []), [resource.data, now, freeByDate]);
  const [picked, setPicked] = useState<string | null>(null);
  const opening = openingDay(days);
  const day = days.find((d) => d.date === picked) ?? opening.day;

  const availability = useRemote(
    () => (day ? call('bookings.availability', { resourceId: id, date: day.date }) : Promise.resolve(null)),
    [id, day?.date],
  );
  const mine = useRemote(() => (signedIn ? call('bookings.mine', { when: 'upcoming', limit: 100 }) : Promise.resolve(null)), [signedIn]);

  useEffect(() => {
    if (resource.data) void setPageTitle(resource.data.name);
  }, [resource.data]);

  const refresh = () => {
    setNow(new Date());
    availability.reload();
    mine.reload();
  };
  // Back from the booking form (or from another resident's booking meanwhile): fresh slots.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) refresh();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    resource.reload();
    refresh();
    void Taro.stopPullDownRefresh();
  });

  const myBookings = mine.data?.bookings ?? [];
  const mineStarts = useMemo(
    () => new Set(myBookings.filter((b) => b.resourceId === id && holdsPlace(b)).map((b) => new Date(b.start).getTime())),
    [myBookings, id],
  );
  const moving = rescheduleId ? myBookings.find((b) => b.id === rescheduleId) ?? null : null;

  if (!id) {
    return (
      <Page>
        <EmptyState title="没有找到要预约的项目" description="请回到“服务”重新选择。" />
      </Page>
    );
  }
  // Wait for the free-slot counts (not for long: a failure falls back to the first open day)
  // so the page does not open on today and then jump.
  if (!resource.data || !day || (free.status === 'loading' && !free.data)) {
    return (
      <Page>
        <RemoteState remote={resource} />
      </Page>
    );
  }

  const res = resource.data;
  const suspendedUntil = mine.data?.suspendedUntil ? new Date(mine.data.suspendedUntil) : null;
  const suspended = res.kind === 'room' && suspendedUntil !== null && suspendedUntil.getTime() > now.getTime();
  const pick = (slot: Slot) =>
    void Taro.navigateTo({
      url: bookingLinks.form({ id, community: res.communityId, start: slot.start, reschedule: rescheduleId ?? undefined }),
    });

  const slots = availability.data && availability.data.date === day.date ? availability.data : null;
  let grid;
  if (availability.status === 'error' && !slots) grid = <ErrorState error={availability.error} onRetry={availability.reload} />;
  else if (!slots) grid = <LoadingState text="正在查看这一天的时段…" />;
  else if (slots.closedReason)
    grid = <EmptyState title="这一天暂停开放" description={`原因：${slots.closedReason}。请选择其他日期。`} />;
  else if (slots.slots.length === 0) grid = <EmptyState title="这一天不开放" description="请选择其他日期。" />;
  else grid = <SlotGrid slots={slots.slots} mineStarts={mineStarts} onPick={suspended ? undefined : pick} />;

  return (
    <Page>
      {rescheduleId ? (
        <View className="lt-card lt-card--notice" role="status">
          <Text className="lt-card__title">正在改约</Text>
          {moving ? (
            <Text className="lt-body">
              原来的时段：{formatRange(moving.start, moving.end)}。请在下面选一个新的时段，原时段在改约成功后才会让出。
            </Text>
          ) : mine.status === 'error' ? (
            <Text className="lt-body">没有查到原来的预约：{mine.error?.message}</Text>
          ) : (
            <Text className="lt-body">请在下面选一个新的时段。</Text>
          )}
        </View>
      ) : null}

      <View className="lt-card">
        <Text className="lt-headline">{res.name}</Text>
        <Text className="lt-body lt-muted">{res.centerName}</Text>
        {res.description ? <Text className="lt-body lt-bk-resource__description">{res.description}</Text> : null}
        <ResourceFacts resource={res} />
      </View>

      {suspended && suspendedUntil ? (
        <View className="lt-card lt-card--notice" role="alert">
          <Text className="lt-card__title">功能室预约暂停中</Text>
          <Text className="lt-body">
            因30天内多次预约未到，{formatDateTime(suspendedUntil)}之前不能预约功能室。办事大厅的预约不受影响。
          </Text>
        </View>
      ) : null}

      <Text className="lt-title lt-bk-resource__heading">选择日期</Text>
      {picked === null && opening.moved && opening.day ? (
        <View className="lt-card lt-card--notice" role="status">
          <Text className="lt-body">
            {days[0]!.label}已没有可预约的时段，已为您打开最近还有空位的一天：{opening.day.label}（{opening.day.weekday}）。
          </Text>
        </View>
      ) : null}
      {opening.noneFree ? (
        <View className="lt-card lt-card--notice" role="status">
          <Text className="lt-body">可预约的{days.length}天里已没有空闲时段，请过几天再来看看，或联系社区。</Text>
        </View>
      ) : null}
      <DateStrip days={days} selected={day.date} onSelect={setPicked} />

      <View className="lt-card">
        <Text className="lt-card__title">{formatDate(`${day.date}T12:00:00+08:00`)}的时段</Text>
        {slots && !slots.closedReason && slots.slots.some((s) => s.bookable) && !suspended ? (
          <Text className="lt-body lt-muted lt-bk-resource__hint">
            {rescheduleId ? '点一个可预约的时段，下一步确认改约。' : '点一个可预约的时段，下一步填写用途。'}
          </Text>
        ) : null}
        {grid}
      </View>

      {signedIn && !rescheduleId ? (
        <View className="lt-link" role="button" onClick={() => void Taro.navigateTo({ url: bookingLinks.mine() })}>
          查看我的预约
        </View>
      ) : null}
    </Page>
  );
}
