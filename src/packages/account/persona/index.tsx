import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../../types/errors';
import { backRoute, returnTo } from '../../../account/sign-in-return';
import { call } from '../../../cloud/client';
import { toAppError } from '../../../cloud/errors';
import { signInAsPersona } from '../../../cloud/session';
import { holdsStaffRole } from '../../../grid/staff-landing';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { EmptyState, InlineError } from '../../../components/states';
import { useSession } from '../../../hooks/use-session';
import { ROUTES } from '../../../routes';

/**
 * The demo users of the development host. Their codes go through the same WeChat login
 * path as a real wx.login code; only the fake WeChat server knows them. The names shown
 * after sign-in come from the host (users.me), not from here.
 */
const PERSONAS = [
  { code: 'dev:resident', label: '居民 王阿姨', hint: '看公告、报名活动、预约办事' },
  { code: 'dev:grid', label: '网格员', hint: '负责一个网格的居民' },
  { code: 'dev:agent', label: '代办员', hint: '受理居民的信访代办' },
  { code: 'dev:admin', label: '朝阳社区管理员', hint: '管理朝阳社区' },
  { code: 'dev:district', label: '区级管理员', hint: '管理全区各社区' },
] as const;

export default function PersonaPage() {
  const session = useSession();
  const [busyCode, setBusyCode] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // `?code=dev:<name>` signs in as any demo resident at once: the browser tests use it to
  // act as several neighbours. Only the fake WeChat accepts these codes.
  // `&back=<route>` (from SignInPrompt) returns there after signing in, instead of to 我的.
  const { code: requested, back } = useRouter().params;
  useEffect(() => {
    const code = requested ? decodeURIComponent(requested) : '';
    if (LINLI_DEV_LOGIN && /^dev:[A-Za-z0-9_.-]{1,40}$/.test(code)) void choose(code);
  }, [requested]);

  if (!LINLI_DEV_LOGIN) {
    return (
      <Page>
        <EmptyState
          title="这里没有体验身份"
          description="体验身份只在开发预览版中提供。请在微信里打开“邻里通”小程序登录。"
          action={<ActionButton onClick={() => void Taro.switchTab({ url: ROUTES.home })}>回到首页</ActionButton>}
        />
      </Page>
    );
  }

  const choose = async (code: string) => {
    setBusyCode(code);
    setError(null);
    try {
      // Switching persona: end the old session on the host rather than leave it valid.
      if (session.status === 'signedIn') await call('auth.logout', {}, { reLogin: false }).catch(() => undefined);
      await signInAsPersona(code);
      const route = backRoute(back);
      if (route) await returnTo(route);
      else if (await holdsStaffRole()) await Taro.redirectTo({ url: ROUTES.staffWorkbench });
      else await Taro.switchTab({ url: ROUTES.me });
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusyCode(null);
    }
  };

  return (
    <Page>
      <View className="lt-card lt-card--notice">
        <Text className="lt-card__title">开发预览</Text>
        <Text className="lt-body">选择一个身份登录。在微信小程序里，居民用自己的微信登录，不会看到这一页。</Text>
      </View>
      <InlineError error={error} />
      <View className="lt-stack">
        {PERSONAS.map((p) => (
          <View key={p.code} className="lt-card">
            <Text className="lt-card__title">{p.label}</Text>
            <Text className="lt-body lt-muted">{p.hint}</Text>
            <View className="lt-gap-top">
              <ActionButton
                loading={busyCode === p.code}
                disabled={busyCode !== null && busyCode !== p.code}
                onClick={() => void choose(p.code)}
              >
                以“{p.label}”登录
              </ActionButton>
            </View>
          </View>
        ))}
      </View>
    </Page>
  );
}
