import { View } from '@tarojs/components';
import { useState } from 'react';
import { ARTICLE_CATEGORIES, type ArticleCategory } from '../../../../types/articles-model';
import { ArticleRow } from '../../../articles/components/article-row';
import { fetchArticlesPage } from '../../../articles/feed';
import { ActionButton } from '../../../components/action-button';
import { CommunityScopeChoice, useCommunityScope } from '../../../components/community-scope';
import { ChoiceChips, type Choice } from '../../../components/form-kit';
import { Page } from '../../../components/page';
import { ListFooter, ListState } from '../../../components/list-footer';
import { EmptyState } from '../../../components/states';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useCareMode } from '../../../theme/care-mode';
import './index.scss';

const ALL = 'all';
const CATEGORY_CHOICES: readonly Choice<ArticleCategory | typeof ALL>[] = [
  { value: ALL, text: '全部栏目' },
  ...ARTICLE_CATEGORIES.map((c) => ({ value: c, text: c })),
];

/**
 * 社区资讯: everything published, pinned first and newest next, narrowed by 栏目 and, for
 * a resident with a home community, to that community and the district.
 */
export default function ArticlesListPage() {
  const care = useCareMode();
  const scope = useCommunityScope();
  const { communityId } = scope;
  const [category, setCategory] = useState<ArticleCategory | null>(null);

  const list = usePagedList(
    (cursor: string | null) => fetchArticlesPage({ communityId, category: category ?? undefined }, cursor),
    [communityId, category],
  );

  let body;
  if (list.status !== 'ready') body = <ListState list={list} />;
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
                scope.setOnlyMine(false);
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
      <CommunityScopeChoice scope={scope} allText="全部社区" caption="范围" />
      <ChoiceChips
        label="栏目"
        caption="栏目"
        options={CATEGORY_CHOICES}
        value={category ?? ALL}
        onChange={(c) => setCategory(c === ALL ? null : c)}
      />
      {body}
    </Page>
  );
}
