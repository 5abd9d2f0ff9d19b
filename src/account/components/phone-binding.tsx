import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { AppError } from '../../../types/errors';
import type { Profile } from '../../../types/users';
import { call } from '../../cloud/client';
import { toAppError } from '../../cloud/errors';
import { signInMethod } from '../../cloud/session';
import { ActionButton } from '../../components/action-button';
import { TextInput } from '../../components/form-kit';
import { PrivacyNotice } from '../../components/privacy-notice';
import { InlineError } from '../../components/states';
import { useConsentNeeded } from '../../privacy/privacy';
import { setProfile } from '../profile';

const PURPOSE = '绑定要用到您微信里的手机号';

/**
 * 手机号: shown masked only (the host never sends it whole). On weapp the number comes
 * from WeChat's getPhoneNumber button; its code is exchanged on the host. The H5 preview
 * has no such button, so it sends `phone:<11 digits>`, which only the fake WeChat accepts.
 */
export function PhoneBinding({ profile }: { profile: Profile }) {
  const consent = useConsentNeeded();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState<{ text: string; done: boolean } | null>(null);
  const [typed, setTyped] = useState('');
  // A bound number is changed rarely: its controls stay folded until asked for.
  const [changing, setChanging] = useState(false);

  const bind = async (code: string) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      setProfile(await call('users.bindPhone', { code }));
      setNote({ text: '手机号已绑定', done: true });
      setTyped('');
      setChanging(false);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const bound = profile.phoneMasked !== null;
  const actionText = bound ? '更换手机号' : '绑定手机号';
  const header = (
    <View>
      <Text className="lt-label">手机号</Text>
      <Text className="lt-value">{bound ? profile.phoneMasked : '还没有绑定'}</Text>
      {note ? <Text className={`lt-body ${note.done ? 'lt-success' : 'lt-muted'}`}>{note.text}</Text> : null}
    </View>
  );

  if (bound && !changing) {
    return (
      <View className="lt-card">
        {header}
        <View className="lt-gap-top">
          <ActionButton tone="secondary" onClick={() => setChanging(true)}>
            更换手机号
          </ActionButton>
        </View>
      </View>
    );
  }

  return (
    <View className="lt-card">
      {header}
      {bound ? null : <Text className="lt-body lt-muted">绑定后，预约和代办有进展时，社区可以打电话联系您。</Text>}
      {consent.needed ? <PrivacyNotice purpose={PURPOSE} /> : null}
      <InlineError error={error} />

      {signInMethod === 'wechat' ? (
        <View className="lt-gap-top">
          <ActionButton
            loading={busy}
            openType={consent.needed ? 'getPhoneNumber|agreePrivacyAuthorization' : 'getPhoneNumber'}
            onAgreePrivacyAuthorization={consent.agreed}
            onGetPhoneNumber={(e) => {
              const { code, errMsg } = e.detail;
              if (code) void bind(code);
              else setNote({ text: explainRefusal(errMsg), done: false });
            }}
          >
            {consent.needed ? `同意并${actionText}` : actionText}
          </ActionButton>
        </View>
      ) : null}

      {signInMethod === 'persona' ? (
        <View className="lt-gap-top">
          <Text className="lt-body lt-muted">开发预览：输入一个手机号，代替微信授权。</Text>
          <TextInput label="手机号" type="number" maxLength={11} value={typed} placeholder="11位手机号" onChange={(value) => setTyped(value.replace(/\D/g, ''))} />
          <ActionButton
            loading={busy}
            onClick={() => {
              if (!/^1\d{10}$/.test(typed)) {
                setError(new AppError('INVALID_INPUT', '请输入以1开头的11位手机号'));
                return;
              }
              if (consent.needed) consent.agreed();
              void bind(`phone:${typed}`);
            }}
          >
            {consent.needed ? `同意并${actionText}` : actionText}
          </ActionButton>
        </View>
      ) : null}

      {bound ? (
        <View className="lt-gap-top">
          <ActionButton tone="secondary" onClick={() => setChanging(false)}>
            不换了
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}

/** Why WeChat gave no phone code, in the resident's words (errMsg is WeChat's English). */
function explainRefusal(errMsg: string): string {
  if (/privacy/i.test(errMsg)) return '需要先同意隐私保护指引，才能绑定手机号。';
  if (/deny|cancel/i.test(errMsg)) return '您没有同意使用手机号，可以以后再绑定。';
  return '微信没有给出手机号，请稍后再试。';
}
