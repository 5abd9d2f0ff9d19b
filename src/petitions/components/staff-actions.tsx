import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AppError } from '../../../types/errors';
import type { PetitionDetail } from '../../../types/petitions-model';
import { call } from '../../cloud/client';
import { toAppError } from '../../cloud/errors';
import { ActionButton } from '../../components/action-button';
import { formErrors } from '../../components/form-errors';
import { FieldError, FormField, TextBox, TextInput } from '../../components/form-kit';
import { PETITION_ERROR_FIELDS, STAFF_ACTIONS, STAFF_ACTION_TEXT, type StaffAction } from '../petition-text';
import '../petitions.scss';

const DONE_TEXT: Record<StaffAction, string> = {
  accept: '已受理，这件事由您负责办理。',
  note: '进展已记录，居民能看到。',
  resolve: '已办结，居民会收到“问题解决了吗？”。',
  transfer: '已转办。',
  decline: '已不予受理，居民能看到原因。',
};

/**
 * What the handler may do now, read off the petition's `actions` (which the host derives
 * from PETITION_FLOW and the viewer's role). 受理 is one tap; the others open their text
 * field in place, because each is written to the resident.
 */
export function StaffActions({ petition, onChanged }: { petition: PetitionDetail; onChanged: (p: PetitionDetail) => void }) {
  const available = STAFF_ACTIONS.filter((a) => petition.actions.includes(a));
  const [open, setOpen] = useState<StaffAction | null>(null);
  const [text, setText] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState<StaffAction | null>(null);
  const [error, setError] = useState<{ action: StaffAction; error: AppError } | null>(null);
  const [done, setDone] = useState<StaffAction | null>(null);

  if (available.length === 0 && !done) return null;

  const run = async (action: StaffAction) => {
    setBusy(action);
    setError(null);
    setDone(null);
    try {
      const id = petition.id;
      const next =
        action === 'accept'
          ? await call('petitions.accept', { id })
          : action === 'note'
            ? await call('petitions.note', { id, note: text })
            : action === 'resolve'
              ? await call('petitions.resolve', { id, resolution: text })
              : action === 'transfer'
                ? await call('petitions.transfer', { id, to, reason: text })
                : await call('petitions.decline', { id, reason: text });
      setText('');
      setTo('');
      setOpen(null);
      setDone(action);
      onChanged(next);
    } catch (e) {
      setError({ action, error: toAppError(e) });
    } finally {
      setBusy(null);
    }
  };

  const toggle = (action: StaffAction) => {
    setOpen(open === action ? null : action);
    setText('');
    setTo('');
    setError(null);
    setDone(null);
  };

  const errors = error ? formErrors(error.error, { note: '进展', resolution: '办理结果', to: '转交给', reason: '理由' }, { fieldOfKind: PETITION_ERROR_FIELDS }) : null;
  const fieldError = (name: string) => errors?.fields[name];

  return (
    <View className="lt-card">
      <Text className="lt-card__title">办理</Text>
      {done ? <Text className="lt-body lt-success">{DONE_TEXT[done]}</Text> : null}
      {available.map((action) => {
        if (action === 'accept') {
          return (
            <View key={action} className="lt-gap-top">
              <Text className="lt-body lt-muted">受理后，这件事由您本人负责，居民会看到您的姓名和电话。</Text>
              <ActionButton loading={busy === 'accept'} onClick={() => void run('accept')}>
                受理
              </ActionButton>
              {error?.action === 'accept' ? <FieldError>{error.error.message}</FieldError> : null}
            </View>
          );
        }
        const isOpen = open === action;
        return (
          <View key={action} className="lt-gap-top">
            {/* Open or not, the toggle stays plain: the one red button is the one that sends. */}
            <ActionButton tone="secondary" onClick={() => toggle(action)}>
              {isOpen ? `收起“${STAFF_ACTION_TEXT[action]}”` : STAFF_ACTION_TEXT[action] ?? action}
            </ActionButton>
            {isOpen ? (
              <View className="lt-gap-top">
                {action === 'transfer' ? (
                  <FormField name="to" label="转交给" hint="写明接手的社区或单位" error={fieldError('to')}>
                    <TextInput label="转交给" value={to} onChange={setTo} maxLength={60} placeholder="例如：区人社局劳动监察大队" />
                  </FormField>
                ) : null}
                <ActionForm action={action} text={text} setText={setText} error={fieldError(FIELD_OF[action])} />
                {error?.action === action ? <FieldError>{errors?.summary}</FieldError> : null}
                <ActionButton tone={action === 'decline' ? 'danger' : 'primary'} loading={busy === action} onClick={() => void run(action)}>
                  {SUBMIT_TEXT[action]}
                </ActionButton>
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

const FIELD_OF: Record<Exclude<StaffAction, 'accept'>, string> = { note: 'note', resolve: 'resolution', transfer: 'reason', decline: 'reason' };
const SUBMIT_TEXT: Record<Exclude<StaffAction, 'accept'>, string> = {
  note: '保存进展',
  resolve: '确认办结',
  transfer: '确认转办',
  decline: '确认不予受理',
};
const FORM: Record<Exclude<StaffAction, 'accept'>, { label: string; hint: string; placeholder: string; max: number }> = {
  note: { label: '办理进展', hint: '居民能看到，请写清楚办到哪一步了', placeholder: '例如：已联系区城管局，正在办理开设路口的手续', max: 500 },
  resolve: { label: '办理结果', hint: '居民能看到，并会被问“问题解决了吗？”', placeholder: '例如：北门外开设了路口，已经可以通行', max: 1000 },
  transfer: { label: '转办原因', hint: '居民能看到', placeholder: '例如：欠薪问题由劳动监察部门处理', max: 300 },
  decline: { label: '不予受理的原因', hint: '居民能看到，请写明依据和可以去哪里办', placeholder: '例如：已进入诉讼程序，请通过法院解决', max: 300 },
};

function ActionForm({ action, text, setText, error }: { action: Exclude<StaffAction, 'accept'>; text: string; setText: (t: string) => void; error?: string }) {
  const form = FORM[action];
  return (
    <FormField name={FIELD_OF[action]} label={form.label} hint={form.hint} error={error}>
      <TextBox label={form.label} value={text} onChange={setText} maxLength={form.max} placeholder={form.placeholder} />
    </FormField>
  );
}
