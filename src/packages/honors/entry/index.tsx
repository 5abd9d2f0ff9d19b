import Taro, { useRouter } from '@tarojs/taro';
import { RichText, Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { HonorEntry } from '../../../../types/honors-model';
import { call } from '../../../cloud/client';
import { useShareCards } from '../../../grid/share-cards';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../../components/states';
import { HonorAvatar } from '../../../honors/components/honor-avatar';
import { ToHonors } from '../../../honors/components/to-honors';
import { entryIdFromParams, entryPath } from '../../../honors/honor-text';
import { entryLoader, withLike } from '../../../honors/load-entry';
import { useAction } from '../../../hooks/use-action';
import { useRemote } from '../../../hooks/use-remote';
import { useSession, useSessionSettledOnce } from '../../../hooks/use-session';
import { ROUTES } from '../../../routes';
import '../../../honors/honors.scss';

const onWeapp = process.env.TARO_ENV === 'weapp';

/**
 * One person on a 光荣榜: photo, name, category, community, their story, and 点赞 (one
 * per resident, kept by the host). Opened from a list, from a share card (`sharer` goes
 * to the host so the sharer's reach counts) or from a poster's code (`scene`).
 */
export default function HonorEntryPage() {
  const params = useRouter().params;
  const id = entryIdFromParams(params);
  const sharer = params.sharer ? decodeURIComponent(params.sharer) : undefined;
  const session = useSession();
  // Read once: the host counts a visit each time the sharer is passed (see entryLoader).
  const load = useRef(entryLoader(id, sharer ?? null)).current;
  // The first load waits for the session so that 已点赞 is right from the start.
  const started = useSessionSettledOnce();

  const shareTitle = useRef<string | null>(null);
  useShareCards('honor', id, sharer, { title: () => shareTitle.current ?? '邻里通 光荣榜', path: (me) => entryPath(id, me) });

  let body;
  if (!id) body = <EmptyState title="没有找到这位人物" description="链接不完整。可以到光荣榜里找一找。" action={<ToHonors />} />;
  else if (!started) body = <LoadingState />;
  else
    body = (
      <EntryContent
        // A like given by one resident is not the next one's.
        key={session.userId ?? 'signed-out'}
        load={load}
        userId={session.userId}
        signedIn={session.status === 'signedIn'}
        onTitle={(title) => (shareTitle.current = title)}
      />
    );
  return <Page>{body}</Page>;
}

function EntryContent({
  load,
  userId,
  signedIn,
  onTitle,
}: {
  load: () => Promise<HonorEntry>;
  userId: string | null;
  signedIn: boolean;
  onTitle: (title: string) => void;
}) {
  // Again when another resident signs in: 已点赞 is theirs, not the last reader's.
  const remote = useRemote(load, [userId]);
  const [liked, setLiked] = useState<{ likes: number; likedByMe: true } | null>(null);

  if (!remote.data) {
    if (remote.status === 'error' && remote.error?.kind === 'NOT_FOUND')
      return <EmptyState title="这位人物已经看不到了" description={remote.error.message} action={<ToHonors />} />;
    if (remote.status === 'error') return <ErrorState error={remote.error} onRetry={remote.reload} />;
    return <LoadingState />;
  }
  const entry = withLike(remote.data, liked);
  onTitle(`${entry.listTitle}·${entry.category} ${entry.name}`);

  return (
    <View>
      <View className="lt-card lt-hn-profile">
        <HonorAvatar name={entry.name} photoUrl={entry.photoUrl} large />
        <Text className="lt-hn-profile__name">{entry.name}</Text>
        <Text className="lt-hn-badge">{entry.category}</Text>
        <Text className="lt-hn-meta">
          {entry.communityName} · {entry.listTitle}
        </Text>
      </View>
      <View className="lt-card">
        <Text className="lt-card__title">事迹</Text>
        <RichText className="lt-hn-story" nodes={entry.storyHtml} />
      </View>
      <LikeBox entry={entry} signedIn={signedIn} onLiked={setLiked} />
      <View className="lt-stack">
        {onWeapp ? (
          <ActionButton tone="secondary" openType="share">
            转发给邻居
          </ActionButton>
        ) : null}
        <ActionButton tone="secondary" onClick={() => void Taro.navigateTo({ url: `${ROUTES.honorPoster}?id=${encodeURIComponent(entry.id)}` })}>
          生成海报
        </ActionButton>
      </View>
      <View
        className="lt-link lt-hn-center"
        role="button"
        onClick={() => void Taro.navigateTo({ url: `${ROUTES.honorList}?id=${encodeURIComponent(entry.listId)}` })}
      >
        看{entry.listTitle}的其他人物
      </View>
    </View>
  );
}

function LikeBox({
  entry,
  signedIn,
  onLiked,
}: {
  entry: HonorEntry;
  signedIn: boolean;
  onLiked: (answer: { likes: number; likedByMe: true }) => void;
}) {
  const send = useAction();
  const [askSignIn, setAskSignIn] = useState(false);

  const like = () => {
    if (!signedIn) return setAskSignIn(true);
    void send.run(async () => onLiked(await call('honors.like', { id: entry.id })));
  };

  return (
    <View className="lt-card lt-hn-like">
      <Text className="lt-hn-like__count">
        已有 <Text className="lt-hn-like__number">{entry.likes}</Text> 人为{entry.name}点赞
      </Text>
      {entry.likedByMe ? (
        <View className="lt-hn-like__done" role="status">
          ✓ 您已点赞
        </View>
      ) : (
        <ActionButton loading={send.busy} onClick={like}>
          为TA点赞
        </ActionButton>
      )}
      <InlineError error={send.error} />
      {askSignIn && !signedIn ? <SignInPrompt reason="登录后才能点赞，每人可以为一位人物点赞一次。" /> : null}
    </View>
  );
}
