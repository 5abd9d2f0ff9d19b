import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { GroupReach, MyReach, ShareReachDetail } from '../../../../types/grid-model';
import { formatDate } from '../../../../types/time';
import { call } from '../../../cloud/client';
import type { AppError } from '../../../../types/errors';
import { toAppError } from '../../../cloud/errors';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { EmptyState, InlineError, RemoteState } from '../../../components/states';
import { Gate } from '../../../grid/gate';
import { useRemote } from '../../../hooks/use-remote';
import { TextInput } from '../../../components/form-kit';
import { ROUTES } from '../../../routes';
import '../../../grid/grid.scss';

/**
 * 我的传播: what each of my shares reached, group by group, over the last two weeks. Only
 * ever my own figures (the host has no way to ask for anyone else's), in the order I
 * shared, never ranked or compared with colleagues.
 */
export default function ReachPage() {
  return (
    <Page>
      <Gate reason="登录后可以看到您分享的卡片到了哪些群。">{() => <Reach />}</Gate>
    </Page>
  );
}

function Reach() {
  const reach = useRemote(() => call('shares.reach', {}), []);
  usePullDownRefresh(() => {
    reach.reload();
    void Taro.stopPullDownRefresh();
  });
  if (!reach.data) return <RemoteState remote={reach} />;
  const { shares, days } = reach.data;
  return (
    <View>
      <View className="lt-card">
        <Text className="lt-body lt-muted">这里只有您自己能看到，不做排名，也不用于考核。群名微信不提供，您可以给群起个备注。</Text>
        <View className="lt-gap-top">
          <ActionButton onClick={() => void Taro.navigateTo({ url: ROUTES.staffShare })}>分享一个活动到群里</ActionButton>
        </View>
      </View>
      <Days days={days} />
      {shares.length === 0 ? (
        <EmptyState title="还没有人打开您分享的卡片" description="把社区活动、通知分享到楼栋群后，谁从哪个群打开、报了名，都会显示在这里。" />
      ) : (
        shares.map((s) => <ShareCard key={`${s.targetKind}:${s.targetId}`} share={s} onLabelled={reach.reload} />)
      )}
    </View>
  );
}

function Days({ days }: { days: MyReach['days'] }) {
  const max = Math.max(1, ...days.map((d) => d.opens));
  const total = days.reduce((n, d) => n + d.opens, 0);
  return (
    <View className="lt-card" aria-label="近14天打开次数">
      <Text className="lt-card__title">近14天：{total} 人次打开</Text>
      <View className="lt-grid-days">
        {days.map((d) => (
          <View key={d.day} className="lt-grid-day" style={{ height: `${Math.round((d.opens / max) * 100)}%` }} />
        ))}
      </View>
      <View className="lt-grid-row">
        <Text className="lt-body lt-muted">{formatDate(days[0]!.day)}</Text>
        <Text className="lt-body lt-muted">今天</Text>
      </View>
    </View>
  );
}

const KIND_TEXT = { event: '活动', article: '资讯', honor: '光荣榜' } as const;

function ShareCard({ share, onLabelled }: { share: ShareReachDetail; onLabelled: () => void }) {
  return (
    <View className="lt-card">
      <Text className="lt-card__title">
        <Text className="lt-grid-badge">{KIND_TEXT[share.targetKind]}</Text>
        {share.title}
      </Text>
      <View className="lt-grid-figures">
        <Figure value={share.opens} label="人打开" />
        {share.targetKind === 'event' ? <Figure value={share.signups} label="人报名" /> : null}
        <Figure value={share.groups.length} label="个群" />
      </View>
      {share.groups.map((g) => (
        <Group key={g.opengid} group={g} event={share.targetKind === 'event'} onLabelled={onLabelled} />
      ))}
    </View>
  );
}

function Figure({ value, label }: { value: number; label: string }) {
  return (
    <View className="lt-grid-figure">
      <Text className="lt-grid-figure__value">{value}</Text>
      <Text className="lt-grid-figure__label">{label}</Text>
    </View>
  );
}

function Group({ group, event, onLabelled }: { group: GroupReach; event: boolean; onLabelled: () => void }) {
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(group.label ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('shares.labelGroup', { opengid: group.opengid, label });
      setEditing(false);
      onLabelled();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="lt-grid-group">
      <View className="lt-grid-row">
        <Text className="lt-body">{group.label ?? '未备注的群'}</Text>
        {!editing ? (
          <View className="lt-grid-link" role="button" onClick={() => setEditing(true)}>
            {group.label ? '改备注' : '起备注'}
          </View>
        ) : null}
      </View>
      <Text className="lt-body lt-muted">
        {group.opens} 人打开{group.newResidents > 0 ? ` · ${group.newResidents} 位新居民登录` : ''}
        {event ? ` · ${group.signups} 人报名` : ''}
        {group.bookings > 0 ? ` · ${group.bookings} 次预约` : ''}
      </Text>
      {editing ? (
        <View className="lt-stack lt-gap-top">
          <TextInput value={label} onChange={setLabel} placeholder="例如：3号楼群" maxLength={20} label="群备注" />
          <InlineError error={error} />
          <ActionButton loading={busy} onClick={() => void save()}>
            保存备注
          </ActionButton>
          <ActionButton tone="secondary" onClick={() => setEditing(false)}>
            不改了
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}
