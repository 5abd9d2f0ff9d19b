import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import {
  PRIVACY_AGREE_BUTTON_ID,
  PRIVACY_CONTRACT_NAME,
  answerPending,
  reportExposure,
  usePendingConsent,
} from '../privacy/privacy';
import { ROUTES } from '../routes';
import { useCareMode } from '../theme/care-mode';
import { ActionButton } from './action-button';
import './privacy-prompt.scss';

/**
 * Shown when WeChat holds a privacy-covered call until the resident agrees (weapp's
 * onNeedPrivacyAuthorization). A sheet over the page normally; in 长辈模式 a block at the
 * top of the page instead, because pop-ups are what elderly users lose track of.
 */
export function PrivacyPrompt() {
  const pending = usePendingConsent();
  const care = useCareMode();
  // Pages under the current one stay mounted; only the page on screen shows the prompt,
  // so the agree button's id (which WeChat checks) exists once.
  const [onScreen, setOnScreen] = useState(true);
  useDidShow(() => setOnScreen(true));
  useDidHide(() => setOnScreen(false));

  useEffect(() => {
    if (!pending || !onScreen) return;
    reportExposure();
    if (care.enabled) void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }, [pending, onScreen, care.enabled]);

  if (!pending || !onScreen) return null;
  const body = (
    <View className="lt-privacy-prompt__body" role="dialog" aria-label="隐私保护提示">
      <Text className="lt-title">使用前请您确认</Text>
      <Text className="lt-body">
        这项功能会用到您的个人信息。请阅读{PRIVACY_CONTRACT_NAME}，同意后才能继续。
      </Text>
      <View className="lt-link" onClick={() => void Taro.navigateTo({ url: ROUTES.privacyPolicy })}>
        查看{PRIVACY_CONTRACT_NAME}
      </View>
      <ActionButton
        id={PRIVACY_AGREE_BUTTON_ID}
        openType="agreePrivacyAuthorization"
        onAgreePrivacyAuthorization={() => answerPending(true)}
      >
        同意并继续
      </ActionButton>
      <ActionButton tone="secondary" onClick={() => answerPending(false)}>
        不同意
      </ActionButton>
    </View>
  );
  if (care.enabled) return <View className="lt-privacy-prompt lt-privacy-prompt--inline">{body}</View>;
  return (
    <View className="lt-privacy-prompt lt-privacy-prompt--sheet">
      <View className="lt-privacy-prompt__mask" />
      {body}
    </View>
  );
}
