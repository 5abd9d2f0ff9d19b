import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ArticleSummary } from '../../../types/articles-model';
import { formatDateTime } from '../../../types/time';
import { articlePath, scopeLabel } from '../article-text';
import { usePledgeCount } from '../pledge-counts';
import { ArticleTags } from './tags';
import './article-row.scss';

/**
 * One item of a feed. The whole row opens it; the title is the largest text because it
 * is what a reader scans for. The summary is left out where a plain list reads better
 * (长辈模式, 首页).
 */
export function ArticleRow({ article, withSummary = false }: { article: ArticleSummary; withSummary?: boolean }) {
  const pledgeCount = usePledgeCount(article.id, article.pledgeCount);
  const meta = [scopeLabel(article), article.publishAt ? formatDateTime(article.publishAt) : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <View
      className="lt-article-row"
      role="button"
      onClick={() => void Taro.navigateTo({ url: articlePath(article.id) })}
    >
      <ArticleTags category={article.category} pinned={article.pinned} />
      <Text className="lt-article-row__title">{article.title}</Text>
      {withSummary && article.summary ? <Text className="lt-article-row__summary">{article.summary}</Text> : null}
      <Text className="lt-article-row__meta">{meta}</Text>
      {pledgeCount !== null ? (
        <Text className="lt-article-row__pledges">
          {pledgeCount > 0 ? `已有 ${pledgeCount} 人承诺` : '欢迎您第一个承诺'}
        </Text>
      ) : null}
    </View>
  );
}
