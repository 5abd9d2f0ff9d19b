import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { Region } from '../../../../types/communities';
import { ELDER_CONTACTS_MAX, ELDER_NAME_MAX, ELDER_NOTE_MAX } from '../../../../types/elder-cards-model';
import { useProfile } from '../../../account/profile';
import { loadRegions } from '../../../account/regions';
import { call } from '../../../cloud/client';
import { askAt } from '../../../notifications/subscribe';
import { toAppError } from '../../../cloud/errors';
import { ActionButton } from '../../../components/action-button';
import { ChoiceGrid, ErrorSummary, FormField, TextBox, TextInput, useFormErrors } from '../../../components/form-kit';
import { formErrors } from '../../../components/form-errors';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { ErrorState, LoadingState } from '../../../components/states';
import { useRemote } from '../../../hooks/use-remote';
import { useSession } from '../../../hooks/use-session';
import { ROUTES } from '../../../routes';
import '../../../elder/elder.scss';

/** `keep`: the stored contact whose number a staff member sees masked; left blank, it stays. */
type Contact = { name: string; relation: string; phone: string; keep?: number; masked?: string };
const EMPTY: Contact = { name: '', relation: '', phone: '' };
const FIELDS = { communityId: '老人所在的社区', displayName: '称呼', note: '给好心人的提示', contacts: '紧急联系人' } as const;

/** What the host is sent for a contact: a typed number, or the stored one kept. */
const contactInput = ({ name, relation, phone, keep }: Contact) => (phone === '' && keep !== undefined ? { name, relation, keep } : { name, relation, phone });

/**
 * 登记 / 修改防走失卡: a short name (王奶奶, never the full name), a note for whoever finds
 * them, and one to three emergency contacts; the first contact's number is the one a finder
 * sees. `?id=` edits, `?onBehalf=1` is staff registering for a family not in the app.
 */
export default function ElderCardEditPage() {
  const session = useSession();
  const params = useRouter().params;
  let body;
  if (session.status === 'restoring' || session.status === 'signingIn') body = <LoadingState />;
  else if (session.status !== 'signedIn') body = <SignInPrompt reason="登录后可以为家中老人登记防走失卡。" />;
  else body = <Form id={params.id ? decodeURIComponent(params.id) : null} onBehalf={params.onBehalf === '1'} />;
  return <Page>{body}</Page>;
}

function Form({ id, onBehalf }: { id: string | null; onBehalf: boolean }) {
  const { profile } = useProfile();
  const regions = useRemote(loadRegions, []);
  const existing = useRemote(() => (id ? call('elderCards.get', { id }) : Promise.resolve(null)), [id]);
  const [communityId, setCommunityId] = useState<string | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [note, setNote] = useState('');
  const [contacts, setContacts] = useState<Contact[]>([{ ...EMPTY }]);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(FIELDS);

  useEffect(() => {
    const card = existing.data;
    if (card) {
      setCommunityId(card.communityId);
      setDisplayName(card.displayName);
      setNote(card.note);
      // Staff see masked numbers: they retype a number only when they change it.
      setContacts(card.contacts.map((c) => (card.isFamily ? { ...c, phone: c.phone } : { name: c.name, relation: c.relation, phone: '', keep: c.seq, masked: c.phone })));
    } else if (!id && profile?.homeCommunityId) setCommunityId((c) => c ?? profile.homeCommunityId);
  }, [existing.data, id, profile?.homeCommunityId]);

  if (existing.status === 'error' && !existing.data) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if ((id && !existing.data) || !regions.data) return regions.status === 'error' ? <ErrorState error={regions.error} onRetry={regions.reload} /> : <LoadingState />;
  const communities = regions.data.filter((r: Region) => r.level === 'community');

  const setContact = (i: number, patch: Partial<Contact>) => {
    setContacts((all) => all.map((c, j) => (j === i ? { ...c, ...patch } : c)));
    form.clearField('contacts');
  };
  const save = () => {
    if (!communityId) {
      form.fail(formErrors(null, FIELDS, { known: { communityId: '请选择老人所在的社区' } }));
      return;
    }
    // Inside the tap: the family asks for the 走失求助提醒 before anything else.
    const asked = askAt('elderCard');
    setBusy(true);
    form.clear();
    asked
      .then(() => call('elderCards.save', { ...(id ? { id } : {}), communityId, displayName, note, contacts: contacts.map(contactInput), onBehalf }))
      .then((card) => Taro.redirectTo({ url: `${ROUTES.elderCard}?id=${encodeURIComponent(card.id)}` }))
      .catch((e: unknown) => form.fail(formErrors(toAppError(e), FIELDS)))
      .finally(() => setBusy(false));
  };

  return (
    <View>
      <View className="lt-card">
        <FormField name="communityId" label={FIELDS.communityId} error={form.error('communityId')}>
          <ChoiceGrid options={communities.map((c) => ({ value: c.id, text: c.name }))} value={communityId} onChange={form.edit('communityId', setCommunityId)} />
        </FormField>
        <FormField name="displayName" label={FIELDS.displayName} hint="别人怎么叫老人，如“王奶奶”，不写全名" error={form.error('displayName')}>
          <TextInput label={FIELDS.displayName} value={displayName} maxLength={ELDER_NAME_MAX} placeholder="如：王奶奶" onChange={form.edit('displayName', setDisplayName)} />
        </FormField>
        <FormField name="note" label={FIELDS.note} optional error={form.error('note')}>
          <TextBox label={FIELDS.note} value={note} maxLength={ELDER_NOTE_MAX} placeholder="如：有糖尿病，别给甜食；耳朵背，请大声说话" onChange={form.edit('note', setNote)} />
        </FormField>
      </View>
      <View className="lt-card">
        <FormField
          name="contacts"
          label={FIELDS.contacts}
          hint="好心人按下“通知家属”后，只会看到第一位联系人的电话。电话加密保存。"
          error={form.error('contacts')}
        >
          {contacts.map((c, i) => {
            const who = i === 0 ? '第一联系人' : `联系人${i + 1}`;
            return (
              <View key={i} className="lt-elder__contact">
                <Text className="lt-label">{who}</Text>
                <TextInput label={`${who}称呼`} value={c.name} maxLength={10} placeholder="称呼，如：王小红" onChange={(v) => setContact(i, { name: v })} />
                <TextInput label={`${who}与老人的关系`} value={c.relation} maxLength={6} placeholder="与老人的关系，如：女儿" onChange={(v) => setContact(i, { relation: v })} />
                <TextInput
                  label={`${who}手机号`}
                  value={c.phone}
                  type="digit"
                  maxLength={11}
                  placeholder={c.masked ? `${c.masked}（不改就留空）` : '11位手机号'}
                  onChange={(v) => setContact(i, { phone: v.replace(/\D/g, '') })}
                />
                {contacts.length > 1 ? (
                  <ActionButton tone="secondary" onClick={() => setContacts((all) => all.filter((_, j) => j !== i))}>
                    删去这位联系人
                  </ActionButton>
                ) : null}
              </View>
            );
          })}
        </FormField>
        {contacts.length < ELDER_CONTACTS_MAX ? (
          <View className="lt-gap-top">
            <ActionButton tone="secondary" onClick={() => setContacts((all) => [...all, { ...EMPTY }])}>
              再添一位联系人
            </ActionButton>
          </View>
        ) : null}
      </View>
      <View className="lt-card">
        <ErrorSummary errors={form.errors} />
        <ActionButton loading={busy} onClick={save}>
          {id ? '保存修改' : '登记并生成二维码'}
        </ActionButton>
      </View>
    </View>
  );
}
