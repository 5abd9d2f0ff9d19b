import { notifiableText } from '../../../../types/notifications-model';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { RESOURCE_KIND_TEXT, type Booking, type HallStep } from '../../../../types/bookings-model';
import type { AppError } from '../../../../types/errors';
import { formatDate, inShanghai } from '../../../../types/time';
import { headline, staffActions } from '../../../bookings/progress';
import { slotTime } from '../../../bookings/schedule';
import { worksBookings } from '../../../bookings/staff';
import { call } from '../../../cloud/client';
import { toAppError } from '../../../cloud/errors';
import { ActionButton } from '../../../components/action-button';
import { TextInput } from '../../../components/form-kit';
import { EmptyState, InlineError } from '../../../components/states';
import { ListState } from '../../../components/list-footer';
import { StaffPage } from '../../../components/staff-page';
import { usePagedList } from '../../../hooks/use-paged-list';
import { ROUTES } from '../../../routes';
import './index.scss';

/**
 * 今日预约 for the front desk of a 党群服务中心: today's room and hall bookings of the
 * staff member's community, with 到场, 未到 (from 15 minutes after the start), and for a
 * hall matter the next steps of HALL_STEPS. Each change is told to the resident by the host.
 */
export default function BookingsTodayPage() {
  return (
    <StaffPage signInReason="社区工作人员登录后才能登记到场。" allowed={worksBookings} elsewhere={{ description: '您自己的预约在“我的预约”里。', label: '去我的预约', url: ROUTES.myBookings }}>
      {() => <TodayDesk />}
    </StaffPage>
  );
}

function TodayDesk() {
  // 未到 becomes possible as time passes; the page follows the clock without a reload.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const list = usePagedList<Booking, never>(async () => ({ items: await call('bookings.today', {}), next: null }), []);

  let body;
  if (list.status !== 'ready') body = <ListState list={list} />;
  else if (list.items.length === 0) body = <EmptyState title="今天还没有预约" description="居民预约后会出现在这里，下拉可以刷新。" />;
  else body = list.items.map((b) => <DeskCard key={b.id} booking={b} now={now} onChanged={() => void list.refresh()} />);

  const arrived = list.items.filter((b) => b.status === 'checked_in').length;
  return (
    <View>
      <View className="lt-card">
        <Text className="lt-headline">今天 {formatDate(now)}</Text>
        {list.status === 'ready' ? (
          <Text className="lt-body lt-muted">
            共{list.items.length}个预约，已到场{arrived}个。下拉可以刷新。
          </Text>
        ) : null}
      </View>
      <InlineError error={list.moreError} />
      {body}
    </View>
  );
}

function DeskCard({ booking: b, now, onChanged }: { booking: Booking; now: Date; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [confirmNoShow, setConfirmNoShow] = useState(false);
  const [askingMaterials, setAskingMaterials] = useState(false);
  const actions = staffActions(b, now);

  const run = async (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    setError(null);
    try {
      await action();
      setConfirmNoShow(false);
      setAskingMaterials(false);
      onChanged();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(null);
    }
  };
  const advance = (to: HallStep, missingMaterials?: string[]) =>
    run(to, () => call('bookings.advance', { id: b.id, to, ...(missingMaterials ? { missingMaterials } : {}) }));

  return (
    <View className="lt-card lt-desk-card">
      <View className="lt-desk-card__head">
        <Text className="lt-desk-card__time">{slotTime(b)}</Text>
        <Text className="lt-desk-card__status">{headline(b)}</Text>
      </View>
      <Text className="lt-title">{b.resourceName}</Text>
      <Text className="lt-body lt-muted">
        {RESOURCE_KIND_TEXT[b.kind]} · {b.centerName}
      </Text>
      <Text className="lt-body">
        预约人：{b.residentName ?? '—'}
        {b.kind === 'room' ? `，${b.partySize}人` : ''}
      </Text>
      {b.notifiable !== null ? <Text className={b.notifiable ? 'lt-body lt-muted' : 'lt-body'}>{notifiableText(b.notifiable)}</Text> : null}
      {b.purpose ? <Text className="lt-body">{b.kind === 'room' ? '用途' : '备注'}：{b.purpose}</Text> : null}
      {b.step === 'needs_material' && b.missingMaterials.length > 0 ? (
        <Text className="lt-body">待补材料：{b.missingMaterials.join('、')}</Text>
      ) : null}
      {b.status === 'pending' ? <Text className="lt-body lt-muted">待社区管理员审核，审核通过后才能登记到场。</Text> : null}

      <InlineError error={error} />

      {askingMaterials ? (
        <MissingMaterialsForm
          documents={b.documents}
          busy={busy === 'needs_material'}
          onSubmit={(missing) => void advance('needs_material', missing)}
          onCancel={() => setAskingMaterials(false)}
        />
      ) : confirmNoShow ? (
        <View className="lt-desk-card__confirm" role="alert">
          <Text className="lt-card__title">确定记为未到吗？</Text>
          <Text className="lt-body lt-muted">30天内3次未到，这位居民的功能室预约会暂停14天。</Text>
          <View className="lt-stack lt-gap-top">
            <ActionButton tone="danger" loading={busy === 'noShow'} onClick={() => void run('noShow', () => call('bookings.markNoShow', { id: b.id }))}>
              确定记为未到
            </ActionButton>
            <ActionButton tone="secondary" onClick={() => setConfirmNoShow(false)}>
              不记
            </ActionButton>
          </View>
        </View>
      ) : (
        <View className="lt-stack lt-gap-top">
          {actions.checkIn ? (
            <ActionButton loading={busy === 'checkIn'} onClick={() => void run('checkIn', () => call('bookings.checkIn', { id: b.id }))}>
              到场
            </ActionButton>
          ) : null}
          {actions.noShow ? (
            <ActionButton tone="secondary" onClick={() => setConfirmNoShow(true)}>
              未到
            </ActionButton>
          ) : null}
          {actions.noShowFrom ? (
            <Text className="lt-body lt-muted">{inShanghai(actions.noShowFrom).format('HH:mm')}后仍未到场，可以记为未到。</Text>
          ) : null}
          {actions.steps.length > 0 ? <Text className="lt-body lt-desk-card__next">办理到下一步：</Text> : null}
          {actions.steps.map((s) => (
            <ActionButton
              key={s.step}
              tone={s.step === 'needs_material' ? 'secondary' : 'primary'}
              loading={busy === s.step}
              onClick={() => (s.step === 'needs_material' ? setAskingMaterials(true) : void advance(s.step))}
            >
              {s.text}
            </ActionButton>
          ))}
        </View>
      )}
    </View>
  );
}

/**
 * 需补材料 asks what is missing: the matter's own documents as big toggles, and a line for
 * anything else; the resident sees exactly this list.
 */
function MissingMaterialsForm({
  documents,
  busy,
  onSubmit,
  onCancel,
}: {
  documents: readonly string[];
  busy: boolean;
  onSubmit: (missing: string[]) => void;
  onCancel: () => void;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [other, setOther] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const toggle = (d: string) => setChosen((c) => (c.includes(d) ? c.filter((x) => x !== d) : [...c, d]));

  const submit = () => {
    const extra = other
      .split(/[，,、;；\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const missing = [...new Set([...chosen, ...extra])];
    if (missing.length === 0) {
      setProblem('请选择或写明需要补充的材料');
      return;
    }
    if (missing.some((m) => m.length > 40)) {
      setProblem('每样材料最多40个字');
      return;
    }
    setProblem(null);
    onSubmit(missing.slice(0, 10));
  };

  return (
    <View className="lt-desk-card__confirm">
      <Text className="lt-card__title">还缺哪些材料？</Text>
      {documents.length > 0 ? <Text className="lt-body lt-muted">点选缺少的，可以选多样：</Text> : null}
      <View className="lt-desk-materials">
        {documents.map((d) => {
          const on = chosen.includes(d);
          return (
            <View key={d} className={`lt-desk-materials__item${on ? ' lt-desk-materials__item--on' : ''}`} role="button" aria-pressed={on} onClick={() => toggle(d)}>
              {on ? '✓ ' : ''}
              {d}
            </View>
          );
        })}
      </View>
      <Text className="lt-body lt-muted">其他材料（用顿号隔开）：</Text>
      <TextInput label="其他材料" value={other} maxLength={200} placeholder="例如：近期体检报告" onChange={setOther} />
      {problem ? <Text className="lt-desk-card__problem">{problem}</Text> : null}
      <View className="lt-stack">
        <ActionButton loading={busy} onClick={submit}>
          确认需补材料
        </ActionButton>
        <ActionButton tone="secondary" onClick={onCancel}>
          不用补
        </ActionButton>
      </View>
    </View>
  );
}
