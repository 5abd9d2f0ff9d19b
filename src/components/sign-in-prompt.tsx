import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { personaPath, routeOf } from '../account/sign-in-return';
import { signInMethod, signInWithWechat } from '../cloud/session';
import { useSession } from '../hooks/use-session';
import { ActionButton } from './action-button';
import { InlineError } from './states';

/** In place of content that needs a signed-in resident. */
export function SignInPrompt({ reason = '登录后可以查看和修改您的资料。' }: { reason?: string }) {
  const session = useSession();
  return (
    <View className="lt-card">
      <Text className="lt-card__title">您还没有登录</Text>
      <Text className="lt-body lt-muted">{reason}</Text>
      <InlineError error={session.error} />
      <View className="lt-stack lt-gap-top">
        {signInMethod === 'wechat' ? (
          <ActionButton loading={session.status === 'signingIn'} onClick={() => void signInWithWechat().catch(() => undefined)}>
            微信一键登录
          </ActionButton>
        ) : null}
        {signInMethod === 'persona' ? (
          <ActionButton onClick={() => void Taro.navigateTo({ url: personaPath(currentRoute()) })}>选择体验身份登录</ActionButton>
        ) : null}
        {signInMethod === 'none' ? (
          <Text className="lt-body">请在微信里搜索“邻里通”小程序，打开后即可登录使用。</Text>
        ) : null}
      </View>
    </View>
  );
}

/**
 * The page showing the prompt, for the persona page to come back to. Read at the tap: the
 * page tapped on is the one on screen (a prompt may have rendered while its page was hidden).
 */
function currentRoute(): string | null {
  const router = Taro.getCurrentInstance().router;
  return router ? routeOf({ path: router.path, params: router.params }) : null;
}
