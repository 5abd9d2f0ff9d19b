import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Booking } from '../../../../types/bookings-model';
import type { AppError } from '../../../../types/errors';
import { formatDateTime, formatRange } from '../../../../types/time';
import { DocumentList } from '../../../bookings/components/resource-facts';
import { bookingLinks } from '../../../bookings/links';
import { headline, holdsPlace, stepsAhead } from '../../../bookings/progress';
import { call } from '../../../cloud/client';
import { toAppError } from '../../../cloud/errors';
import { ActionButton } from '../../../components/action-button';
import { InlineError } from '../../../components/states';
import './booking-card.scss';

/** One of the resident's bookings, with its progress and what can still be done. */
export function BookingCard({ booking: b, communityId, onChanged }: { booking: Booking; communityId: string | null; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [cancelled, setCancelled] = useState(false);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('bookings.cancel', { id: b.id });
      setCancelled(true);
      setConfirming(false);
      onChanged();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const ahead = stepsAhead(b);
  const live = holdsPlace(b) || b.status === 'checked_in';
  const needsMaterial = b.step === 'needs_material' && b.missingMaterials.length > 0;
  const before = new Date(b.start).getTime() > Date.now();
  const lateToChange = holdsPlace(b) && before && !b.canCancel && !b.canReschedule && (b.step === null || b.step === 'booked');
  const stateClass = b.status === 'cancelled' || b.status === 'rejected' || b.status === 'no_show' ? 'ended' : b.step === 'done' ? 'done' : 'live';

  return (
    <View className="lt-card lt-bk-card">
      <View className="lt-bk-card__head">
        <Text className="lt-bk-card__name">{b.resourceName}</Text>
        <Text className={`lt-bk-card__status lt-bk-card__status--${stateClass}${stateClass === 'done' ? ' lt-success' : ''}`}>{headline(b)}</Text>
      </View>
      <Text className="lt-value">{formatRange(b.start, b.end)}</Text>
      <Text className="lt-body lt-muted">{b.centerName}</Text>
      {b.kind === 'room' ? (
        <Text className="lt-body">
          {b.purpose ? `用途：${b.purpose}，` : ''}
          {b.partySize}人
        </Text>
      ) : null}
      {b.status === 'rejected' && b.rejectReason ? <Text className="lt-body">未通过的原因：{b.rejectReason}</Text> : null}

      {needsMaterial ? (
        <View className="lt-documents lt-bk-card__missing" role="alert">
          <Text className="lt-documents__title">还需要补充这些材料</Text>
          {b.missingMaterials.map((m) => (
            <Text key={m} className="lt-documents__item">
              · {m}
            </Text>
          ))}
          <Text className="lt-documents__item">带齐后到便民服务大厅，工作人员会接着办理。</Text>
        </View>
      ) : null}

      {b.timeline.length > 0 ? (
        <View className="lt-bk-timeline" aria-label={b.kind === 'hall' ? '办理进度' : '预约记录'}>
          <Text className="lt-bk-timeline__title">{b.kind === 'hall' ? '办理进度' : '预约记录'}</Text>
          {b.timeline.map((t, i) => (
            <View key={`${t.step}-${i}`} className={`lt-bk-timeline__item${i === b.timeline.length - 1 ? ' lt-bk-timeline__item--current' : ''}`}>
              <View className="lt-bk-timeline__dot" />
              <View className="lt-bk-timeline__text">
                <Text className="lt-bk-timeline__step">{t.text}</Text>
                <Text className="lt-bk-timeline__meta">
                  {formatDateTime(t.at)}
                  {t.byName ? `，${t.byName}` : ''}
                </Text>
                {t.note ? <Text className="lt-bk-timeline__note">{t.note}</Text> : null}
              </View>
            </View>
          ))}
          {ahead.map((s) => (
            <View key={s.step} className="lt-bk-timeline__item lt-bk-timeline__item--ahead">
              <View className="lt-bk-timeline__dot" />
              <View className="lt-bk-timeline__text">
                <Text className="lt-bk-timeline__step">{s.text}</Text>
              </View>
            </View>
          ))}
        </View>
      ) : null}

      {live && b.step !== 'done' && b.documents.length > 0 ? <DocumentList documents={b.documents} /> : null}

      {lateToChange ? <Text className="lt-body lt-muted lt-bk-card__late">已过在线取消和改约的时间，如不能前来，请联系社区。</Text> : null}

      {cancelled ? null : confirming ? (
        <View className="lt-bk-card__confirm" role="alert">
          <Text className="lt-card__title">确定取消这次预约吗？</Text>
          <Text className="lt-body lt-muted">取消后，这个时段会让给其他居民。</Text>
          <InlineError error={error} />
          <View className="lt-stack lt-gap-top">
            <ActionButton tone="danger" loading={busy} onClick={() => void cancel()}>
              确定取消预约
            </ActionButton>
            <ActionButton tone="secondary" onClick={() => setConfirming(false)}>
              不取消
            </ActionButton>
          </View>
        </View>
      ) : b.canCancel || b.canReschedule ? (
        <View className="lt-stack lt-gap-top">
          {b.canReschedule ? (
            <ActionButton
              tone="secondary"
              onClick={() => void Taro.navigateTo({ url: bookingLinks.resource({ id: b.resourceId, community: communityId, reschedule: b.id }) })}
            >
              改约
            </ActionButton>
          ) : null}
          {b.canCancel ? (
            <ActionButton tone="secondary" onClick={() => setConfirming(true)}>
              取消预约
            </ActionButton>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
