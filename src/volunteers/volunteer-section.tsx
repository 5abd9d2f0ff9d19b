import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AppError } from '../../types/errors';
import type { MyVolunteering, VolunteerPlaces } from '../../types/volunteers-model';
import { formatMinutes } from '../../types/volunteers-model';
import { formatDateTime } from '../../types/time';
import { call } from '../cloud/client';
import { toAppError } from '../cloud/errors';
import { ActionButton } from '../components/action-button';
import { InlineError } from '../components/states';
import { CheckinCode } from '../events/components/checkin-code';
import { useRemote } from '../hooks/use-remote';
import './volunteer-section.scss';

/**
 * 志愿者 on an event page: how many volunteer places are left, the resident's own volunteer
 * sign-up with the code staff scan at arrival and departure, and 报名当志愿者 / 取消. Shown only
 * for events that take volunteers.
 */
export function VolunteerSection({ eventId, signedIn }: { eventId: string; signedIn: boolean }) {
  const places = useRemote(() => call('volunteers.places', { eventId }), [eventId, signedIn]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const p = places.data;
  if (!p || p.capacity === 0) return null;

  const act = (work: Promise<MyVolunteering>) => {
    setBusy(true);
    setError(null);
    work
      .then(() => places.reload())
      .catch((e: unknown) => setError(toAppError(e)))
      .finally(() => {
        setBusy(false);
        setConfirmingCancel(false);
      });
  };

  return (
    <View className="lt-card lt-volunteer">
      <Text className="lt-card__title">招募志愿者</Text>
      <Text className="lt-body">{placesText(p)}</Text>
      {p.mine && p.mine.status === 'confirmed' ? <Mine mine={p.mine} /> : null}
      <InlineError error={error} />
      {!signedIn ? (
        <Text className="lt-body lt-muted">登录后可以报名当志愿者。</Text>
      ) : p.mine?.status === 'confirmed' ? (
        p.mine.canCancel ? (
          confirmingCancel ? (
            <View className="lt-stack">
              <Text className="lt-body">确定不当这次的志愿者了吗？名额会留给其他邻居。</Text>
              <ActionButton tone="danger" loading={busy} onClick={() => act(call('volunteers.cancel', { eventId }))}>
                确定取消
              </ActionButton>
              <ActionButton tone="secondary" onClick={() => setConfirmingCancel(false)}>
                不取消了
              </ActionButton>
            </View>
          ) : (
            <ActionButton tone="secondary" onClick={() => setConfirmingCancel(true)}>
              取消志愿者报名
            </ActionButton>
          )
        ) : null
      ) : p.open ? (
        <ActionButton loading={busy} onClick={() => act(call('volunteers.signUp', { eventId }))}>
          报名当志愿者
        </ActionButton>
      ) : null}
    </View>
  );
}

function placesText(p: VolunteerPlaces): string {
  if (p.open) return `还需要${p.placesLeft}位志愿者（共${p.capacity}位），与参加活动的名额分开。`;
  if (p.placesLeft === 0) return `${p.capacity}位志愿者已报满，感谢大家。`;
  return `共${p.capacity}位志愿者，报名已结束。`;
}

function Mine({ mine }: { mine: MyVolunteering }) {
  return (
    <View className="lt-volunteer__mine">
      <Text className="lt-label">我的志愿服务</Text>
      <Text className="lt-value">{mine.stageText}</Text>
      {mine.checkedInAt ? <Text className="lt-body">到岗：{formatDateTime(mine.checkedInAt)}</Text> : null}
      {mine.checkedOutAt ? <Text className="lt-body">离岗：{formatDateTime(mine.checkedOutAt)}</Text> : null}
      {mine.minutes !== null ? <Text className="lt-body lt-success">服务时长：{formatMinutes(mine.minutes)}</Text> : null}
      {mine.code ? (
        <View className="lt-gap-top">
          <Text className="lt-body">志愿者码（到岗、离岗时给工作人员扫或念出）：</Text>
          <CheckinCode code={mine.code} />
        </View>
      ) : null}
    </View>
  );
}
