import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AppError } from '../../../../types/errors';
import { formatRange } from '../../../../types/time';
import { formatMinutes, type MyVolunteerHours } from '../../../../types/volunteers-model';
import { call } from '../../../cloud/client';
import { toAppError } from '../../../cloud/errors';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../../components/states';
import { onWeapp } from '../../../events/platform';
import { useRemote } from '../../../hooks/use-remote';
import { usePullToRefresh } from '../../../hooks/use-pull-to-refresh';
import { useSession } from '../../../hooks/use-session';
import { ROUTES } from '../../../routes';
import './index.scss';

/**
 * 我的志愿时长: the hours of each year, each service with its time, and a certificate image
 * to save. The mini-program code on the certificate opens this page (scene `y=<year>`).
 */
export default function VolunteerHoursPage() {
  const session = useSession();
  const params = useRouter().params;
  const scene = params.scene ? decodeURIComponent(params.scene) : '';
  const fromCode = /^y=(\d{4})$/.exec(scene)?.[1];
  const initialYear = Number(params.year ?? fromCode) || undefined;
  let body;
  if (session.status === 'restoring' || session.status === 'signingIn') body = <LoadingState />;
  else if (session.status !== 'signedIn') body = <SignInPrompt reason="登录后可以查看自己的志愿服务时长。" />;
  else body = <Hours initialYear={initialYear} />;
  return <Page>{body}</Page>;
}

function Hours({ initialYear }: { initialYear: number | undefined }) {
  const [year, setYear] = useState(initialYear);
  const remote = useRemote(() => call('volunteers.mine', year ? { year } : {}), [year]);
  usePullToRefresh(remote);

  const data = remote.data;
  if (!data && remote.status === 'error') return <ErrorState error={remote.error} onRetry={remote.reload} />;
  if (!data) return <LoadingState />;
  if (!data.years.length) {
    return (
      <EmptyState
        title="还没有志愿服务记录"
        description="在活动页面点“报名当志愿者”，到岗和离岗时请工作人员扫您的志愿者码，时长就会记在这里。"
        action={<ActionButton onClick={() => void Taro.switchTab({ url: ROUTES.events })}>看看社区活动</ActionButton>}
      />
    );
  }
  const current = data.years.find((y) => y.year === data.year);
  return (
    <View>
      {data.years.length > 1 ? (
        <View className="lt-card lt-hours__years" role="tablist">
          {data.years.map((y) => (
            <View
              key={y.year}
              role="tab"
              aria-selected={y.year === data.year}
              className={`lt-hours__year${y.year === data.year ? ' lt-hours__year--on' : ''}`}
              onClick={() => setYear(y.year)}
            >
              <Text>{y.year}年</Text>
            </View>
          ))}
        </View>
      ) : null}
      <View className="lt-card lt-hours__total">
        <Text className="lt-label">{data.year}年志愿服务</Text>
        <Text className="lt-headline">{formatMinutes(current?.minutes ?? 0)}</Text>
        <Text className="lt-body">共{current?.services ?? 0}次服务</Text>
      </View>
      <View className="lt-card">
        <Text className="lt-card__title">每次服务</Text>
        <View className="lt-list">
          {data.records.map((r) => (
            <View key={r.id} className="lt-list__item" onClick={() => void Taro.navigateTo({ url: `${ROUTES.eventDetail}?id=${encodeURIComponent(r.eventId)}` })}>
              <Text className="lt-list__item-title">{r.eventTitle}</Text>
              <Text className="lt-body lt-muted">{formatRange(r.startsAt, r.endsAt)}</Text>
              <Text className="lt-body">
                {r.stageText}
                {r.minutes !== null ? ` · ${formatMinutes(r.minutes)}` : ''}
              </Text>
              {r.correctionReason ? <Text className="lt-body lt-muted">核定说明：{r.correctionReason}</Text> : null}
            </View>
          ))}
        </View>
      </View>
      {current && current.minutes > 0 ? <Certificate year={data.year} /> : null}
      <Text className="lt-body lt-muted lt-hours__note">时长按到岗、离岗签到计算，只计活动时间以内；有出入请联系社区核定。</Text>
    </View>
  );
}

function Certificate({ year }: { year: MyVolunteerHours['year'] }) {
  const [image, setImage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);

  const make = () => {
    setBusy(true);
    setError(null);
    call('volunteers.certificate', { year })
      .then((c) => setImage(c.image))
      .catch((e: unknown) => setError(toAppError(e)))
      .finally(() => setBusy(false));
  };

  const save = async () => {
    if (!image) return;
    setError(null);
    try {
      // WeChat saves files, not data URLs: write the PNG to a temporary file first.
      const fs = Taro.getFileSystemManager();
      const path = `${Taro.env.USER_DATA_PATH}/volunteer-${year}.png`;
      fs.writeFileSync(path, image.replace(/^data:image\/png;base64,/, ''), 'base64');
      await Taro.saveImageToPhotosAlbum({ filePath: path });
      setSaved(true);
    } catch (e) {
      setError(toAppError(e));
    }
  };

  return (
    <View className="lt-card">
      <Text className="lt-card__title">志愿服务时长证明</Text>
      {image ? (
        <View>
          <Image className="lt-hours__certificate" src={image} mode="widthFix" showMenuByLongpress aria-label={`${year}年志愿服务时长证明`} />
          {onWeapp ? (
            <ActionButton onClick={() => void save()}>{saved ? '已保存到相册' : '保存到相册'}</ActionButton>
          ) : (
            <Text className="lt-body lt-muted">长按图片可以保存。</Text>
          )}
        </View>
      ) : (
        <ActionButton loading={busy} onClick={make}>
          生成{year}年时长证明
        </ActionButton>
      )}
      <InlineError error={error} />
    </View>
  );
}
