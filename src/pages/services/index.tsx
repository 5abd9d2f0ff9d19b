import Taro from '@tarojs/taro';
import { Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Resource } from '../../../types/bookings-model';
import { reloadProfile, useProfile } from '../../account/profile';
import { bookingLinks } from '../../bookings/links';
import { describeHours } from '../../bookings/schedule';
import { serviceGroups } from '../../bookings/service-groups';
import { useCareMode } from '../../theme/care-mode';
import { call } from '../../cloud/client';
import { EntryGrid, type Entry } from '../../components/entry-tile';
import { Page } from '../../components/page';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../components/states';
import { usePagedList } from '../../hooks/use-paged-list';
import { useSession } from '../../hooks/use-session';
import { ROUTES } from '../../routes';
import './index.scss';

// Hints stay within one line of a half-width tile in 长辈模式 (about six characters).
const ENTRIES: readonly Entry[] = [
  { key: 'bookings', title: '我的预约', hint: '取消、改约', onOpen: () => void Taro.navigateTo({ url: ROUTES.myBookings }) },
  { key: 'petition', title: '信访代办', hint: '认准一个人', onOpen: () => void Taro.navigateTo({ url: `${ROUTES.petitionSubmit}?kind=petition` }) },
  { key: 'request', title: '我要反映', hint: '诉求跟到底', onOpen: () => void Taro.navigateTo({ url: `${ROUTES.petitionSubmit}?kind=request` }) },
  { key: 'petitions', title: '我的诉求', hint: '查看进度', onOpen: () => void Taro.navigateTo({ url: ROUTES.myPetitions }) },
];

/**
 * 服务: the resident's own community's 党群服务中心 — the 便民服务大厅 matters one can book
 * a time for (with the documents to bring) and the function rooms (how many they hold,
 * whether the community must approve) — and the ways to hand in a petition or request.
 */
export default function ServicesPage() {
  const session = useSession();
  const { profile, status: profileStatus, error: profileError } = useProfile();
  const signedOut = session.status === 'signedOut' || session.status === 'failed';
  const communityId = profile?.homeCommunityId ?? null;

  // One answer, shown as two lists; through usePagedList for its pull-down refresh.
  const resources = usePagedList<Resource, never>(
    async () => ({ items: communityId ? await call('bookings.resources', { communityId }) : [], next: null }),
    [communityId],
  );

  let centre;
  if (signedOut) centre = <SignInPrompt reason="登录并选择您所在的社区后，可以预约社区党群服务中心的功能室和办事大厅。" />;
  else if (!profile) centre = profileStatus === 'error' ? <ErrorState error={profileError} onRetry={() => void reloadProfile()} /> : <LoadingState />;
  else if (!communityId)
    centre = (
      <EmptyState
        title="先选择您所在的社区"
        description="选好社区后，这里会列出您社区可以预约的功能室和办事大厅事项。"
        action={
          <View className="lt-link" role="button" onClick={() => void Taro.navigateTo({ url: ROUTES.community })}>
            选择所在社区
          </View>
        }
      />
    );
  else if (resources.status === 'loading') centre = <LoadingState />;
  else if (resources.status === 'error') centre = <ErrorState error={resources.error} onRetry={() => void resources.refresh()} />;
  else if (resources.items.length === 0)
    centre = <EmptyState title="您的社区还没有开放预约" description="社区开放功能室和办事大厅预约后，会显示在这里。" />;
  else centre = <Centre resources={resources.items} />;

  return (
    <Page tab="services">
      <EntryGrid entries={ENTRIES} />
      <InlineError error={resources.moreError} />
      {centre}
    </Page>
  );
}

function Centre({ resources }: { resources: readonly Resource[] }) {
  const care = useCareMode();
  const [query, setQuery] = useState('');
  // 长辈模式: the rooms start folded so the hall's matters and the search fit the first screen.
  const [unfolded, setUnfolded] = useState<Record<string, boolean>>({});
  const groups = serviceGroups(resources, query);
  const searching = query.trim() !== '';
  const open = (r: Resource) => void Taro.navigateTo({ url: bookingLinks.resource({ id: r.id, community: r.communityId }) });

  return (
    <View>
      <View className="lt-card lt-svc-search">
        <Text className="lt-card__title" id="lt-svc-search-label">
          找服务
        </Text>
        <Input
          className="lt-svc-search__input"
          value={query}
          maxLength={20}
          placeholder="输入要办的事或房间，如：老人、居住证明、书画"
          onChange={(value) => setQuery(String(value))}
          clearable
          aria-labelledby="lt-svc-search-label"
        />
      </View>
      {groups.length === 0 ? (
        <EmptyState title={`没有找到“${query.trim()}”`} description="换个说法试试，或者清空搜索看全部服务。" />
      ) : null}
      {groups.map((group) => {
        const folded = !searching && (unfolded[group.key] ?? !(care.enabled && group.key !== 'hall')) === false;
        // The hall's items normally share its opening hours: said once above them.
        const hallHours = group.key === 'hall' ? [...new Set(group.items.map((r) => describeHours(r.hours)))] : [];
        return (
          <View key={group.key} className="lt-card lt-svc-section">
            <View
              className="lt-svc-section__head"
              role="button"
              aria-expanded={!folded}
              onClick={() => setUnfolded((u) => ({ ...u, [group.key]: folded }))}
            >
              <Text className="lt-card__title">
                {group.title}（{group.items.length}）
              </Text>
              <Text className="lt-svc-section__toggle">{folded ? '展开' : '收起'}</Text>
            </View>
            {folded ? null : (
              <View>
                <Text className="lt-body lt-muted">
                  {group.items[0]!.centerName}。{group.hint}
                </Text>
                {hallHours.length === 1 ? <Text className="lt-body lt-muted">办理时间：{hallHours[0]}</Text> : null}
                {group.items.map((r) => (
                  <View key={r.id} className="lt-svc-row" role="button" onClick={() => open(r)}>
                    <View className="lt-svc-row__text">
                      <Text className="lt-svc-row__name">{r.name}</Text>
                      {r.kind === 'room' ? <Text className="lt-svc-row__line">可容纳{r.capacity}人</Text> : null}
                      {r.description && !care.enabled ? <Text className="lt-svc-row__line lt-muted">{r.description}</Text> : null}
                      {r.documents.length > 0 ? <Text className="lt-svc-row__line lt-svc-row__documents">请带：{r.documents.join('、')}</Text> : null}
                      {hallHours.length > 1 ? <Text className="lt-svc-row__line">办理时间：{describeHours(r.hours)}</Text> : null}
                    </View>
                    <Text className="lt-svc-row__action">预约</Text>
                  </View>
                ))}
              </View>
            )}
          </View>
        );
      })}
    </View>
  );
}
