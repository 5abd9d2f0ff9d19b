import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AppError } from '../../../../types/errors';
import type { VisitView } from '../../../../types/grid-model';
import { PETITION_FLOW } from '../../../../types/petitions-model';
import { call } from '../../../cloud/client';
import { toAppError } from '../../../cloud/errors';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { EmptyState, InlineError, RemoteState } from '../../../components/states';
import { Gate } from '../../../grid/gate';
import { useRemote } from '../../../hooks/use-remote';
import { ChoiceGrid, FormField, TextInput } from '../../../components/form-kit';
import { ROUTES } from '../../../routes';
import '../../../grid/grid.scss';
import { formatDay } from '../../../../types/time';

type Category = '道路设施' | '劳动保障/欠薪' | '养老助老' | '环境卫生' | '邻里纠纷' | '其他';
const CATEGORIES: readonly { value: Category; text: string }[] = (['养老助老', '道路设施', '环境卫生', '邻里纠纷', '劳动保障/欠薪', '其他'] as const).map((c) => ({ value: c, text: c }));

/**
 * 走访登记: my grids' visits, newest first, with households masked. A visit marked 需跟进
 * turns into a petition filed on the household's behalf with one tap. No quota, no photo,
 * no location: a visit is a conversation written down.
 */
export default function VisitsPage() {
  return (
    <Page>
      <Gate reason="网格员登录后登记走访。" staffOnly>
        {() => <Visits />}
      </Gate>
    </Page>
  );
}

function Visits() {
  const visits = useRemote(() => call('grid.visits', {}), []);
  useDidShow(() => {
    if (visits.status !== 'loading') visits.reload();
  });
  usePullDownRefresh(() => {
    visits.reload();
    void Taro.stopPullDownRefresh();
  });
  const add = <ActionButton onClick={() => void Taro.navigateTo({ url: ROUTES.staffVisitNew })}>登记一次走访</ActionButton>;
  if (!visits.data) return <RemoteState remote={visits} />;
  return (
    <View>
      <View className="lt-card">
        <Text className="lt-body lt-muted">住户信息已隐去门牌和姓名中的字，点“查看住户”才显示全部（每次查看都会记录）。</Text>
        <View className="lt-gap-top">{add}</View>
      </View>
      {visits.data.length === 0 ? (
        <EmptyState title="还没有走访记录" description="走访后在这里记一笔，需要社区跟进的可以直接转为诉求。" />
      ) : (
        visits.data.map((v) => <VisitCard key={v.id} visit={v} onChanged={visits.reload} />)
      )}
    </View>
  );
}

function VisitCard({ visit, onChanged }: { visit: VisitView; onChanged: () => void }) {
  const [converting, setConverting] = useState(false);
  const [category, setCategory] = useState<Category>('其他');
  const [phone, setPhone] = useState('');
  const [askPhone, setAskPhone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const convert = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('grid.visitToPetition', { visitId: visit.id, category, ...(phone ? { contactPhone: phone } : {}) });
      setConverting(false);
      onChanged();
    } catch (e) {
      const err = toAppError(e);
      if (err.code === 6007) setAskPhone(true);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="lt-card">
      <Text className="lt-card__title">{visit.address}</Text>
      <Text className="lt-body lt-muted">
        {formatDay(visit.visitedOn)}
        {visit.followUp ? ' · 需跟进' : ''}
      </Text>
      <Text className="lt-body">{visit.raised}</Text>
      {visit.petitionId ? (
        <Text className="lt-body lt-success">已转为诉求 · {visit.petitionStatus ? PETITION_FLOW[visit.petitionStatus].text : ''}</Text>
      ) : null}
      <View className="lt-grid-row">
        <View className="lt-grid-link" role="button" onClick={() => void Taro.navigateTo({ url: `${ROUTES.staffHousehold}?id=${visit.householdId}` })}>
          查看住户
        </View>
      </View>
      {visit.followUp && !visit.petitionId && !converting ? (
        <ActionButton onClick={() => setConverting(true)}>转为诉求（代居民登记）</ActionButton>
      ) : null}
      {converting ? (
        <View className="lt-stack lt-gap-top">
          <FormField name="category" label="类别">
            <ChoiceGrid options={CATEGORIES} value={category} onChange={setCategory} />
          </FormField>
          {askPhone ? (
            <FormField name="contactPhone" label="居民联系电话">
              <TextInput value={phone} onChange={setPhone} type="number" maxLength={11} placeholder="11位手机号" label="居民联系电话" />
            </FormField>
          ) : null}
          <InlineError error={error} />
          <ActionButton loading={busy} onClick={() => void convert()}>
            确认转为诉求
          </ActionButton>
          <ActionButton tone="secondary" onClick={() => setConverting(false)}>
            先不转
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}
