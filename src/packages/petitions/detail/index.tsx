import { notifiableText } from '../../../../types/notifications-model';
import { FollowProgress } from '../../../notifications/components/follow-progress';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { PetitionDetail } from '../../../../types/petitions-model';
import { formatDateTime } from '../../../../types/time';
import { useProfile } from '../../../account/profile';
import { call } from '../../../cloud/client';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { AppError } from '../../../../types/errors';
import { ErrorState, LoadingState } from '../../../components/states';
import { ROUTES } from '../../../routes';
import { useRemote } from '../../../hooks/use-remote';
import { useSession } from '../../../hooks/use-session';
import { AgentCard, LocationLine, PhotoGallery, ResidentCard } from '../../../petitions/components/petition-parts';
import { DeadlineLine, FlowSteps, StatusBadge } from '../../../petitions/components/petition-card';
import { ResolvedQuestion } from '../../../petitions/components/resolved-question';
import { StaffActions } from '../../../petitions/components/staff-actions';
import { Timeline } from '../../../petitions/components/timeline';
import { STAFF_ACTIONS } from '../../../petitions/petition-text';
import '../../../petitions/petitions.scss';
import { setPageTitle } from '../../../platform/ui-text';

/**
 * One petition as its reader needs it. The resident: where it stands, the one agent to
 * call, every step with who and when, and “问题解决了吗？” once it is resolved. The agent
 * or admin handling it: who filed it, the deadline (超期 in words) and what they may do now.
 */
export default function PetitionDetailPage() {
  const id = useRouter().params.id ?? '';
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  const remote = useRemote(() => (signedIn && id ? call('petitions.get', { id }) : Promise.resolve(null)), [id, signedIn]);
  // A command answers with the petition as it now is; show that until the next load.
  const [changed, setChanged] = useState<PetitionDetail | null>(null);
  const petition = changed ?? remote.data;

  const reload = () => {
    setChanged(null);
    remote.reload();
  };
  const shown = useRef(false);
  useDidShow(() => {
    // Coming back to the page (from the dialler, say) shows what changed meanwhile.
    if (shown.current && signedIn) reload();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    reload();
    // useRemote has no promise to wait on; the list spinner is not the page's state.
    void Taro.stopPullDownRefresh();
  });

  useEffect(() => {
    if (petition) void setPageTitle(petition.kindText);
  }, [petition?.kindText]);

  let body;
  if (session.status === 'restoring' || session.status === 'signingIn') body = <LoadingState text="正在登录，请稍候…" />;
  else if (!signedIn) body = <SignInPrompt reason="登录后可以查看您反映的事办到了哪一步。" />;
  else if (!id) body = <ErrorState error={new AppError('NOT_FOUND')} thing="这件事" backTo={{ label: '看看我反映的事', url: ROUTES.myPetitions }} />;
  else if (!petition && remote.status === 'error')
    body = <ErrorState error={remote.error} onRetry={reload} thing="这件事" backTo={{ label: '看看我反映的事', url: ROUTES.myPetitions }} />;
  else if (!petition) body = <LoadingState />;
  else body = <PetitionView petition={petition} onChanged={setChanged} />;

  return <Page>{body}</Page>;
}

function PetitionView({ petition, onChanged }: { petition: PetitionDetail; onChanged: (p: PetitionDetail) => void }) {
  const session = useSession();
  const { profile } = useProfile();
  const isAdmin = profile?.roles.some((g) => g.role === 'communityAdmin' || g.role === 'districtAdmin') ?? false;
  // The host lets only the submitter, the assigned agent and the admins read a petition.
  const handling = petition.agent?.id === session.userId || isAdmin || petition.actions.some((a) => (STAFF_ACTIONS as readonly string[]).includes(a));

  const header = (
    <View className="lt-card">
      <View className="lt-pt-card__top">
        <Text className="lt-pt-card__kind">
          {petition.kindText} · {petition.category} · {petition.communityName}
        </Text>
        <StatusBadge status={petition.status} text={petition.statusText} />
      </View>
      <Text className="lt-headline lt-gap-top">{petition.title}</Text>
      <FlowSteps status={petition.status} />
      <Text className="lt-pt-card__line">{formatDateTime(petition.submittedAt)}提交</Text>
      {handling ? <Text className="lt-pt-card__line">{petition.agent ? `承办代办员：${petition.agent.name}` : '还没有分派代办员'}</Text> : null}
      {handling && petition.submitterNotifiable !== null ? <Text className="lt-pt-card__line">{notifiableText(petition.submitterNotifiable)}</Text> : null}
      <DeadlineLine petition={petition} />
    </View>
  );

  const result =
    petition.resolution || petition.rating ? (
      <View className="lt-card">
        {petition.resolution ? (
          <>
            <Text className="lt-card__title">办理结果</Text>
            <Text className="lt-body lt-pt-description">{petition.resolution}</Text>
          </>
        ) : null}
        {petition.rating ? (
          <View className={petition.resolution ? 'lt-gap-top' : undefined}>
            <Text className="lt-card__title">{handling ? '居民的评价' : '您的评价'}</Text>
            <Text className="lt-title" aria-label={`${petition.rating.stars}星`}>
              {'★'.repeat(petition.rating.stars)}
              {'☆'.repeat(5 - petition.rating.stars)}
            </Text>
            {petition.rating.comment ? <Text className="lt-body">{petition.rating.comment}</Text> : null}
          </View>
        ) : null}
      </View>
    ) : null;

  const facts = (
    <View className="lt-card">
      <Text className="lt-card__title">反映的情况</Text>
      <Text className="lt-body lt-pt-description">{petition.description}</Text>
      <PhotoGallery photos={petition.photos} />
      {petition.location ? (
        <View className="lt-gap-top">
          <Text className="lt-label">地点</Text>
          <LocationLine location={petition.location} />
        </View>
      ) : null}
      {!handling && petition.contactPhone ? (
        <View className="lt-gap-top">
          <Text className="lt-label">您留的电话</Text>
          <Text className="lt-value">{petition.contactPhone}</Text>
          {petition.anonymous ? <Text className="lt-body lt-muted">您选择了匿名：您的名字只有办理的工作人员知道。</Text> : null}
        </View>
      ) : null}
    </View>
  );

  const timeline = (
    <View className="lt-card">
      <Text className="lt-card__title">办理过程</Text>
      <Timeline items={petition.timeline} />
    </View>
  );

  if (handling) {
    return (
      <View>
        {header}
        <StaffActions petition={petition} onChanged={onChanged} />
        <ResidentCard petition={petition} />
        {facts}
        {result}
        {timeline}
      </View>
    );
  }
  return (
    <View>
      <ResolvedQuestion petition={petition} onChanged={onChanged} />
      {header}
      <AgentCard agent={petition.agent} />
      <FollowProgress petition={petition} />
      {result}
      {timeline}
      {facts}
    </View>
  );
}
