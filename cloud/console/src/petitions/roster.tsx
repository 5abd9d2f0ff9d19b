import { ProForm, ProFormSelect } from '@ant-design/pro-components';
import { Alert, App, Drawer, Empty, Select, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useConsole } from '../layout/console-context';
import { toFieldErrors } from '../plumbing/field-errors';
import { call } from '../sdk/client';
import { toAppError } from '../sdk/errors';

type Roster = Awaited<ReturnType<typeof call<'petitions.roster'>>>;

// The agents of a community are read once per page load (petitions.roster, a query), and
// replaced by what petitions.setRoster answers after a save.
const agentsCache = new Map<string, Promise<Roster>>();
function rosterOf(communityId: string): Promise<Roster> {
  let found = agentsCache.get(communityId);
  if (!found) {
    found = call('petitions.roster', { communityId });
    found.catch(() => agentsCache.delete(communityId));
    agentsCache.set(communityId, found);
  }
  return found;
}

/** The agents (代办员) of a community, to assign petitions to. */
export function useAgents(communityId: string): { agents: Roster['agents'] | null; error: string | null } {
  const [agents, setAgents] = useState<Roster['agents'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    rosterOf(communityId).then(
      (r) => setAgents(r.agents),
      (e: unknown) => setError(toAppError(e).message),
    );
  }, [communityId]);
  return { agents, error };
}

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** 值班表: which agent receives new petitions on each weekday, per community. */
export function RosterDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const { scope, placeName } = useConsole();
  const [communityId, setCommunityId] = useState<string | undefined>(scope.communityIds[0]);
  const [roster, setRoster] = useState<Roster | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = ProForm.useForm();
  const { message } = App.useApp();
  useEffect(() => {
    if (!communityId && scope.communityIds[0]) setCommunityId(scope.communityIds[0]);
  }, [communityId, scope.communityIds]);

  useEffect(() => {
    if (!open || !communityId) return;
    setRoster(null);
    setError(null);
    rosterOf(communityId).then(setRoster, (e: unknown) => setError(toAppError(e).message));
  }, [open, communityId]);

  return (
    <Drawer open={open} onClose={onClose} width={520} title="代办员值班表" destroyOnClose>
      {scope.communityIds.length > 1 && (
        <Space style={{ marginBottom: 16 }}>
          社区
          <Select
            style={{ width: 240 }}
            value={communityId}
            onChange={setCommunityId}
            showSearch
            optionFilterProp="label"
            options={scope.communityIds.map((id) => ({ value: id, label: placeName(id) }))}
          />
        </Space>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {!roster && !error && <Skeleton active />}
      {roster && roster.agents.length === 0 && <Empty description="这个社区还没有代办员，请先在“工作人员与角色”中授予代办员角色" />}
      {roster && roster.agents.length > 0 && (
        <ProForm
          key={roster.communityId}
          form={form}
          initialValues={Object.fromEntries(roster.days.map((d) => [d.weekday, d.agentId]))}
          submitter={{ searchConfig: { submitText: '保存值班表' }, resetButtonProps: false }}
          onFinish={async (values: Record<string, string | undefined>) => {
            const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Record<string, string>;
            try {
              const saved = await call('petitions.setRoster', { communityId: roster.communityId, set });
              agentsCache.set(roster.communityId, Promise.resolve(saved));
              setRoster(saved);
              void message.success('值班表已保存');
              return true;
            } catch (e) {
              const placed = toFieldErrors(e, ['set']);
              setError(placed.fields[0]?.errors[0] ?? placed.message);
              return false;
            }
          }}
        >
          {WEEKDAYS.map((label, i) => (
            <ProFormSelect
              key={label}
              name={String(i + 1)}
              label={label}
              allowClear
              placeholder="无人值班（由管理员分派）"
              options={roster.agents.map((a) => ({ value: a.id, label: a.name }))}
            />
          ))}
        </ProForm>
      )}
    </Drawer>
  );
}
