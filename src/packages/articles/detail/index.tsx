import Taro, { useRouter } from '@tarojs/taro';
import { RichText, Text, View } from '@tarojs/components';
import { useMemo, useRef } from 'react';
import type { Article } from '../../../../types/articles-model';
import { formatDateTime } from '../../../../types/time';
import { useShareCards } from '../../../grid/share-cards';
import { articlePath, bylines, prepareBodyHtml, scopeLabel } from '../../../articles/article-text';
import { ArticleTags } from '../../../articles/components/tags';
import { articleLoader } from '../../../articles/load-article';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useRemote } from '../../../hooks/use-remote';
import { useSession, useSessionSettledOnce } from '../../../hooks/use-session';
import { ROUTES } from '../../../routes';
import { PledgeBox } from './pledge-box';
import './index.scss';

/**
 * One 资讯: title, where it applies, when, who wrote it, the body, and for a campaign
 * (倡议) its pledge. Opened from a share card, `sharer` names who shared it and goes to
 * the host so their reach can be counted.
 */
export default function ArticleDetailPage() {
  const params = useRouter().params;
  const id = params.id ? decodeURIComponent(params.id) : '';
  const sharer = params.sharer ? decodeURIComponent(params.sharer) : undefined;
  const session = useSession();
  // Read once: the host counts a visit each time it is passed (see articleLoader).
  const load = useRef(articleLoader(id, sharer ?? null)).current;
  // Wait for the session on the first load only, so that 您已承诺 is right from the start.
  const started = useSessionSettledOnce();

  const shareTitle = useRef<string | null>(null);
  useShareCards('article', id, sharer, { title: () => shareTitle.current ?? '邻里通 社区资讯', path: (me) => articlePath(id, me) });

  let body;
  if (!id) body = <EmptyState title="没有找到这篇资讯" description="链接不完整。可以到社区资讯里找一找。" action={<ToList />} />;
  else if (!started) body = <LoadingState />;
  else
    body = (
      <ArticleContent
        load={load}
        userId={session.userId}
        signedIn={session.status === 'signedIn'}
        onTitle={(title) => (shareTitle.current = title)}
      />
    );
  return <Page>{body}</Page>;
}

function ArticleContent({
  load,
  userId,
  signedIn,
  onTitle,
}: {
  load: () => Promise<Article>;
  userId: string | null;
  signedIn: boolean;
  onTitle: (title: string) => void;
}) {
  // Again when another resident signs in: 您已承诺 is theirs, not the last reader's.
  const article = useRemote(load, [userId]);
  const html = useMemo(() => (article.data ? prepareBodyHtml(article.data.bodyHtml) : ''), [article.data]);

  if (!article.data) {
    if (article.status === 'error' && article.error?.kind === 'NOT_FOUND')
      return <EmptyState title="这篇资讯已经看不到了" description={article.error.message} action={<ToList />} />;
    if (article.status === 'error') return <ErrorState error={article.error} onRetry={article.reload} />;
    return <LoadingState />;
  }

  const a = article.data;
  onTitle(a.title);
  const credits = bylines(a);
  return (
    <View>
      <View className="lt-card lt-article">
        <ArticleTags category={a.category} pinned={a.pinned} />
        <Text className="lt-headline lt-article__title">{a.title}</Text>
        <View className="lt-article__facts">
          <Text className="lt-article__fact">来源：{scopeLabel(a)}</Text>
          {a.publishAt ? <Text className="lt-article__fact">发布：{formatDateTime(a.publishAt)}</Text> : null}
          {credits.length > 0 ? <Text className="lt-article__fact">{credits.join('　')}</Text> : null}
        </View>
        <RichText className="lt-article__body" nodes={html} />
      </View>
      {a.pledge ? <PledgeBox key={a.id} articleId={a.id} pledge={a.pledge} signedIn={signedIn} /> : null}
      {process.env.TARO_ENV === 'weapp' ? (
        <ActionButton tone="secondary" openType="share">
          转发给邻居
        </ActionButton>
      ) : null}
      <ToList />
    </View>
  );
}

/** Back to the list when the reader came from it, so the page stack does not grow. */
function openList() {
  const pages = Taro.getCurrentPages();
  const previous = pages[pages.length - 2];
  if (previous && `/${previous.route?.replace(/^\//, '')}`.startsWith(ROUTES.articles)) void Taro.navigateBack();
  else void Taro.navigateTo({ url: ROUTES.articles });
}

function ToList() {
  return (
    <View className="lt-link lt-article__to-list" role="button" onClick={openList}>
      看更多社区资讯
    </View>
  );
}
