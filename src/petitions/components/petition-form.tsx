import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import type { Region } from '../../../types/communities';
import { PETITION_CATEGORIES, type PetitionCategory, type PetitionDetail, type PetitionKind } from '../../../types/petitions-model';
import { useProfile } from '../../account/profile';
import { loadRegions } from '../../account/regions';
import { call } from '../../cloud/client';
import { askAt } from '../../notifications/subscribe';
import { toAppError } from '../../cloud/errors';
import { ActionButton } from '../../components/action-button';
import { InfoRow } from '../../components/info-row';
import { PrivacyNotice } from '../../components/privacy-notice';
import { useRemote } from '../../hooks/use-remote';
import { useConsentNeeded } from '../../privacy/privacy';
import { ROUTES } from '../../routes';
import { formErrors } from '../../components/form-errors';
import { ChoiceGrid, ErrorSummary, FieldError, FormField, TextBox, TextInput, ToggleRow, fieldId, useFormErrors } from '../../components/form-kit';
import { KIND_INTRO, PETITION_ERROR_FIELDS } from '../petition-text';
import { usePhotoUploads } from '../photo-uploads';
import { PhotoPicker } from './photo-picker';
import '../petitions.scss';
import { setPageTitle } from '../../platform/ui-text';

export type Location = NonNullable<PetitionDetail['location']>;

/** The fields in the order they stand on the page, by the names the summary gives them. */
const FIELDS = {
  kind: '类型',
  residentName: '居民姓名',
  communityId: '社区',
  category: '类别',
  title: '一句话说明',
  description: '详细情况',
  photoIds: '照片',
  location: '地点',
  contactPhone: '联系电话',
  idNumber: '身份证号',
} as const;
type Field = keyof typeof FIELDS;

const KIND_OPTIONS = [
  { value: 'request' as const, text: KIND_INTRO.request.title },
  { value: 'petition' as const, text: KIND_INTRO.petition.title },
];
// 网格上报 is what 随手拍 files (src/grid); residents and staff pick from the others here.
const CATEGORY_OPTIONS = PETITION_CATEGORIES.filter((c) => c !== '网格上报').map((c) => ({ value: c, text: c }));

/**
 * The one form for handing a matter to the community: by the resident for themself
 * (`petitions.submit`), or by staff for a resident without a smartphone
 * (`petitions.fileOnBehalf`, with the resident's name and the community). Every message
 * the host sends back stands under its field.
 */
export function PetitionForm({
  onBehalf,
  initialKind,
  onSubmitted,
}: {
  onBehalf?: boolean;
  initialKind: PetitionKind;
  onSubmitted: (p: PetitionDetail) => void;
}) {
  const { profile } = useProfile();
  const uploads = usePhotoUploads();
  const [kind, setKind] = useState<PetitionKind>(initialKind);
  const [category, setCategory] = useState<PetitionCategory | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [location, setLocation] = useState<Location | null>(null);
  const [residentName, setResidentName] = useState('');
  const [communityId, setCommunityId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(FIELDS);
  const { errors, fail, clearField } = form;

  const communities = useStaffCommunities(onBehalf === true);
  const chosenCommunity = communityId ?? (communities.length === 1 ? communities[0]!.id : null);

  const chooseKind = (next: PetitionKind) => {
    setKind(next);
    void setPageTitle(onBehalf ? `代居民登记 · ${KIND_INTRO[next].title}` : KIND_INTRO[next].title);
  };

  // A photo removed or sent again answers the photos' message.
  useEffect(() => clearField('photoIds'), [uploads.items, clearField]);

  const submit = async () => {
    if (busy) return;
    if (uploads.uploading) return fail({ fields: {}, summary: '照片还在上传，请等上传完再提交。' });
    // The host would take the petition without a photo that never arrived: stop here.
    if (uploads.failed) return fail(formErrors(null, FIELDS, { known: { photoIds: '有照片没有上传成功：请点“重新上传”，或删除它。' } }));
    // Said together with everything the host finds (which refuses the same), so an empty
    // form names every field to fill at once rather than one a round.
    const known = { idNumber: kind === 'petition' && !idNumber.trim() ? '信访代办需要填写信访人的身份证号' : null };
    // Only the resident's own petition: staff filing on behalf do not subscribe for them.
    const asked = onBehalf ? Promise.resolve({}) : askAt('petitionSubmit');
    setBusy(true);
    form.clear();
    const common = {
      kind,
      // Sent even when empty, so the host checks every other field in the same round.
      category: (category ?? '') as PetitionCategory,
      title,
      description,
      photoIds: uploads.ids,
      location,
      contactPhone,
      idNumber: kind === 'petition' ? idNumber : undefined,
    };
    try {
      await asked;
      const petition = onBehalf
        ? await call('petitions.fileOnBehalf', { ...common, residentName, communityId: chosenCommunity ?? '' })
        : await call('petitions.submit', { ...common, anonymous });
      onSubmitted(petition);
    } catch (e) {
      fail(formErrors(toAppError(e), FIELDS, { fieldOfKind: PETITION_ERROR_FIELDS, known }));
    } finally {
      setBusy(false);
    }
  };

  const intro = KIND_INTRO[kind];
  const error = (name: Field) => errors?.fields[name];
  /** A setter that also takes away the field's message once the resident changes it. */
  const edit = <T,>(name: Field, set: (value: T) => void) => form.edit(name, set);

  return (
    <View>
      <FormField name="kind" label={onBehalf ? '登记的是' : '您要办的是'} error={error('kind')}>
        <ChoiceGrid options={KIND_OPTIONS} value={kind} onChange={edit('kind', chooseKind)} />
      </FormField>
      <View className="lt-card lt-card--notice">
        <Text className="lt-title">{intro.slogan}</Text>
        <Text className="lt-body">{intro.text}</Text>
      </View>

      {onBehalf ? (
        <>
          <FormField name="residentName" label="居民姓名" error={error('residentName')}>
            <TextInput label="居民姓名" value={residentName} onChange={edit('residentName', setResidentName)} maxLength={20} placeholder="例如：杨大爷" />
          </FormField>
          <FormField name="communityId" label="居民所在社区" error={error('communityId')}>
            {communities.length === 0 ? (
              <Text className="lt-body lt-muted">正在读取您负责的社区…</Text>
            ) : (
              <ChoiceGrid options={communities.map((c) => ({ value: c.id, text: c.name }))} value={chosenCommunity} onChange={edit('communityId', setCommunityId)} />
            )}
          </FormField>
        </>
      ) : (
        <View id={fieldId('communityId')}>
          <InfoRow
            label="交给哪个社区办理"
            value={profile?.homeCommunityName ?? '还没有选择所在社区'}
            action={profile?.homeCommunityName ? '更改' : '选择'}
            onClick={() => void Taro.navigateTo({ url: ROUTES.community })}
          />
          {error('communityId') ? <FieldError>{error('communityId')}</FieldError> : null}
        </View>
      )}

      <FormField name="category" label="是哪一类事情" error={error('category')}>
        <ChoiceGrid options={CATEGORY_OPTIONS} value={category} onChange={edit('category', setCategory)} />
      </FormField>

      <FormField name="title" label="一句话说明" hint="4到40个字" error={error('title')}>
        <TextInput label="一句话说明" value={title} onChange={edit('title', setTitle)} maxLength={40} placeholder="例如：安置区北门外没有直通路" />
      </FormField>

      <FormField
        name="description"
        label="详细情况"
        hint={process.env.TARO_ENV === 'weapp' ? '发生了什么、从什么时候开始、影响到谁' : '发生了什么、从什么时候开始、影响到谁，在什么地方'}
        error={error('description')}
      >
        <TextBox label="详细情况" value={description} onChange={edit('description', setDescription)} maxLength={2000} placeholder="至少10个字，把情况写清楚，代办员办起来更快" />
      </FormField>

      <FormField name="photoIds" label="照片" optional hint="最多9张，拍下现场更容易说清楚" error={error('photoIds')}>
        <PhotoPicker uploads={uploads} />
      </FormField>

      <FormField name="location" label="地点" optional error={error('location')}>
        <LocationPicker value={location} onChange={edit('location', setLocation)} />
      </FormField>

      <FormField
        name="contactPhone"
        label={onBehalf ? '居民的联系电话' : '联系电话'}
        hint={
          onBehalf
            ? '居民以后用这个号码登录并绑定，就能看到这件事的进度'
            : profile?.phoneMasked
              ? `代办员会打这个电话联系您。您绑定的是 ${profile.phoneMasked}，要用它也请填写完整号码`
              : '代办员会打这个电话联系您'
        }
        error={error('contactPhone')}
      >
        <TextInput label="联系电话" type="number" value={contactPhone} onChange={edit('contactPhone', (v: string) => setContactPhone(v.replace(/\D/g, '')))} maxLength={11} placeholder="11位手机号" />
      </FormField>

      {kind === 'petition' ? (
        <FormField name="idNumber" label="信访人身份证号" hint="按信访规定需要填写。加密保存，只有受理的代办员能看到完整号码" error={error('idNumber')}>
          <TextInput label="信访人身份证号" type="idcard" value={idNumber} onChange={edit('idNumber', setIdNumber)} maxLength={18} placeholder="18位身份证号" />
        </FormField>
      ) : null}

      {onBehalf ? null : (
        <ToggleRow
          title="匿名"
          text={anonymous ? '已打开：您的名字不会出现在任何公开的地方，只有办理的代办员和社区管理员知道。' : '打开后，您的名字只有办理的代办员和社区管理员知道。'}
          checked={anonymous}
          onChange={setAnonymous}
        />
      )}

      <ErrorSummary errors={errors} />
      <View className="lt-gap-top">
        <ActionButton loading={busy} onClick={() => void submit()}>
          {onBehalf ? '登记' : '提交'}
        </ActionButton>
      </View>
    </View>
  );
}

/**
 * The communities a staff member may file for: every community for a district admin,
 * otherwise those where they hold a role (the host checks the same).
 */
function useStaffCommunities(enabled: boolean): Region[] {
  const { profile } = useProfile();
  const regions = useRemote(() => (enabled ? loadRegions() : Promise.resolve([] as Region[])), [enabled]);
  return useMemo(() => {
    const all = (regions.data ?? []).filter((r) => r.level === 'community');
    const grants = profile?.roles ?? [];
    if (grants.some((g) => g.role === 'districtAdmin')) return all;
    const mine = new Set(grants.map((g) => g.scopeId));
    return all.filter((r) => mine.has(r.id));
  }, [regions.data, profile]);
}

/** Why WeChat's map picker failed, read from its errMsg (the forms differ by phone and version). */
export type LocationFailure = 'cancel' | 'privacy' | 'auth' | 'system' | 'other';

/**
 * Reads chooseLocation's errMsg. Seen on real phones: `chooseLocation:fail cancel` (closed);
 * `chooseLocation:fail privacy permission is not authorized` and `… api scope is not declared
 * in the privacy agreement` (the 隐私保护指引 not agreed, errno 104 / 112);
 * `chooseLocation:fail auth deny`, `…:fail:auth denied`, `…:fail authorize no response` (位置信息
 * refused for this mini-program: WeChat does not ask again, only 设置 can turn it back on);
 * `…:fail system permission denied` (the phone does not let WeChat use location at all).
 */
export function locationFailure(errMsg: string): LocationFailure {
  if (/privacy/i.test(errMsg)) return 'privacy';
  if (/system permission/i.test(errMsg)) return 'system';
  if (/auth(orize)?[ :]*(deny|denied|no response)/i.test(errMsg)) return 'auth';
  if (/cancel/i.test(errMsg)) return 'cancel';
  return 'other';
}

/**
 * What the resident reads when the map did not open, or null when they just closed it.
 * Every refusal ends in the same place: the place can be typed instead.
 */
export function locationFailureText(errMsg: string): string | null {
  switch (locationFailure(errMsg)) {
    case 'cancel':
      return null;
    case 'privacy':
      return '您还没有同意《隐私保护指引》，所以打不开地图。没关系，请在下面直接写出地点。';
    case 'auth':
      return '您没有允许“邻里通”使用位置信息，所以打不开地图。没关系，请在下面直接写出地点；想用地图，可以点“打开位置权限”。';
    case 'system':
      return '手机没有允许微信使用定位，所以打不开地图。请在下面直接写出地点；想用地图，请在手机的“设置”里允许微信使用位置。';
    default:
      return '地图没有打开。请在下面直接写出地点。';
  }
}

/**
 * WeChat's map picker (chooseLocation, declared in requiredPrivateInfos and behind the
 * privacy consent) on weapp, and always the choice to type the place instead.
 */
export function LocationPicker({ value, onChange }: { value: Location | null; onChange: (l: Location | null) => void }) {
  const consent = useConsentNeeded();
  const onWeapp = process.env.TARO_ENV === 'weapp';
  const [failure, setFailure] = useState<{ kind: LocationFailure; text: string } | null>(null);
  const [typing, setTyping] = useState(!onWeapp);
  const typed = value && value.latitude === null ? value.address : '';

  const choose = async () => {
    setFailure(null);
    try {
      const res = await Taro.chooseLocation({});
      const address = [res.name, res.address].filter(Boolean).join('，').slice(0, 120);
      setTyping(false);
      onChange({ latitude: res.latitude, longitude: res.longitude, address });
    } catch (error) {
      const errMsg = (error as { errMsg?: string }).errMsg ?? '';
      const text = locationFailureText(errMsg);
      if (!text) return;
      setFailure({ kind: locationFailure(errMsg), text });
      setTyping(true);
    }
  };

  // 设置 is the only way back after a refusal; it must open from this tap.
  const openSettings = () => {
    Taro.openSetting({}).then(
      (res) => {
        if (res.authSetting['scope.userLocation']) setFailure(null);
      },
      () => undefined,
    );
  };

  return (
    <View>
      {value && value.latitude !== null ? <Text className="lt-value">{value.address || '已在地图上标注'}</Text> : null}
      {failure ? <FieldError>{failure.text}</FieldError> : null}
      {typing ? (
        <TextInput
          label="地点"
          value={typed}
          maxLength={120}
          placeholder="例如：幸福路与建设路路口东北角"
          onChange={(text) => onChange(text.trim() ? { latitude: null, longitude: null, address: text } : null)}
        />
      ) : null}
      {onWeapp ? (
        <View className="lt-gap-top">
          {consent.needed ? <PrivacyNotice purpose="在地图上标注地点要用到您的位置信息" /> : null}
          <ActionButton
            tone="secondary"
            openType={consent.needed ? 'agreePrivacyAuthorization' : undefined}
            onAgreePrivacyAuthorization={() => {
              consent.agreed();
              void choose();
            }}
            onClick={() => {
              if (!consent.needed) void choose();
            }}
          >
            {value && value.latitude !== null ? '换一个地点' : consent.needed ? '同意并在地图上选择' : '在地图上选择地点'}
          </ActionButton>
          {failure?.kind === 'auth' ? (
            <ActionButton tone="secondary" onClick={openSettings}>
              打开位置权限
            </ActionButton>
          ) : null}
          {!typing ? (
            <ActionButton tone="secondary" onClick={() => setTyping(true)}>
              不用地图，直接写地点
            </ActionButton>
          ) : null}
          {value ? (
            <ActionButton tone="secondary" onClick={() => onChange(null)}>
              不标注地点
            </ActionButton>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
