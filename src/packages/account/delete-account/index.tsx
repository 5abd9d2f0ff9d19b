import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AppError } from '../../../../types/errors';
import { deleteAccount } from '../../../account/profile';
import { toAppError } from '../../../cloud/errors';
import { ActionButton } from '../../../components/action-button';
import { TextInput } from '../../../components/form-kit';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { EmptyState, InlineError } from '../../../components/states';
import { useSession } from '../../../hooks/use-session';
import { goBackOr } from '../../../platform/navigation';
import { ROUTES } from '../../../routes';

const CONFIRM_WORD = '注销';

/** 注销账号: what is deleted, then the resident types 注销 to confirm (no pop-up). */
export default function DeleteAccountPage() {
  const session = useSession();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <Page>
        <EmptyState
          title="账号已注销"
          description="您的个人信息已经删除。以后想再用，重新打开小程序登录即可，会是一个新账号。"
          action={<ActionButton onClick={() => void Taro.switchTab({ url: ROUTES.home })}>回到首页</ActionButton>}
        />
      </Page>
    );
  }
  if (session.status !== 'signedIn') {
    return (
      <Page>
        <SignInPrompt reason="登录后才能注销您的账号。" />
      </Page>
    );
  }

  const confirmed = typed.trim() === CONFIRM_WORD;
  return (
    <Page>
      <View className="lt-card">
        <Text className="lt-card__title">注销后会发生什么</Text>
        <View className="lt-list">
          <Text className="lt-list__item">您的昵称、头像、所在社区和手机号会被删除。</Text>
          <Text className="lt-list__item">所有登录过这个账号的手机都会退出登录。</Text>
          <Text className="lt-list__item">注销后不能恢复。</Text>
        </View>
      </View>
      <View className="lt-card">
        <Text className="lt-body">确定要注销，请在下面输入“{CONFIRM_WORD}”两个字：</Text>
        <TextInput label={`输入“${CONFIRM_WORD}”确认`} value={typed} maxLength={10} placeholder={`输入“${CONFIRM_WORD}”`} onChange={setTyped} />
        <InlineError error={error} />
        <View className="lt-stack">
          <ActionButton
            tone="danger"
            disabled={!confirmed}
            loading={busy}
            onClick={() => {
              setBusy(true);
              setError(null);
              deleteAccount()
                .then(() => setDone(true))
                .catch((e: unknown) => setError(toAppError(e)))
                .finally(() => setBusy(false));
            }}
          >
            确认注销账号
          </ActionButton>
          <ActionButton tone="secondary" onClick={() => void goBackOr(ROUTES.me)}>
            不注销，返回
          </ActionButton>
        </View>
      </View>
    </Page>
  );
}
