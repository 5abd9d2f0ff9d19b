import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { PetitionSummary } from '../../../../types/petitions-model';
import { useProfile } from '../../../account/profile';
import { call } from '../../../cloud/client';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { EmptyState, InlineError, LoadingState } from '../../../components/states';
import { ListState } from '../../../components/list-footer';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useSession } from '../../../hooks/use-session';
import { ChoiceGrid } from '../../../components/form-kit';
import { PetitionCard } from '../../../petitions/components/petition-card';
import { ROUTES } from '../../../routes';
import '../../../petitions/petitions.scss';

const HANDLERS = ['agent', 'communityAdmin', 'districtAdmin'];
const FILTERS = [
  { value: 'open' as const, text: '待办' },
  { value: 'all' as const, text: '全部' },
];

/**
 * 诉求待办 for agents and admins: what is waiting on them, overdue first (the host's
 * order) with 超期 written on the card. No counts or rankings of anyone's work: it is a
 * to-do list, not a score (国办函〔2026〕12号).
 */
export default function PetitionInboxPage() {
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  const { profile } = useProfile();
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const handler = profile?.roles.some((g) => HANDLERS.includes(g.role)) ?? false;
  // petitions.inbox answers with the whole list: a community's open matters are few.
  const list = usePagedList<PetitionSummary, never>(
    async () => ({ items: signedIn && handler ? await call('petitions.inbox', { status: filter }) : [], next: null }),
    [signedIn, handler, filter],
  );
  const shown = useRef(false);
  useDidShow(() => {
    // Back from a petition just accepted or resolved: the list shows it moved.
    if (shown.current && signedIn && handler) void list.refresh();
    shown.current = true;
  });

  const overdue = list.items.filter((p) => p.overdue !== null).length;

  let body;
  if (session.status === 'restoring' || session.status === 'signingIn') body = <LoadingState text="正在登录，请稍候…" />;
  else if (!signedIn) body = <SignInPrompt reason="代办员和社区管理员登录后可以查看待办事项。" />;
  else if (!profile) body = <LoadingState />;
  else if (!handler) body = <EmptyState title="只有代办员和社区管理员能查看" description="居民反映的事情请在“服务”里的“我的诉求”查看。" />;
  else if (list.status !== 'ready') body = <ListState list={list} />;
  else if (list.items.length === 0)
    body = (
      <EmptyState
        title={filter === 'open' ? '现在没有待办的事' : '还没有居民反映过事情'}
        description={filter === 'open' ? '居民提交后会出现在这里。下拉可以刷新。' : '居民提交或工作人员代为登记后会出现在这里。'}
      />
    );
  else
    body = (
      <View>
        {overdue > 0 ? (
          <View className="lt-pt-overdue" role="alert">
            有{overdue}件已超期，排在最前面，请先办理。
          </View>
        ) : null}
        <InlineError error={list.moreError} />
        <View className="lt-gap-top">
          {list.items.map((p) => (
            <PetitionCard key={p.id} petition={p} forStaff onOpen={() => void Taro.navigateTo({ url: `${ROUTES.petitionDetail}?id=${p.id}` })} />
          ))}
        </View>
      </View>
    );

  return (
    <Page>
      {signedIn && handler ? (
        <View>
          <ChoiceGrid options={FILTERS} value={filter} onChange={setFilter} />
          <View className="lt-card">
            <ActionButton tone="secondary" onClick={() => void Taro.navigateTo({ url: ROUTES.staffPetitionsFile })}>
              代居民登记
            </ActionButton>
          </View>
        </View>
      ) : null}
      {body}
    </Page>
  );
}
