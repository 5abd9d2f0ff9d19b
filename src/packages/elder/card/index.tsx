import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ElderCardView } from '../../../../types/elder-cards-model';
import type { AppError } from '../../../../types/errors';
import { formatDateTime } from '../../../../types/time';
import { call } from '../../../cloud/client';
import { toAppError } from '../../../cloud/errors';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../../components/states';
import { useRemote } from '../../../hooks/use-remote';
import { usePullToRefresh } from '../../../hooks/use-pull-to-refresh';
import { useSession } from '../../../hooks/use-session';
import { ROUTES } from '../../../routes';
import '../../../elder/elder.scss';

/**
 * One card: what a finder sees, the contacts, every scan (with the finder's location when
 * they shared it), and printing, 卡丢了·换新码 and 停用. Alerts open this page.
 */
export default function ElderCardPage() {
  const session = useSession();
  const id = useRouter().params.id;
  let body;
  if (!id) body = <EmptyState title="没有找到这张卡" description="请从“我的 · 防走失卡”重新打开。" action={<ActionButton onClick={() => void Taro.redirectTo({ url: ROUTES.elderCards })}>去防走失卡</ActionButton>} />;
  else if (session.status === 'restoring' || session.status === 'signingIn') body = <LoadingState />;
  else if (session.status !== 'signedIn') body = <SignInPrompt reason="登录后查看这张卡的扫码记录。" />;
  else body = <Card id={decodeURIComponent(id)} />;
  return <Page>{body}</Page>;
}

function Card({ id }: { id: string }) {
  const remote = useRemote(() => call('elderCards.get', { id }), [id]);
  usePullToRefresh(remote);
  const card = remote.data;
  if (!card && remote.status === 'error') return <ErrorState error={remote.error} onRetry={remote.reload} />;
  if (!card) return <LoadingState />;
  return (
    <View>
      <View className="lt-card">
        <Text className="lt-label">扫码的人看到的</Text>
        <Text className="lt-elder__name">{card.displayName}</Text>
        <Text className="lt-body">{card.note || '（没有写提示）'}</Text>
        <Text className="lt-body lt-muted">
          {card.communityName} · {card.status === 'active' ? '使用中' : '已停用'}
        </Text>
      </View>
      <View className="lt-card">
        <Text className="lt-card__title">紧急联系人</Text>
        {card.contacts.map((c, i) => (
          <Text key={i} className="lt-body">
            {i === 0 ? '★ ' : ''}
            {c.name}（{c.relation}）{c.phone}
          </Text>
        ))}
        <Text className="lt-body lt-muted">★ 好心人按下“通知家属”后看到的电话。</Text>
      </View>
      <Scans card={card} />
      {card.status === 'active' ? <Manage card={card} onChanged={remote.reload} /> : null}
    </View>
  );
}

function Scans({ card }: { card: ElderCardView }) {
  return (
    <View className="lt-card">
      <Text className="lt-card__title">扫码记录</Text>
      {card.scans.length === 0 ? <Text className="lt-body lt-muted">还没有人扫过这张卡。</Text> : null}
      <View className="lt-list">
        {card.scans.map((s) => (
          <View key={s.id} className="lt-list__item">
            <Text className={`lt-list__item-title${s.kind === 'alert' ? ' lt-success' : ''}`}>{s.kindText}</Text>
            <Text className="lt-body">{formatDateTime(s.at)}</Text>
            {s.finderNote ? <Text className="lt-body">留言：{s.finderNote}</Text> : null}
            {s.location ? (
              <Text
                className="lt-link"
                onClick={() => void Taro.openLocation({ latitude: s.location!.latitude, longitude: s.location!.longitude, name: `${card.displayName}可能在这里`, scale: 17 }).catch(() => undefined)}
              >
                查看好心人所在位置
              </Text>
            ) : s.kind === 'alert' ? (
              <Text className="lt-body lt-muted">好心人没有提供位置</Text>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  );
}

function Manage({ card, onChanged }: { card: ElderCardView; onChanged: () => void }) {
  const [printed, setPrinted] = useState<{ card: string; sticker: string; url: string } | null>(null);
  const [confirming, setConfirming] = useState<'reissue' | 'revoke' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = (work: Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    work
      .then(() => {
        setDone(message);
        setPrinted(null);
        onChanged();
      })
      .catch((e: unknown) => setError(toAppError(e)))
      .finally(() => {
        setBusy(false);
        setConfirming(null);
      });
  };
  const print = () => {
    setBusy(true);
    setError(null);
    call('elderCards.print', { id: card.id })
      .then(setPrinted)
      .catch((e: unknown) => setError(toAppError(e)))
      .finally(() => setBusy(false));
  };

  return (
    <View className="lt-card">
      <Text className="lt-card__title">打印与管理</Text>
      {printed ? (
        <View>
          <Text className="lt-body">卡片（可打印后塑封，放在老人口袋里）：</Text>
          <Image className="lt-elder__image" src={printed.card} mode="widthFix" showMenuByLongpress aria-label="防走失卡片" />
          <Text className="lt-body">小贴纸（贴在拐杖、手机壳或衣服内侧）：</Text>
          <Image className="lt-elder__image" src={printed.sticker} mode="widthFix" showMenuByLongpress aria-label="防走失小贴纸" />
          <Text className="lt-body lt-muted">长按图片保存后打印。网址：{printed.url}</Text>
        </View>
      ) : (
        <ActionButton loading={busy && !confirming} onClick={print}>
          生成卡片和小贴纸
        </ActionButton>
      )}
      {card.isFamily || card.canManage ? (
        <View className="lt-gap-top lt-stack">
          <ActionButton tone="secondary" onClick={() => void Taro.navigateTo({ url: `${ROUTES.elderCardEdit}?id=${encodeURIComponent(card.id)}` })}>
            修改称呼、提示或联系人
          </ActionButton>
          {confirming === 'reissue' ? (
            <View className="lt-stack">
              <Text className="lt-body">换新码后，旧卡和旧贴纸上的二维码马上失效，需要重新打印。确定吗？</Text>
              <ActionButton loading={busy} onClick={() => run(call('elderCards.reissue', { id: card.id }), '已换新码，请重新打印卡片和贴纸')}>
                确定换新码
              </ActionButton>
              <ActionButton tone="secondary" onClick={() => setConfirming(null)}>
                不换了
              </ActionButton>
            </View>
          ) : confirming === 'revoke' ? (
            <View className="lt-stack">
              <Text className="lt-body">停用后，这张卡的二维码不再能通知任何人。确定吗？</Text>
              <ActionButton tone="danger" loading={busy} onClick={() => run(call('elderCards.revoke', { id: card.id }), '已停用这张卡')}>
                确定停用
              </ActionButton>
              <ActionButton tone="secondary" onClick={() => setConfirming(null)}>
                不停用
              </ActionButton>
            </View>
          ) : (
            <View className="lt-stack">
              <ActionButton tone="secondary" onClick={() => setConfirming('reissue')}>
                卡丢了，换新码
              </ActionButton>
              <ActionButton tone="danger" onClick={() => setConfirming('revoke')}>
                停用这张卡
              </ActionButton>
            </View>
          )}
        </View>
      ) : null}
      {done ? (
        <View role="status">
          <Text className="lt-body lt-success">{done}</Text>
        </View>
      ) : null}
      <InlineError error={error} />
    </View>
  );
}
