import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ElderAlertResult } from '../../../../types/elder-cards-model';
import { call } from '../../../cloud/client';
import { ActionButton } from '../../../components/action-button';
import { FormField, TextInput } from '../../../components/form-kit';
import { Page } from '../../../components/page';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../../components/states';
import { useAction } from '../../../hooks/use-action';
import { useRemote } from '../../../hooks/use-remote';
import '../../../elder/elder.scss';

/** The code from the mini-program code's scene (`c=<code>`) or the web address (`?c=<code>`). */
function codeFrom(params: Record<string, string | undefined>): string {
  const scene = params.scene ? decodeURIComponent(params.scene) : '';
  return (/^c=([0-9A-Za-z]{26})$/.exec(scene)?.[1] ?? params.c ?? '').toUpperCase();
}

/**
 * What a finder sees after scanning a 防走失 card, without signing in: that the person may
 * need help, the short name and the family's note, and one big button that tells the family
 * and the community's grid worker, then shows one number to call.
 */
export default function FoundPage() {
  const code = codeFrom(useRouter().params);
  return <Page>{code ? <Found code={code} /> : <NoCode />}</Page>;
}

function NoCode() {
  return <EmptyState title="二维码不完整" description="请重新扫描老人身上的二维码。如老人需要紧急帮助，请拨打110。" action={<Call110 />} />;
}

function Call110() {
  return (
    <ActionButton tone="danger" onClick={() => void Taro.makePhoneCall({ phoneNumber: '110' }).catch(() => undefined)}>
      拨打110
    </ActionButton>
  );
}

function Found({ code }: { code: string }) {
  // A scan is logged for the family: fetched once per opening, not on every render.
  const card = useRemote(() => call('elderCards.scan', { code }), [code]);
  const [shareLocation, setShareLocation] = useState(true);
  const [note, setNote] = useState('');
  const send = useAction();
  const [locationProblem, setLocationProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ElderAlertResult | null>(null);

  if (!card.data && card.status === 'error') {
    return card.error?.kind === 'ELDER_CARD_NOT_FOUND' ? (
      <EmptyState title="这张卡无法识别或已停用" description="请拨打110，或把老人带到附近的社区、派出所。谢谢您！" action={<Call110 />} />
    ) : (
      <ErrorState error={card.error} onRetry={card.reload} />
    );
  }
  if (!card.data) return <LoadingState />;

  const alert = () =>
    send.run(async () => {
      setLocationProblem(null);
      let location: { latitude: number; longitude: number } | null = null;
      if (shareLocation) {
        try {
          const here = await Taro.getLocation({ type: 'gcj02' });
          location = { latitude: here.latitude, longitude: here.longitude };
        } catch {
          // Refused or unavailable: the alert still goes out, without the place.
          setLocationProblem('没有取得您的位置，提醒已照常发出；可以在留言里写下您在哪里。');
        }
      }
      setResult(await call('elderCards.alert', { code, location, ...(note.trim() ? { note: note.trim() } : {}) }));
    });

  return (
    <View>
      <View className="lt-card">
        <Text className="lt-elder__headline">{card.data.headline}</Text>
        <Text className="lt-elder__name">{card.data.displayName}</Text>
        {card.data.note ? <Text className="lt-body">家属的提示：{card.data.note}</Text> : null}
      </View>
      {result ? (
        <View className="lt-card" role="status">
          <Text className="lt-value lt-success">{result.notified}</Text>
          <Text className="lt-body">请拨打老人{result.relation}的电话：</Text>
          <Text className="lt-elder__phone">{result.phone}</Text>
          <ActionButton onClick={() => void Taro.makePhoneCall({ phoneNumber: result.phone }).catch(() => undefined)}>拨打电话</ActionButton>
          {locationProblem ? <Text className="lt-body lt-muted">{locationProblem}</Text> : null}
          <Text className="lt-body lt-muted">打不通时，请陪老人在原地等候，或拨打110。谢谢您的热心！</Text>
        </View>
      ) : (
        <View className="lt-card">
          <View className="lt-elder__chips" role="radiogroup" aria-label="是否告诉家属您的位置">
            <View role="radio" aria-checked={shareLocation} className={`lt-elder__chip${shareLocation ? ' lt-elder__chip--on' : ''}`} onClick={() => setShareLocation(true)}>
              <Text>告诉家属我在哪里</Text>
            </View>
            <View role="radio" aria-checked={!shareLocation} className={`lt-elder__chip${!shareLocation ? ' lt-elder__chip--on' : ''}`} onClick={() => setShareLocation(false)}>
              <Text>不发位置</Text>
            </View>
          </View>
          <FormField name="note" label="留言" optional>
            <TextInput label="留言" value={note} maxLength={60} placeholder="如：在植物园南门，老人在长椅上休息" onChange={setNote} />
          </FormField>
          <ActionButton loading={send.busy} onClick={() => void alert()}>
            通知家属和社区
          </ActionButton>
          {locationProblem ? <Text className="lt-body lt-muted">{locationProblem}</Text> : null}
          <InlineError error={send.error} />
          <View className="lt-gap-top">
            <Call110 />
          </View>
        </View>
      )}
    </View>
  );
}
