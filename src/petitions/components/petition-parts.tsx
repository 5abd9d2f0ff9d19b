import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { PetitionDetail } from '../../../types/petitions-model';
import { cloudSettings } from '../../cloud/settings';
import { ActionButton } from '../../components/action-button';
import { useCareMode } from '../../theme/care-mode';
import { isDiallable } from '../petition-text';
import '../petitions.scss';

function dial(phoneNumber: string) {
  // Backing out of the dialler is the resident's choice, not an error to report.
  void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}

/**
 * 认准一个人: the one agent who handles it, by name, and their number one tap away. Before
 * anyone is assigned it says so, rather than showing an empty slot.
 */
export function AgentCard({ agent }: { agent: PetitionDetail['agent'] }) {
  if (!agent) {
    return (
      <View className="lt-card">
        <Text className="lt-label">您的代办员</Text>
        <Text className="lt-body">正在为您安排代办员。安排好后，这里会显示代办员的姓名和电话。</Text>
      </View>
    );
  }
  return (
    <View className="lt-card">
      <Text className="lt-label">您的代办员（认准一个人）</Text>
      <Text className="lt-pt-agent__name">{agent.name}</Text>
      {isDiallable(agent.phone) ? (
        <ActionButton onClick={() => dial(agent.phone as string)}>打电话给{agent.name}</ActionButton>
      ) : (
        <Text className="lt-body lt-muted">电话暂未登记，可在“我的诉求”里查看办理进度。</Text>
      )}
    </View>
  );
}

/**
 * Who filed it, for the staff handling it. Only the assigned agent gets the numbers in
 * full (the host logs that view); others see them masked and get no call button.
 */
export function ResidentCard({ petition }: { petition: PetitionDetail }) {
  return (
    <View className="lt-card">
      <Text className="lt-label">{petition.filedOnBehalf ? '居民（工作人员代为登记）' : '提交人'}</Text>
      <Text className="lt-value">{petition.submitterName}</Text>
      {petition.anonymous ? <Text className="lt-body lt-muted">居民选择了匿名：办理时可以联系，但不要对外说出他的姓名。</Text> : null}
      {petition.contactPhone ? (
        <>
          <Text className="lt-label lt-gap-top">联系电话</Text>
          <Text className="lt-value">{petition.contactPhone}</Text>
        </>
      ) : null}
      {petition.idNumber ? (
        <>
          <Text className="lt-label lt-gap-top">身份证号</Text>
          <Text className="lt-value">{petition.idNumber}</Text>
        </>
      ) : null}
      {isDiallable(petition.contactPhone) ? (
        <View className="lt-gap-top">
          <ActionButton tone="secondary" onClick={() => dial(petition.contactPhone as string)}>
            打电话给{petition.submitterName}
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}

/**
 * The photos, through the signed links the host gave (valid an hour, host-relative). Two
 * a row and large in 长辈模式, where nothing opens over the page; otherwise a tap shows
 * one full screen.
 */
export function PhotoGallery({ photos }: { photos: PetitionDetail['photos'] }) {
  const care = useCareMode();
  if (photos.length === 0) return null;
  const base = cloudSettings().serverURL;
  const urls = photos.map((p) => `${base}${p.url}`);
  return (
    <View className="lt-pt-photos">
      {urls.map((url, index) => (
        <View
          key={photos[index]!.id}
          className="lt-pt-photo"
          onClick={care.enabled ? undefined : () => void Taro.previewImage({ current: url, urls }).catch(() => undefined)}
        >
          <Image className="lt-pt-photo__image" src={url} mode="aspectFill" aria-label={`照片${index + 1}`} nativeProps={{ alt: `照片${index + 1}` }} />
        </View>
      ))}
    </View>
  );
}

/** Where it is: the address, and on weapp the map one tap away. */
export function LocationLine({ location }: { location: NonNullable<PetitionDetail['location']> }) {
  const { latitude, longitude } = location;
  const canOpenMap = process.env.TARO_ENV === 'weapp' && latitude !== null && longitude !== null;
  return (
    <View>
      <Text className="lt-body">{location.address || (latitude !== null && longitude !== null ? `纬度 ${latitude.toFixed(5)}，经度 ${longitude.toFixed(5)}` : '')}</Text>
      {canOpenMap ? (
        <View className="lt-gap-top">
          <ActionButton
            tone="secondary"
            onClick={() =>
              void Taro.openLocation({ latitude: latitude!, longitude: longitude!, address: location.address, scale: 17 }).catch(
                () => undefined,
              )
            }
          >
            在地图上查看
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}
