import Taro from '@tarojs/taro';
import { Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AppError } from '../../../../types/errors';
import { formatDateTime } from '../../../../types/time';
import { formatMinutes } from '../../../../types/volunteers-model';
import { reloadProfile, useProfile } from '../../../account/profile';
import { call } from '../../../cloud/client';
import { toAppError } from '../../../cloud/errors';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../../components/states';
import { onWeapp } from '../../../events/platform';
import { worksEvents } from '../../../events/staff-events';
import { useSession } from '../../../hooks/use-session';
import { ROUTES } from '../../../routes';
import { normalizeVolunteerCode } from '../../../volunteers/volunteer-text';

type Scanned = { action: 'in' | 'out'; nickname: string; eventTitle: string; at: Date; minutes: number | null };

/**
 * 志愿者签到 for staff: the first scan of a volunteer's code checks them in, the second checks
 * them out, and the hours count from the two (within the event's time). Never a daily
 * check-in of staff themselves: it records volunteers' service, at their request.
 */
export default function VolunteerScanPage() {
  const session = useSession();
  const { status, profile, error } = useProfile();
  let body;
  if (session.status === 'restoring' || session.status === 'signingIn') body = <LoadingState />;
  else if (session.status !== 'signedIn') body = <SignInPrompt reason="社区工作人员登录后才能为志愿者签到。" />;
  else if (!profile && status === 'error') body = <ErrorState error={error} onRetry={() => void reloadProfile()} />;
  else if (!profile) body = <LoadingState />;
  else if (!worksEvents(profile.roles)) {
    body = (
      <EmptyState
        title="这是社区工作人员用的页面"
        description="您的志愿服务时长在“我的志愿时长”里。"
        action={<ActionButton onClick={() => void Taro.redirectTo({ url: ROUTES.volunteerHours })}>去我的志愿时长</ActionButton>}
      />
    );
  } else body = <ScanDesk />;
  return <Page>{body}</Page>;
}

function ScanDesk() {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Scanned | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const submit = (code: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    call('volunteers.scan', { code })
      .then((r) => {
        setDone(r);
        setTyped('');
      })
      .catch((e: unknown) => setError(toAppError(e)))
      .finally(() => setBusy(false));
  };

  return (
    <View className="lt-card">
      <Text className="lt-card__title">为志愿者签到、签退</Text>
      <Text className="lt-body lt-muted">第一次扫码为到岗，第二次为离岗；时长只计活动时间以内。</Text>
      {onWeapp ? (
        <View className="lt-gap-top">
          <ActionButton
            loading={busy}
            onClick={() =>
              void Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
                .then((res) => submit(res.result))
                .catch(() => undefined)
            }
          >
            扫描志愿者码
          </ActionButton>
        </View>
      ) : null}
      <Text className="lt-body lt-gap-top">请志愿者念出V开头的9位志愿者码，在下面输入：</Text>
      <View className="lt-field">
        <Input value={typed} maxLength={12} placeholder="V开头的9位志愿者码" onChange={(v) => setTyped(normalizeVolunteerCode(v))} onConfirm={() => typed && submit(typed)} />
      </View>
      <InlineError error={error} />
      <ActionButton loading={busy} disabled={typed.length === 0} onClick={() => submit(typed)}>
        确认
      </ActionButton>
      {done ? (
        <View className="lt-gap-top" role="status">
          <Text className="lt-value lt-success">
            {done.nickname} {done.action === 'in' ? '已到岗' : '已离岗'}
          </Text>
          <Text className="lt-body">
            {done.eventTitle} · {formatDateTime(done.at)}
          </Text>
          {done.minutes !== null ? <Text className="lt-body">本次服务 {formatMinutes(done.minutes)}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
