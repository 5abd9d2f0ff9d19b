import { Text, View } from '@tarojs/components';
import { usePledge } from '../../../articles/pledge';
import { ActionButton } from '../../../components/action-button';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { InlineError } from '../../../components/states';

/**
 * A campaign's pledge (e.g. 节水爱水): its wording, how many neighbours made it, and one
 * big 我承诺. Once made it stays made: the host remembers it, so after a reload the box
 * still says 您已承诺 instead of offering the button again.
 */
export function PledgeBox({
  articleId,
  pledge,
  signedIn,
}: {
  articleId: string;
  pledge: { prompt: string; count: number; pledgedByMe: boolean };
  signedIn: boolean;
}) {
  const state = usePledge(articleId, pledge, signedIn);
  return (
    <View>
      <View className="lt-card lt-pledge">
        <Text className="lt-card__title">一起来承诺</Text>
        <Text className="lt-pledge__prompt">{pledge.prompt}</Text>
        <View className="lt-pledge__count">
          <Text>已有 </Text>
          <Text className="lt-pledge__number">{state.count}</Text>
          <Text>{state.count > 0 ? ' 人承诺' : ' 人承诺，欢迎您第一个承诺'}</Text>
        </View>
        {state.pledgedByMe ? (
          <View className="lt-pledge__done" role="status">
            <Text className="lt-pledge__done-title lt-success">✓ 您已承诺</Text>
            <Text className="lt-body">谢谢您！和邻居们一起说到做到。</Text>
          </View>
        ) : (
          <ActionButton className="lt-pledge__button" loading={state.saving} onClick={() => void state.pledge()}>
            我承诺
          </ActionButton>
        )}
        <InlineError error={state.error} />
      </View>
      {state.askedToSignIn ? <SignInPrompt reason="登录后才能承诺。每人承诺一次，我们会记住您的承诺。" /> : null}
    </View>
  );
}
