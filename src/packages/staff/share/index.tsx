import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../../types/errors';
import type { ShareTargetKind } from '../../../../types/grid-model';
import { formatDateTime } from '../../../../types/time';
import { call } from '../../../cloud/client';
import { toAppError } from '../../../cloud/errors';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { EmptyState, InlineError, RemoteState } from '../../../components/states';
import { Gate } from '../../../grid/gate';
import { absoluteImage, armShareMenu } from '../../../grid/share';
import { useRemote } from '../../../hooks/use-remote';
import { ROUTES } from '../../../routes';
import '../../../grid/grid.scss';

const KINDS: readonly ShareTargetKind[] = ['event', 'article', 'honor'];

/**
 * 分享卡片: pick an upcoming event (or come with one), see the card residents will see in
 * the group chat, then 转发 it to a group (a live card that keeps its count current),
 * share it to 朋友圈, or make a poster with the mini-program code.
 */
export default function SharePage() {
  const params = useRouter().params;
  const id = params.id ? decodeURIComponent(params.id) : '';
  const kind = KINDS.find((k) => k === params.kind) ?? 'event';
  return (
    <Page>
      <Gate reason="登录后分享，才能看到卡片到了哪些群。">{() => (id ? <Card kind={kind} id={id} /> : <PickEvent />)}</Gate>
    </Page>
  );
}

function PickEvent() {
  const events = useRemote(() => call('events.list', { when: 'upcoming', limit: 20 }), []);
  if (!events.data) return <RemoteState remote={events} />;
  if (events.data.items.length === 0) return <EmptyState title="近期没有活动" description="社区发布活动后，可以在这里分享到群里。" />;
  return (
    <View>
      <Text className="lt-grid-section">选一个活动分享</Text>
      {events.data.items.map((e) => (
        <View key={e.id} className="lt-card" role="button" onClick={() => void Taro.redirectTo({ url: `${ROUTES.staffShare}?kind=event&id=${e.id}` })}>
          <Text className="lt-card__title">{e.title}</Text>
          <Text className="lt-body">{formatDateTime(e.startsAt)} · {e.venue}</Text>
          <Text className="lt-body lt-muted">{e.seatsLeft === null ? e.statusText : `${e.statusText} · 剩余 ${e.seatsLeft} 个名额`}</Text>
        </View>
      ))}
    </View>
  );
}

function Card({ kind, id }: { kind: ShareTargetKind; id: string }) {
  const card = useRemote(() => call('shares.prepareCard', { targetKind: kind, targetId: id }), [kind, id]);
  const [poster, setPoster] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (card.data) void armShareMenu(card.data);
  }, [card.data]);
  useShareAppMessage(() => (card.data ? { title: card.data.title, path: card.data.path, imageUrl: absoluteImage(card.data.imageUrl) } : {}));
  useShareTimeline(() => (card.data ? { title: card.data.title, query: card.data.timelineQuery, imageUrl: absoluteImage(card.data.imageUrl) } : {}));

  if (!card.data) return <RemoteState remote={card} />;
  const makePoster = async () => {
    setBusy(true);
    setError(null);
    try {
      setPoster((await call('shares.poster', { targetKind: kind, targetId: id })).image);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };
  const inWechat = process.env.TARO_ENV === 'weapp';
  return (
    <View>
      <View className="lt-card">
        <Text className="lt-card__title">群里看到的卡片</Text>
        <Image className="lt-grid-card-image" src={absoluteImage(card.data.imageUrl)} mode="widthFix" aria-label="分享卡片预览" nativeProps={{ alt: '分享卡片预览' }} />
        <Text className="lt-body lt-gap-top">{card.data.title}</Text>
        {card.data.live ? (
          // WeChat's own words under a 动态消息 (cloud/grid/card-facts.ts, LIVE_CARD_STATE): it
          // has no 已结束 or 已取消, so the page the card opens says those.
          <Text className="lt-body lt-muted">
            转发到群后，卡片下方会显示“成员正在加入，当前 {card.data.live.parameters[0]!.value}/{card.data.live.parameters[1]!.value} 人”，有人报名会自动更新；活动开始、结束或取消后变为灰色的“已开始”，居民点开能看到活动的最新状态。
          </Text>
        ) : null}
      </View>
      <View className="lt-stack">
        {inWechat ? (
          <ActionButton openType="share">转发到群聊</ActionButton>
        ) : (
          <View className="lt-card lt-card--notice">
            <Text className="lt-body">在微信里打开“邻里通”，点这里的“转发到群聊”，或右上角“···”分享到朋友圈。</Text>
          </View>
        )}
        <InlineError error={error} />
        <ActionButton tone="secondary" loading={busy} onClick={() => void makePoster()}>
          生成海报（带小程序码）
        </ActionButton>
        <ActionButton tone="secondary" onClick={() => void Taro.navigateTo({ url: ROUTES.staffReach })}>
          看看分享到了哪些群
        </ActionButton>
      </View>
      {poster ? (
        <View className="lt-card lt-gap-top">
          <Text className="lt-card__title">海报</Text>
          <Image className="lt-grid-card-image" src={poster} mode="widthFix" showMenuByLongpress aria-label="活动海报" nativeProps={{ alt: '活动海报' }} />
          <Text className="lt-body lt-muted">长按海报可以保存或发到朋友圈，也可以打印张贴。</Text>
        </View>
      ) : null}
    </View>
  );
}
