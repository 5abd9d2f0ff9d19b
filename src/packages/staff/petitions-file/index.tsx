import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PetitionDetail } from '../../../../types/petitions-model';
import { useProfile } from '../../../account/profile';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { EmptyState, LoadingState } from '../../../components/states';
import { useSession } from '../../../hooks/use-session';
import { PetitionForm } from '../../../petitions/components/petition-form';
import { ROUTES } from '../../../routes';

const FILERS = ['gridWorker', 'agent', 'communityAdmin', 'districtAdmin'];

/**
 * 代居民登记: a grid worker, agent or admin writes down a matter for a resident without a
 * smartphone. It goes to that community's agent on duty like any other; when the resident
 * later binds the phone number given here, it shows up in their 我的诉求.
 */
export default function FileOnBehalfPage() {
  const session = useSession();
  const { profile } = useProfile();
  const [filed, setFiled] = useState<PetitionDetail | null>(null);
  // A fresh form after each filing: the next resident's matter starts empty.
  const [round, setRound] = useState(0);

  let body;
  if (session.status === 'restoring' || session.status === 'signingIn') body = <LoadingState text="正在登录，请稍候…" />;
  else if (session.status !== 'signedIn') body = <SignInPrompt reason="工作人员登录后才能代居民登记。" />;
  else if (!profile) body = <LoadingState />;
  else if (!profile.roles.some((g) => FILERS.includes(g.role)))
    body = <EmptyState title="只有社区工作人员可以代为登记" description="居民本人请在“服务”里点“我要反映”。" />;
  else if (filed) body = <Filed petition={filed} onAnother={() => {
          setFiled(null);
          setRound(round + 1);
        }} />;
  else
    body = (
      <View>
        <View className="lt-card">
          <Text className="lt-body">
            为没有智能手机的居民登记。登记后交给该社区当天值班的代办员；居民以后用这里填的手机号登录，也能看到办理进度。
          </Text>
        </View>
        <PetitionForm key={round} onBehalf initialKind="request" onSubmitted={setFiled} />
      </View>
    );
  return <Page>{body}</Page>;
}

/**
 * What was filed and who has it. A grid worker may not open the petition afterwards (only
 * the agent and admins may), so everything to tell the resident is said here.
 */
function Filed({ petition, onAnother }: { petition: PetitionDetail; onAnother: () => void }) {
  return (
    <View className="lt-card">
      <Text className="lt-headline lt-success">已登记</Text>
      <Text className="lt-title lt-gap-top">{petition.title}</Text>
      <Text className="lt-body">居民：{petition.submitterName}（{petition.contactPhone}）</Text>
      <Text className="lt-body">
        {petition.agent ? `已交给代办员${petition.agent.name}${petition.agent.phone ? `，电话 ${petition.agent.phone}` : ''}。` : '正在安排代办员。'}
      </Text>
      <Text className="lt-body lt-muted">请告诉居民：有事直接找这位代办员；以后用登记的手机号登录“邻里通”，可以看到办理进度。</Text>
      <View className="lt-stack lt-gap-top">
        <ActionButton onClick={onAnother}>再登记一件</ActionButton>
        {petition.actions.length > 0 ? (
          <ActionButton tone="secondary" onClick={() => void Taro.navigateTo({ url: `${ROUTES.petitionDetail}?id=${petition.id}` })}>
            查看并办理
          </ActionButton>
        ) : null}
      </View>
    </View>
  );
}
