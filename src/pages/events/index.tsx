import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { EventCategory, EventSummary } from '../../../types/events-model';
import { useProfile } from '../../account/profile';
import { call } from '../../cloud/client';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/form-kit';
import { InfoRow } from '../../components/info-row';
import { ListFooter, ListState } from '../../components/list-footer';
import { Page } from '../../components/page';
import { EmptyState, LoadingState } from '../../components/states';
import { EventCard } from '../../events/components/event-card';
import { CATEGORY_FILTERS, WHEN_FILTERS, type EventsWhen } from '../../events/event-text';
import { usePagedList } from '../../hooks/use-paged-list';
import { useCareMode } from '../../theme/care-mode';
import { useSession } from '../../hooks/use-session';
import { ROUTES } from '../../routes';
import './index.scss';

const PAGE_SIZE = 10;

/**
 * 活动: the events of the resident's own community (and the district's), by when and by
 * category. Without a community (signed out, or not chosen yet) it shows the whole
 * district's and says so.
 */
export default function EventsPage() {
  const session = useSession();
  const { status, profile } = useProfile();
  const [when, setWhen] = useState<EventsWhen>('upcoming');
  const [category, setCategory] = useState<EventCategory | 'all'>('all');
  const care = useCareMode();
  const [filtersOpen, setFiltersOpen] = useState(false);

  // Until we know who is looking, we do not know whose community to list.
  const deciding =
    session.status === 'restoring' ||
    session.status === 'signingIn' ||
    (session.status === 'signedIn' && !profile && status !== 'error');
  const communityId = profile?.homeCommunityId ?? null;
  const signedIn = session.status === 'signedIn';

  return (
    <Page tab="events">
      <View className="lt-card">
        <Text className="lt-headline">{profile?.homeCommunityName ? `${profile.homeCommunityName}的活动` : '上街区的社区活动'}</Text>
        {/* Said only when we know why there is no community, not when the profile failed to load. */}
        {!deciding && !communityId && (profile || !signedIn) ? (
          <View>
            <Text className="lt-body lt-muted">
              {signedIn ? '您还没有选择所在社区，下面是全区各社区的活动。' : '登录并选择所在社区后，这里只显示您社区的活动。'}
            </Text>
            {signedIn ? (
              <View className="lt-gap-top">
                <ActionButton tone="secondary" onClick={() => void Taro.navigateTo({ url: ROUTES.community })}>
                  选择我的社区
                </ActionButton>
              </View>
            ) : null}
          </View>
        ) : null}
      </View>

      {signedIn ? (
        <InfoRow label="我报名的活动" value="我的活动和签到码" action="查看" onClick={() => void Taro.navigateTo({ url: ROUTES.myEvents })} />
      ) : null}

      {care.enabled && !filtersOpen ? (
        // 长辈模式: nine large chips would push the first event off the first screen; one
        // button says what is shown and opens the choices.
        <View
          className="lt-events__filter-button"
          role="button"
          aria-expanded={false}
          onClick={() => setFiltersOpen(true)}
        >
          <Text className="lt-events__filter-label">筛选</Text>
          <Text className="lt-events__filter-current">
            {WHEN_FILTERS.find((w) => w.value === when)?.text ?? ''} · {category === 'all' ? '全部类别' : category}
          </Text>
        </View>
      ) : (
        <View>
          <ChoiceChips label="活动时间" options={WHEN_FILTERS} value={when} onChange={setWhen} />
          <ChoiceChips label="活动类别" options={CATEGORY_FILTERS} value={category} onChange={setCategory} />
          {care.enabled ? (
            <ActionButton tone="secondary" onClick={() => setFiltersOpen(false)}>
              收起筛选
            </ActionButton>
          ) : null}
        </View>
      )}

      {deciding ? <LoadingState /> : <EventList communityId={communityId} when={when} category={category} />}
    </Page>
  );
}

function EventList({ communityId, when, category }: { communityId: string | null; when: EventsWhen; category: EventCategory | 'all' }) {
  const list = usePagedList<EventSummary, string>(
    async (cursor) => {
      const page = await call('events.list', {
        when,
        limit: PAGE_SIZE,
        ...(communityId ? { communityId } : {}),
        ...(category !== 'all' ? { category } : {}),
        ...(cursor ? { cursor } : {}),
      });
      return { items: page.items, next: page.nextCursor };
    },
    [communityId, when, category],
  );

  // Back from an event (after signing up, say): seats have changed; refresh in place.
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh();
  });

  if (list.status !== 'ready') return <ListState list={list} />;
  if (list.items.length === 0) {
    const what = WHEN_FILTERS.find((w) => w.value === when)?.text ?? '';
    const kind = category === 'all' ? '活动' : `${category}活动`;
    return (
      <EmptyState
        title={`暂时没有${what}的${kind}`}
        description={category === 'all' ? '社区发布新活动后会显示在这里，下拉可以刷新。' : '可以点上面的“全部”看看其他活动。'}
      />
    );
  }

  return (
    <View>
      {list.items.map((event) => (
        <EventCard
          key={event.id}
          event={event}
          onOpen={() => void Taro.navigateTo({ url: `${ROUTES.eventDetail}?id=${encodeURIComponent(event.id)}` })}
        />
      ))}
      <ListFooter list={list} moreText="加载更多活动" endText="没有更多了" />
    </View>
  );
}
