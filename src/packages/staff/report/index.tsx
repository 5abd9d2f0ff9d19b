import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AppError } from '../../../../types/errors';
import type { NearbyReport } from '../../../../types/grid-model';
import type { PetitionDetail } from '../../../../types/petitions-model';
import { formatDateTime } from '../../../../types/time';
import { call } from '../../../cloud/client';
import { toAppError } from '../../../cloud/errors';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { InlineError } from '../../../components/states';
import { Gate } from '../../../grid/gate';
import { FormField, TextBox, TextInput, ToggleRow } from '../../../components/form-kit';
import { LocationPicker } from '../../../petitions/components/petition-form';
import { PhotoPicker } from '../../../petitions/components/photo-picker';
import { usePhotoUploads } from '../../../petitions/photo-uploads';
import { ROUTES } from '../../../routes';
import '../../../grid/grid.scss';

/** A map point, or a place typed by hand when the map was refused (no coordinates then). */
type Picked = { latitude: number | null; longitude: number | null; address: string };

/**
 * 随手拍: a hazard or problem seen on the spot, for workers and residents alike. Photos and a
 * map point help but are never required. Before it is sent, reports of the last 7 days
 * within 100 m are shown, so the same broken manhole is not reported five times.
 */
export default function ReportPage() {
  return (
    <Page>
      <Gate reason="登录后可以随手拍上报隐患和问题。">{() => <ReportForm />}</Gate>
    </Page>
  );
}

function ReportForm() {
  const uploads = usePhotoUploads();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [point, setPoint] = useState<Picked | null>(null);
  const [phone, setPhone] = useState('');
  const [nearby, setNearby] = useState<NearbyReport[] | null>(null);
  const [notDuplicate, setNotDuplicate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [filed, setFiled] = useState<PetitionDetail | null>(null);

  const place = () => ({
    address: address || point?.address || '',
    ...(point && point.latitude !== null && point.longitude !== null ? { latitude: point.latitude, longitude: point.longitude } : {}),
  });

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      if (!notDuplicate) {
        const found = await call('grid.nearbyReports', { place: place() });
        if (found.length > 0) {
          setNearby(found);
          return;
        }
      }
      setFiled(await call('grid.report', { title, description, photoIds: uploads.ids, place: place(), contactPhone: phone, notDuplicate }));
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  if (filed) {
    return (
      <View className="lt-card">
        <Text className="lt-headline lt-success">已上报</Text>
        <Text className="lt-title lt-gap-top">{filed.title}</Text>
        <Text className="lt-body">{filed.agent ? `已交给代办员${filed.agent.name}办理。` : '正在安排代办员。'}</Text>
        <View className="lt-stack lt-gap-top">
          <ActionButton onClick={() => void Taro.redirectTo({ url: `${ROUTES.petitionDetail}?id=${filed.id}` })}>查看办理进度</ActionButton>
        </View>
      </View>
    );
  }
  return (
    <View>
      <FormField name="title" label="是什么问题">
        <TextInput value={title} onChange={setTitle} placeholder="例如：井盖松动" maxLength={40} label="问题标题" />
      </FormField>
      <FormField name="description" label="具体情况">
        <TextBox value={description} onChange={setDescription} maxLength={2000} placeholder="在哪儿、有多危险、从什么时候开始" label="具体情况" />
      </FormField>
      <FormField name="place" label="地点" hint={<Text className="lt-body lt-muted">写清楚路口、楼号；也可以在地图上选。</Text>}>
        <TextInput value={address} onChange={(v) => { setAddress(v); setNearby(null); }} placeholder="例如：朝阳路与工业路交叉口" maxLength={120} label="地点" />
        <LocationPicker value={point} onChange={(p) => { setPoint(p); setNearby(null); }} />
      </FormField>
      <FormField name="photoIds" label="照片" optional>
        <PhotoPicker uploads={uploads} />
      </FormField>
      <FormField name="contactPhone" label="联系电话" hint={<Text className="lt-body lt-muted">办理人员可能需要问您细节。</Text>}>
        <TextInput value={phone} onChange={setPhone} type="number" maxLength={11} placeholder="11位手机号" label="联系电话" />
      </FormField>
      {nearby && nearby.length > 0 ? (
        <View className="lt-card lt-card--notice" role="alert">
          <Text className="lt-card__title">附近7天内已有这些上报</Text>
          {nearby.map((n) => (
            <Text key={n.petitionId} className="lt-body">
              {n.title}（{n.place}
              {n.distance !== null ? `，约${n.distance}米` : ''}，{formatDateTime(n.createdAt)}，{n.statusText}）
            </Text>
          ))}
          <Text className="lt-body lt-muted">如果是同一件事，不用再报，社区已经在办。</Text>
        </View>
      ) : null}
      {nearby && nearby.length > 0 ? (
        <ToggleRow title="不是同一件事" text="确认后仍然上报。" checked={notDuplicate} onChange={setNotDuplicate} />
      ) : null}
      <InlineError error={error} />
      <View className="lt-gap-top">
        <ActionButton loading={busy || uploads.uploading} disabled={Boolean(nearby && nearby.length > 0 && !notDuplicate)} onClick={() => void submit()}>
          上报
        </ActionButton>
      </View>
    </View>
  );
}
