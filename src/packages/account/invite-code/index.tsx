import { Text, View } from '@tarojs/components';
import { call } from '../../../cloud/client';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { CodeQr, SpelledCode } from '../../../components/spelled-code';
import { ErrorState, LoadingState } from '../../../components/states';
import { useRemote } from '../../../hooks/use-remote';
import { useSession } from '../../../hooks/use-session';

/**
 * 工作人员邀请码: a person who is to become a 网格员 or 代办员 shows this to the community's
 * admin, who types it (or scans the QR code with a scanner) in the console's 工作人员与角色
 * to find them. The code only finds the person; only an admin can give a role.
 */
export default function InviteCodePage() {
  const session = useSession();
  const invite = useRemote(
    () => (session.status === 'signedIn' ? call('users.inviteCode', {}) : Promise.resolve(null)),
    [session.status],
  );

  let body;
  if (session.status !== 'signedIn' && session.status !== 'restoring' && session.status !== 'signingIn') body = <SignInPrompt />;
  else if (invite.status === 'error') body = <ErrorState error={invite.error} onRetry={invite.reload} />;
  else if (!invite.data) body = <LoadingState />;
  else {
    const { code, qr } = invite.data;
    body = (
      <View className="lt-card">
        <Text className="lt-card__title">请把这个码给社区管理员</Text>
        <Text className="lt-body lt-muted">
          管理员在后台“工作人员与角色”里输入或扫描这个码，就能找到您，为您开通网格员、代办员等工作人员功能。这个码只用来找到您，不能用来登录。
        </Text>
        <SpelledCode what="邀请码" groups={code.split('-')} />
        <CodeQr src={qr} label={`邀请码二维码 ${code}`} />
      </View>
    );
  }
  return <Page>{body}</Page>;
}
