import { Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { AppError } from '../../../types/errors';
import type { Profile } from '../../../types/users';
import { call } from '../../cloud/client';
import { toAppError } from '../../cloud/errors';
import { signInMethod } from '../../cloud/session';
import { ActionButton } from '../../components/action-button';
import { PrivacyNotice } from '../../components/privacy-notice';
import { InlineError } from '../../components/states';
import { useConsentNeeded } from '../../privacy/privacy';
import { setProfile } from '../profile';

const PURPOSE = '绑定手机号会用到您在微信里的手机号，用于预约、代办有进展时联系您';

/**
 * 手机号: shown masked only (the host never sends it whole). On weapp the number comes
 * from WeChat's getPhoneNumber button; its code is exchanged on the host. The H5 preview
 * has no such button, so it sends `phone:<11 digits>`, which only the fake WeChat accepts.
 */
export function PhoneBinding({ profile }: { profile: Profile }) {
  const consent = useConsentNeeded();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [typed, setTyped] = useState('');

  const bind = async (code: string) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      setProfile(await call('users.bindPhone', { code }));
      setNote('手机号已绑定');
      setTyped('');
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const bound = profile.phoneMasked !== null;
  const actionText = bound ? '更换手机号' : '绑定手机号';

  return (
    <View className="lt-card">
      <Text className="lt-card__title">手机号</Text>
      <Text className="lt-body">{bound ? `已绑定：${profile.phoneMasked}` : '还没有绑定手机号'}</Text>
      {bound ? null : <Text className="lt-body lt-muted">绑定后，预约和代办有进展时，社区可以联系您。</Text>}
      {consent.needed ? <PrivacyNotice purpose={PURPOSE} /> : null}
      <InlineError error={error} />
      {note ? <Text className="lt-body lt-success">{note}</Text> : null}

      {signInMethod === 'wechat' ? (
        <View className="lt-gap-top">
          <ActionButton
            tone={bound ? 'secondary' : 'primary'}
            loading={busy}
            openType={consent.needed ? 'getPhoneNumber|agreePrivacyAuthorization' : 'getPhoneNumber'}
            onAgreePrivacyAuthorization={consent.agreed}
            onGetPhoneNumber={(e) => {
              const { code, errMsg } = e.detail;
              if (code) void bind(code);
              else if (/deny|cancel/i.test(errMsg)) setNote('您没有同意使用手机号，可以以后再绑定。');
              else setError(new AppError('PHONE_CODE_INVALID'));
            }}
          >
            {consent.needed ? `同意并${actionText}` : actionText}
          </ActionButton>
        </View>
      ) : null}

      {signInMethod === 'persona' ? (
        <View className="lt-gap-top">
          <Text className="lt-body lt-muted">开发预览：输入一个11位手机号，模拟微信授权。</Text>
          <View className="lt-field">
            <Input
              type="number"
              maxLength={11}
              value={typed}
              placeholder="11位手机号"
              onChange={(value) => setTyped(value.replace(/\D/g, ''))}
            />
          </View>
          <ActionButton
            tone={bound ? 'secondary' : 'primary'}
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
    </View>
  );
}
