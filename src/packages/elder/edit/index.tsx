import Taro, { useRouter } from '@tarojs/taro';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { Region } from '../../../../types/communities';
import { ELDER_CONTACTS_MAX, ELDER_NAME_MAX, ELDER_NOTE_MAX } from '../../../../types/elder-cards-model';
import type { AppError } from '../../../../types/errors';
import { useProfile } from '../../../account/profile';
import { loadRegions } from '../../../account/regions';
import { call } from '../../../cloud/client';
import { askAt } from '../../../notifications/subscribe';
import { toAppError } from '../../../cloud/errors';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { ErrorState, InlineError, LoadingState } from '../../../components/states';
import { useRemote } from '../../../hooks/use-remote';
import { useSession } from '../../../hooks/use-session';
import { ROUTES } from '../../../routes';
import '../../../elder/elder.scss';

type Contact = { name: string; relation: string; phone: string };
const EMPTY: Contact = { name: '', relation: '', phone: '' };

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
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    const card = existing.data;
    if (card) {
      setCommunityId(card.communityId);
      setDisplayName(card.displayName);
      setNote(card.note);
      // Staff see masked numbers: they retype a number only when they change it.
      setContacts(card.contacts.map((c) => ({ ...c, phone: card.isFamily ? c.phone : '' })));
    } else if (!id && profile?.homeCommunityId) setCommunityId((c) => c ?? profile.homeCommunityId);
  }, [existing.data, id, profile?.homeCommunityId]);

  if (existing.status === 'error' && !existing.data) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if ((id && !existing.data) || !regions.data) return regions.status === 'error' ? <ErrorState error={regions.error} onRetry={regions.reload} /> : <LoadingState />;
  const communities = regions.data.filter((r: Region) => r.level === 'community');

  const setContact = (i: number, patch: Partial<Contact>) => setContacts((all) => all.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const save = () => {
    if (!communityId) {
      setError(toAppError({ code: 142, message: '请选择老人所在的社区' }));
      return;
    }
    // Inside the tap: the family asks for the 走失求助提醒 before anything else.
    const asked = askAt('elderCard');
    setBusy(true);
    setError(null);
    asked
      .then(() => call('elderCards.save', { ...(id ? { id } : {}), communityId, displayName, note, contacts, onBehalf }))
      .then((card) => Taro.redirectTo({ url: `${ROUTES.elderCard}?id=${encodeURIComponent(card.id)}` }))
      .catch((e: unknown) => setError(toAppError(e)))
      .finally(() => setBusy(false));
  };

  return (
    <View>
      <View className="lt-card">
        <Text className="lt-label">老人所在的社区</Text>
        <View className="lt-elder__chips" role="radiogroup">
          {communities.map((c) => (
            <View key={c.id} role="radio" aria-checked={c.id === communityId} className={`lt-elder__chip${c.id === communityId ? ' lt-elder__chip--on' : ''}`} onClick={() => setCommunityId(c.id)}>
              <Text>{c.name}</Text>
            </View>
          ))}
        </View>
        <Text className="lt-label">称呼（别人怎么叫老人，如“王奶奶”，不写全名）</Text>
        <View className="lt-field">
          <Input value={displayName} maxLength={ELDER_NAME_MAX} placeholder="如：王奶奶" onChange={setDisplayName} />
        </View>
        <Text className="lt-label">给好心人的提示（选填）</Text>
        <View className="lt-field">
          <TextArea value={note} maxLength={ELDER_NOTE_MAX} showCount placeholder="如：有糖尿病，别给甜食；耳朵背，请大声说话" onChange={setNote} />
        </View>
      </View>
      <View className="lt-card">
        <Text className="lt-card__title">紧急联系人</Text>
        <Text className="lt-body lt-muted">好心人按下“通知家属”后，只会看到第一位联系人的电话。电话加密保存。</Text>
        {contacts.map((c, i) => (
          <View key={i} className="lt-elder__contact">
            <Text className="lt-label">{i === 0 ? '第一联系人' : `联系人${i + 1}`}</Text>
            <View className="lt-field">
              <Input value={c.name} maxLength={10} placeholder="称呼，如：王小红" onChange={(v) => setContact(i, { name: v })} />
            </View>
            <View className="lt-field">
              <Input value={c.relation} maxLength={6} placeholder="与老人的关系，如：女儿" onChange={(v) => setContact(i, { relation: v })} />
            </View>
            <View className="lt-field">
              <Input value={c.phone} type="digit" maxLength={11} placeholder="11位手机号" onChange={(v) => setContact(i, { phone: v.replace(/\D/g, '') })} />
            </View>
            {contacts.length > 1 ? (
              <ActionButton tone="secondary" onClick={() => setContacts((all) => all.filter((_, j) => j !== i))}>
                删去这位联系人
              </ActionButton>
            ) : null}
          </View>
        ))}
        {contacts.length < ELDER_CONTACTS_MAX ? (
          <View className="lt-gap-top">
            <ActionButton tone="secondary" onClick={() => setContacts((all) => [...all, { ...EMPTY }])}>
              再添一位联系人
            </ActionButton>
          </View>
        ) : null}
      </View>
      <View className="lt-card">
        <InlineError error={error} />
        <ActionButton loading={busy} onClick={save}>
          {id ? '保存修改' : '登记并生成二维码'}
        </ActionButton>
      </View>
    </View>
  );
}
