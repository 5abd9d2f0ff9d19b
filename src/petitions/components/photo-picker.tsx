import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FieldError } from '../../components/form-kit';
import { PrivacyNotice } from '../../components/privacy-notice';
import { useConsentNeeded } from '../../privacy/privacy';
import { MAX_PHOTOS, type PhotoUploads } from '../photo-uploads';
import '../petitions.scss';

/**
 * Up to nine photos. On weapp WeChat's album/camera (chooseMedia, behind the privacy
 * consent); in the H5 preview a file input. Each photo shows whether it has arrived, and
 * one that failed can be sent again or taken out.
 */
export function PhotoPicker({ uploads }: { uploads: PhotoUploads }) {
  const consent = useConsentNeeded();
  const input = useRef<HTMLInputElement | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const chooseOnWeapp = async () => {
    setNote(null);
    try {
      const res = await Taro.chooseMedia({ count: uploads.room, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
      uploads.add(res.tempFiles.map((f) => ({ file: { path: f.tempFilePath }, preview: f.tempFilePath })));
    } catch (error) {
      const errMsg = (error as { errMsg?: string }).errMsg ?? '';
      // Backing out of the album is not a failure.
      if (/cancel/i.test(errMsg)) return;
      setNote(/privacy|auth/i.test(errMsg) ? '需要先同意隐私保护指引，才能添加照片。' : '没能打开相册，请稍后再试。');
    }
  };

  const chooseOnH5 = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    // Choosing files in the browser's own dialog is the resident's consent here.
    if (consent.needed) consent.agreed();
    uploads.add(Array.from(files).map((file) => ({ file: { blob: file }, preview: URL.createObjectURL(file) })));
    // The same file picked again later should fire a change too.
    if (input.current) input.current.value = '';
  };

  const full = uploads.room <= 0;
  const buttonText = full ? `已有${MAX_PHOTOS}张照片` : consent.needed ? '同意并添加照片' : '添加照片';

  return (
    <View>
      {uploads.items.length > 0 ? (
        <View className="lt-pt-photos">
          {uploads.items.map((item, index) => (
            <View key={item.key} className="lt-pt-photo">
              <Image className="lt-pt-photo__image" src={item.preview} mode="aspectFill" aria-label={`第${index + 1}张照片`} />
              {item.status === 'uploading' ? <Text className="lt-pt-photo__state">正在上传…</Text> : null}
              {item.status === 'done' ? <Text className="lt-pt-photo__state">已上传</Text> : null}
              {item.status === 'failed' ? (
                <>
                  <Text className="lt-pt-photo__state lt-pt-photo__state--failed">{item.error?.message ?? '没有上传成功'}</Text>
                  <View className="lt-pt-photo__remove" role="button" onClick={() => uploads.retry(item.key)}>
                    重新上传
                  </View>
                </>
              ) : null}
              <View className="lt-pt-photo__remove" role="button" aria-label={`删除第${index + 1}张照片`} onClick={() => uploads.remove(item.key)}>
                删除
              </View>
            </View>
          ))}
        </View>
      ) : null}

      {consent.needed && !full ? <PrivacyNotice purpose="添加照片要用到您的相册或相机" /> : null}
      {note ? <FieldError>{note}</FieldError> : null}

      <View className="lt-gap-top">
        {/* Written out in full so the build drops the other platform's branch. */}
        {process.env.TARO_ENV === 'weapp' ? (
          <ActionButton
            tone="secondary"
            disabled={full}
            openType={consent.needed ? 'agreePrivacyAuthorization' : undefined}
            onAgreePrivacyAuthorization={() => {
              consent.agreed();
              void chooseOnWeapp();
            }}
            onClick={() => {
              // With consent still needed the agree event above opens the album.
              if (!consent.needed) void chooseOnWeapp();
            }}
          >
            {buttonText}
          </ActionButton>
        ) : (
          <>
            <ActionButton tone="secondary" disabled={full} onClick={() => input.current?.click()}>
              {buttonText}
            </ActionButton>
            <input
              ref={input}
              className="lt-form-file-input"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple
              aria-label="选择照片"
              onChange={(e) => chooseOnH5(e.currentTarget.files)}
            />
          </>
        )}
      </View>
    </View>
  );
}
