import Taro, { useRouter } from '@tarojs/taro';
import { Canvas, Image, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { AppError } from '../../../../types/errors';
import type { HonorEntry } from '../../../../types/honors-model';
import { call } from '../../../cloud/client';
import { ActionButton } from '../../../components/action-button';
import { Page, toPlatformLength } from '../../../components/page';
import { PrivacyNotice } from '../../../components/privacy-notice';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { POSTER_HEIGHT, POSTER_WIDTH } from '../../../honors/poster';
import { POSTER_CANVAS_ID, PosterError, downloadInBrowser, makePoster, onWeapp, saveToAlbum, type DrawnPoster, type SaveOutcome } from '../../../honors/poster-canvas';
import { useRemote } from '../../../hooks/use-remote';
import { useConsentNeeded } from '../../../privacy/privacy';
import '../../../honors/honors.scss';

/** Shown 300 wide at 375: fits the page's margins in both themes. */
const SHOWN_WIDTH = 300;
const SHOWN_HEIGHT = Math.round((SHOWN_WIDTH * POSTER_HEIGHT) / POSTER_WIDTH);

/**
 * 海报 (`?id=`): a picture of one 光荣榜 person, with the mini-program code that opens
 * their page, to save and send to a group chat or 朋友圈. weapp saves it to the album
 * (behind the privacy consent); the H5 preview offers 长按保存 and a download.
 */
export default function HonorPosterPage() {
  const params = useRouter().params;
  const id = params.id ? decodeURIComponent(params.id) : '';
  const entry = useRemote(() => call('honors.entry', { id }), [id]);
  const code = useRemote(() => call('honors.posterCode', { id }), [id]);

  let body;
  if (!id) body = <EmptyState title="没有找到这位人物" description="链接不完整。请从光荣榜人物页点“生成海报”。" />;
  else if (entry.status === 'error') body = <ErrorState error={entry.error} onRetry={entry.reload} />;
  else if (code.status === 'error') body = <ErrorState title="小程序码没有生成出来" error={code.error} onRetry={code.reload} />;
  else if (!entry.data || !code.data) body = <LoadingState text="正在准备海报…" />;
  else body = <Poster entry={entry.data} codeImage={code.data.image} />;
  return <Page>{body}</Page>;
}

function Poster({ entry, codeImage }: { entry: HonorEntry; codeImage: string }) {
  const [drawn, setDrawn] = useState<DrawnPoster | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    setFailure(null);
    setDrawn(null);
    makePoster({
      entryId: entry.id,
      content: { name: entry.name, category: entry.category, communityName: entry.communityName, listTitle: entry.listTitle, excerpt: entry.excerpt },
      codeDataUrl: codeImage,
      photoUrl: entry.photoUrl,
    }).then(
      (poster) => {
        if (alive) setDrawn(poster);
      },
      (error: unknown) => {
        if (alive) setFailure(error instanceof PosterError ? error.message : '请再试一次');
      },
    );
    return () => {
      alive = false;
    };
  }, [entry, codeImage, attempt]);

  const size = { width: toPlatformLength(SHOWN_WIDTH), height: toPlatformLength(SHOWN_HEIGHT) };
  return (
    <View>
      {/* weapp draws on the page itself; H5 draws in memory and shows the picture. */}
      {onWeapp ? <Canvas type="2d" id={POSTER_CANVAS_ID} className="lt-hn-poster" style={size} /> : null}
      {!onWeapp && drawn ? (
        <Image className="lt-hn-poster" src={drawn.src} style={size} mode="aspectFit" aria-label={`${entry.name}的光荣榜海报`} nativeProps={{ alt: `${entry.name}的光荣榜海报` }} />
      ) : null}
      {failure ? (
        <ErrorState title="海报没有生成出来" error={new AppError('INTERNAL', failure)} onRetry={() => setAttempt((n) => n + 1)} />
      ) : !drawn ? (
        <LoadingState text="正在生成海报…" />
      ) : onWeapp ? (
        <SaveToAlbum poster={drawn} />
      ) : (
        <SaveInBrowser poster={drawn} name={entry.name} />
      )}
    </View>
  );
}

const SAVE_NOTES: Record<Exclude<SaveOutcome, 'saved' | 'cancelled'>, string> = {
  privacy: '需要先同意隐私保护指引，才能保存到相册。',
  denied: '您之前没有允许保存到相册。请点下面的按钮，在设置里打开“保存到相册”。',
  failed: '没有保存成功，请再试一次。',
};

/** weapp: into the album, behind WeChat's privacy consent; a refused album access is sent to settings. */
function SaveToAlbum({ poster }: { poster: DrawnPoster }) {
  const consent = useConsentNeeded();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);

  const save = async () => {
    if (busy) return;
    setBusy(true);
    setOutcome(await saveToAlbum(poster));
    setBusy(false);
  };

  return (
    <View>
      {outcome === 'saved' ? (
        <View className="lt-card lt-card--notice" role="status">
          <Text className="lt-card__title">已保存到相册</Text>
          <Text className="lt-body">可以在微信群或朋友圈里发这张海报，邻居长按识别小程序码就能看到事迹。</Text>
        </View>
      ) : null}
      {consent.needed ? <PrivacyNotice purpose="保存海报要用到“保存到相册”" /> : null}
      {outcome && outcome !== 'saved' && outcome !== 'cancelled' ? (
        <View className="lt-form-error" role="alert">
          {SAVE_NOTES[outcome]}
        </View>
      ) : null}
      <View className="lt-stack lt-gap-top">
        <ActionButton
          loading={busy}
          openType={consent.needed ? 'agreePrivacyAuthorization' : undefined}
          onAgreePrivacyAuthorization={() => {
            consent.agreed();
            void save();
          }}
          onClick={() => {
            // With consent still needed the agree event above saves.
            if (!consent.needed) void save();
          }}
        >
          {consent.needed ? '同意并保存到相册' : '保存到相册'}
        </ActionButton>
        {outcome === 'denied' ? (
          <ActionButton tone="secondary" onClick={() => void Taro.openSetting({}).catch(() => undefined)}>
            打开设置
          </ActionButton>
        ) : null}
      </View>
    </View>
  );
}

/** H5: a long press on the picture saves it on a phone's browser; a download on a computer. */
function SaveInBrowser({ poster, name }: { poster: DrawnPoster; name: string }) {
  return (
    <View>
      <Text className="lt-hn-poster-hint">手机上长按海报图片，选择“保存图片”</Text>
      <ActionButton onClick={() => downloadInBrowser(poster, `光荣榜-${name}.png`)}>下载海报图片</ActionButton>
    </View>
  );
}
