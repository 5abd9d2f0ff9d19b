import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ARTICLE_CATEGORIES, type ArticleCategory } from '../../../../types/articles-model';
import { useProfile } from '../../../account/profile';
import { ArticleRow } from '../../../articles/components/article-row';
import { fetchArticlesPage } from '../../../articles/feed';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { ListFooter } from '../../../components/list-footer';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useSession } from '../../../hooks/use-session';
import { useCareMode } from '../../../theme/care-mode';
import './index.scss';

/**
 * 社区资讯: everything published, pinned first and newest next, narrowed by 栏目 and, for
 * a resident with a home community, to that community and the district.
 */
export default function ArticlesListPage() {
  const care = useCareMode();
  const session = useSession();
  const { profile } = useProfile();

  const [category, setCategory] = useState<ArticleCategory | null>(null);
  const [onlyMine, setOnlyMine] = useState(false);
  const home = session.status === 'signedIn' && profile?.homeCommunityId ? profile : null;
  const communityId = onlyMine && home ? (home.homeCommunityId ?? undefined) : undefined;

  const list = usePagedList(
    (cursor: string | null) => fetchArticlesPage({ communityId, category: category ?? undefined }, cursor),
    [communityId, category],
  );

  let body;
  if (list.status === 'loading') body = <LoadingState />;
  else if (list.status === 'error') body = <ErrorState error={list.error} onRetry={() => void list.refresh()} />;
  else if (list.items.length === 0)
    body = (
      <EmptyState
        title={category ? `“${category}”栏目还没有内容` : '还没有资讯'}
        description={category || communityId ? '换个栏目或看看全部社区的资讯。' : '社区发布的通知和动态会显示在这里，请过几天再来看看。'}
        action={
          category || communityId ? (
            <ActionButton
              tone="secondary"
              onClick={() => {
                setCategory(null);
                setOnlyMine(false);
              }}
            >
              看全部资讯
            </ActionButton>
          ) : undefined
        }
      />
    );
  else
    body = (
      <View>
        <View className="lt-card lt-articles__list">
          {list.items.map((article) => (
            <ArticleRow key={article.id} article={article} withSummary={!care.enabled} />
          ))}
        </View>
        <ListFooter list={list} endText="没有更多了" />
      </View>
    );

  return (
    <Page>
      {home ? (
        <View className="lt-articles__filter" role="group" aria-label="范围">
          <Text className="lt-articles__filter-label">范围</Text>
          <Chip on={!onlyMine} onClick={() => setOnlyMine(false)}>
            全部社区
          </Chip>
          <Chip on={onlyMine} onClick={() => setOnlyMine(true)}>
            {home.homeCommunityName ?? '我的社区'}
          </Chip>
        </View>
      ) : null}
      <View className="lt-articles__filter" role="group" aria-label="栏目">
        <Text className="lt-articles__filter-label">栏目</Text>
        <Chip on={category === null} onClick={() => setCategory(null)}>
          全部栏目
        </Chip>
        {ARTICLE_CATEGORIES.map((c) => (
          <Chip key={c} on={category === c} onClick={() => setCategory(c)}>
            {c}
          </Chip>
        ))}
      </View>
      {body}
    </Page>
  );
}

/** A filter choice: a button that stays pressed while it applies. */
function Chip({ on, onClick, children }: { on: boolean; onClick: () => void; children: string }) {
  return (
    <View
      className={`lt-articles__chip${on ? ' lt-articles__chip--on' : ''}`}
      role="button"
      aria-pressed={on}
      onClick={onClick}
    >
      {on ? `✓ ${children}` : children}
    </View>
  );
}
