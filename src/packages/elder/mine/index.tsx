import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ElderCardSummary } from '../../../../types/elder-cards-model';
import { formatDateTime } from '../../../../types/time';
import { call } from '../../../cloud/client';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useRemote } from '../../../hooks/use-remote';
import { usePullToRefresh } from '../../../hooks/use-pull-to-refresh';
import { useSession } from '../../../hooks/use-session';
import { ROUTES } from '../../../routes';
import '../../../elder/elder.scss';

/**
 * 防走失卡: the cards a family member registered (or, for staff with ?scope=community, every
 * card of their community), each with how often it was scanned and when it last raised an alert.
 */
export default function ElderCardsPage() {
  const session = useSession();
  const community = useRouter().params.scope === 'community';
  let body;
  if (session.status === 'restoring' || session.status === 'signingIn') body = <LoadingState />;
  else if (session.status !== 'signedIn') body = <SignInPrompt reason="登录后可以为家中老人登记防走失卡。" />;
  else body = <Cards community={community} />;
  return <Page>{body}</Page>;
}

function Cards({ community }: { community: boolean }) {
  const remote = useRemote(() => (community ? call('elderCards.ofCommunity', {}) : call('elderCards.mine', {})), [community]);
  useDidShow(() => remote.reload());
  usePullToRefresh(remote);

  const register = (
    <ActionButton onClick={() => void Taro.navigateTo({ url: `${ROUTES.elderCardEdit}${community ? '?onBehalf=1' : ''}` })}>
      {community ? '代家属登记一张卡' : '为家中老人登记'}
    </ActionButton>
  );
  const cards = remote.data;
  if (!cards && remote.status === 'error') return <ErrorState error={remote.error} onRetry={remote.reload} />;
  if (!cards) return <LoadingState />;
  return (
    <View>
      <View className="lt-card">
        <Text className="lt-body">
          老人随身带一张印有二维码的卡。有人发现老人走失，用微信或手机相机一扫，不用登录就能通知家属和社区网格员，并看到一位家属的电话。卡上和扫码页面都不显示住址、身份证号和全名。
        </Text>
      </View>
      {cards.length === 0 ? (
        <EmptyState title={community ? '本社区还没有登记的防走失卡' : '还没有登记防走失卡'} description="登记后可以打印卡片和小贴纸。" action={register} />
      ) : (
        <View className="lt-card">
          <View className="lt-list">
            {cards.map((c) => (
              <CardRow key={c.id} card={c} />
            ))}
          </View>
          <View className="lt-gap-top">{register}</View>
        </View>
      )}
    </View>
  );
}

function CardRow({ card }: { card: ElderCardSummary }) {
  return (
    <View className="lt-list__item" role="button" onClick={() => void Taro.navigateTo({ url: `${ROUTES.elderCard}?id=${encodeURIComponent(card.id)}` })}>
      <Text className="lt-list__item-title">
        {card.displayName}
        {card.status === 'revoked' ? '（已停用）' : ''}
      </Text>
      <Text className="lt-body lt-muted">{card.communityName}</Text>
      <Text className="lt-body">
        {card.lastAlertAt
          ? `最近求助提醒：${formatDateTime(card.lastAlertAt)}`
          : card.scanCount > 0 && card.lastScanAt
            ? `被扫码${card.scanCount}次，最近${formatDateTime(card.lastScanAt)}`
            : '还没有人扫过码'}
      </Text>
    </View>
  );
}
