import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { GridRef, HouseholdSummary } from '../../../../types/grid-model';
import { formatDay, shanghaiDay } from '../../../../types/time';
import { call } from '../../../cloud/client';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { EmptyState, RemoteState } from '../../../components/states';
import { Gate } from '../../../grid/gate';
import { useAction } from '../../../hooks/use-action';
import { useRemote } from '../../../hooks/use-remote';
import { ChoiceGrid, FormField, SubmitBar, TextBox, TextInput, ToggleRow } from '../../../components/form-kit';
import '../../../grid/grid.scss';

/** 登记走访: pick the household from the grid's list (or type a new one once), what was raised, whether it needs follow-up. */
export default function VisitNewPage() {
  return (
    <Page>
      <Gate reason="网格员登录后登记走访。" staffOnly>
        {() => <Form />}
      </Gate>
    </Page>
  );
}

function Form() {
  const bench = useRemote(() => call('grid.workbench', {}), []);
  if (!bench.data) return <RemoteState remote={bench} />;
  if (bench.data.grids.length === 0) return <EmptyState title="您还没有分到网格" description="请社区管理员在后台把您分到网格后再登记走访。" />;
  return <VisitForm grids={bench.data.grids} />;
}

function VisitForm({ grids }: { grids: GridRef[] }) {
  const [gridId, setGridId] = useState(grids[0]!.id);
  const [query, setQuery] = useState('');
  const [household, setHousehold] = useState<HouseholdSummary | null>(null);
  const [typing, setTyping] = useState(false);
  const [address, setAddress] = useState('');
  const [headName, setHeadName] = useState('');
  const [phone, setPhone] = useState('');
  const [visitedOn, setVisitedOn] = useState(shanghaiDay(new Date()));
  const [raised, setRaised] = useState('');
  const [followUp, setFollowUp] = useState(false);
  const save = useAction();
  const households = useRemote(() => call('grid.households', { gridId, query }), [gridId, query]);

  const submit = () =>
    save.run(async () => {
      await call('grid.logVisit', {
        ...(typing || !household
          ? { newHousehold: { gridId, address, headName, ...(phone ? { phone } : {}) } }
          : { householdId: household.id }),
        visitedOn,
        raised,
        followUp,
      });
      await Taro.navigateBack();
    });

  return (
    <View>
      {grids.length > 1 ? (
        <FormField name="gridId" label="网格">
          <ChoiceGrid options={grids.map((g) => ({ value: g.id, text: g.name }))} value={gridId} onChange={(v) => { setGridId(v); setHousehold(null); }} />
        </FormField>
      ) : null}
      <FormField name="householdId" label="住户" hint={<Text className="lt-body lt-muted">从网格名单里选；名单里没有的，点“名单里没有”填一次。</Text>}>
        {household && !typing ? (
          <View className="lt-card">
            <Text className="lt-card__title">{household.address}</Text>
            <Text className="lt-body lt-muted">户主 {household.headName}</Text>
            <View className="lt-grid-link" role="button" onClick={() => setHousehold(null)}>
              换一户
            </View>
          </View>
        ) : typing ? (
          <View className="lt-stack">
            <TextInput value={address} onChange={setAddress} placeholder="例如：朝阳小区3号楼2单元401室" maxLength={60} label="地址" />
            <TextInput value={headName} onChange={setHeadName} placeholder="户主姓名" maxLength={20} label="户主姓名" />
            <TextInput value={phone} onChange={setPhone} type="number" maxLength={11} placeholder="联系电话（选填）" label="联系电话" />
            <ActionButton tone="secondary" onClick={() => setTyping(false)}>
              从名单里选
            </ActionButton>
          </View>
        ) : (
          <View className="lt-stack">
            <TextInput value={query} onChange={setQuery} placeholder="输入楼号查找" maxLength={30} label="查找住户" />
            {(households.data ?? []).slice(0, 12).map((h) => (
              <View key={h.id} className="lt-card" role="button" onClick={() => setHousehold(h)}>
                <Text className="lt-body">{h.address}</Text>
                <Text className="lt-body lt-muted">
                  户主 {h.headName}
                  {h.lastVisitOn ? ` · 上次走访 ${formatDay(h.lastVisitOn)}` : ' · 还没走访过'}
                </Text>
              </View>
            ))}
            <ActionButton tone="secondary" onClick={() => setTyping(true)}>
              名单里没有，填一户
            </ActionButton>
          </View>
        )}
      </FormField>
      <FormField name="visitedOn" label="走访日期">
        <TextInput value={visitedOn} onChange={setVisitedOn} maxLength={10} placeholder="2026-03-23" label="走访日期" />
      </FormField>
      <FormField name="raised" label="居民反映的情况">
        <TextBox value={raised} onChange={setRaised} maxLength={500} placeholder="例如：楼道灯坏了，老人晚上上下楼不方便" label="居民反映的情况" />
      </FormField>
      <ToggleRow title="需要社区跟进" text="标上后，可以在走访记录里一键转为诉求。" checked={followUp} onChange={setFollowUp} />
      <SubmitBar error={save.error} busy={save.busy} disabled={!household && !typing} onSubmit={() => void submit()}>
        保存走访
      </SubmitBar>
    </View>
  );
}
