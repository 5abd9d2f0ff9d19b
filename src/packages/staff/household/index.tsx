import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '../../../cloud/client';
import { Page } from '../../../components/page';
import { RemoteState } from '../../../components/states';
import { Gate } from '../../../grid/gate';
import { useRemote } from '../../../hooks/use-remote';
import '../../../grid/grid.scss';
import { formatDay } from '../../../../types/time';

/** 住户信息 in full: only for the grid's own workers, and the host records every opening. */
export default function HouseholdPage() {
  const id = useRouter().params.id ?? '';
  return (
    <Page>
      <Gate reason="网格员登录后查看住户。" staffOnly>
        {() => <Household id={id} />}
      </Gate>
    </Page>
  );
}

function Household({ id }: { id: string }) {
  const h = useRemote(() => call('grid.household', { id }), [id]);
  if (!h.data) return <RemoteState remote={h} />;
  const d = h.data;
  return (
    <View>
      <View className="lt-card">
        <Text className="lt-card__title">{d.address}</Text>
        <Text className="lt-body">户主：{d.headName}</Text>
        <Text className="lt-body">电话：{d.phone ?? '未留'}</Text>
        {d.note ? <Text className="lt-body">备注：{d.note}</Text> : null}
        <Text className="lt-body lt-muted">{d.gridName} · 本次查看已记录</Text>
      </View>
      <Text className="lt-grid-section">走访记录</Text>
      {d.visits.length === 0 ? <Text className="lt-body lt-muted">还没有走访记录。</Text> : null}
      {d.visits.map((v) => (
        <View key={v.id} className="lt-card">
          <Text className="lt-body lt-muted">
            {formatDay(v.visitedOn)}
            {v.followUp ? ' · 需跟进' : ''}
            {v.petitionId ? ' · 已转为诉求' : ''}
          </Text>
          <Text className="lt-body">{v.raised}</Text>
        </View>
      ))}
    </View>
  );
}
