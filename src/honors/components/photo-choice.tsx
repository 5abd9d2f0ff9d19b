import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../types/errors';
import { toAppError } from '../../cloud/errors';
import { uploadPhoto, type PhotoFile } from '../../cloud/upload';
import { ActionButton } from '../../components/action-button';
import { FieldError } from '../../components/form-kit';
import { PrivacyNotice } from '../../components/privacy-notice';
import { useConsentNeeded } from '../../privacy/privacy';
import '../honors.scss';

const onWeapp = process.env.TARO_ENV === 'weapp';

export interface OnePhoto {
  /** What an <Image> shows before the host has it: a temp path or an object URL. */
  preview: string;
  status: 'uploading' | 'done' | 'failed';
  id: string | null;
  error: AppError | null;
}

/**
 * One photo (a 锦旗 banner), sent as soon as it is chosen so 提交 does not wait on it.
 * On weapp WeChat's album/camera behind the privacy consent; in the H5 preview a file
 * input. A failed upload can be sent again or taken out.
 */
export function PhotoChoice({ photo, onChange }: { photo: OnePhoto | null; onChange: (photo: OnePhoto | null) => void }) {
  const consent = useConsentNeeded();
  const input = useRef<HTMLInputElement | null>(null);
  const file = useRef<PhotoFile | null>(null);
  // Which choice an upload belongs to: a photo replaced meanwhile must not be overwritten.
  const turn = useRef(0);
  const [note, setNote] = useState<string | null>(null);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;

  useEffect(
    () => () => {
      turn.current++;
    },
    [],
  );

  const send = (chosen: PhotoFile, preview: string) => {
    const mine = ++turn.current;
    file.current = chosen;
    changeRef.current({ preview, status: 'uploading', id: null, error: null });
    uploadPhoto(chosen).then(
      (uploaded) => {
        if (mine === turn.current) changeRef.current({ preview, status: 'done', id: uploaded.id, error: null });
      },
      (error: unknown) => {
        if (mine === turn.current) changeRef.current({ preview, status: 'failed', id: null, error: toAppError(error) });
      },
    );
  };

  const chooseOnWeapp = async () => {
    setNote(null);
    try {
      const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
      const picked = res.tempFiles[0];
      if (picked) send({ path: picked.tempFilePath }, picked.tempFilePath);
    } catch (error) {
      const errMsg = (error as { errMsg?: string }).errMsg ?? '';
      // Backing out of the album is not a failure.
      if (/cancel/i.test(errMsg)) return;
      setNote(/privacy|auth/i.test(errMsg) ? '需要先同意隐私保护指引，才能添加照片。' : '没能打开相册，请稍后再试。');
    }
  };

  const chooseOnH5 = (files: FileList | null) => {
    const picked = files?.[0];
    if (!picked) return;
    // Choosing a file in the browser's own dialog is the resident's consent here.
    if (consent.needed) consent.agreed();
    // An object URL holds the whole photo in memory until revoked.
    if (photo && URL.revokeObjectURL) URL.revokeObjectURL(photo.preview);
    send({ blob: picked }, URL.createObjectURL(picked));
    if (input.current) input.current.value = '';
  };

  const remove = () => {
    turn.current++;
    file.current = null;
    if (photo && !onWeapp && typeof URL !== 'undefined' && URL.revokeObjectURL) URL.revokeObjectURL(photo.preview);
    onChange(null);
  };

  const buttonText = photo ? '换一张照片' : consent.needed ? '同意并添加照片' : '添加锦旗照片';

  return (
    <View>
      {photo ? (
        <View>
          <Image className="lt-hn-photo" src={photo.preview} mode="widthFix" aria-label="锦旗照片" />
          {photo.status === 'uploading' ? <Text className="lt-hn-meta">正在上传…</Text> : null}
          {photo.status === 'done' ? <Text className="lt-hn-meta">已上传</Text> : null}
          {photo.status === 'failed' ? (
            <>
              <FieldError>{photo.error?.message ?? '没有上传成功'}</FieldError>
              <View className="lt-gap-top">
                <ActionButton tone="secondary" onClick={() => file.current && send(file.current, photo.preview)}>
                  重新上传
                </ActionButton>
              </View>
            </>
          ) : null}
          <View className="lt-gap-top">
            <ActionButton tone="secondary" onClick={remove}>
              不要这张照片
            </ActionButton>
          </View>
        </View>
      ) : null}

      {consent.needed ? <PrivacyNotice purpose="添加照片要用到您的相册或相机" /> : null}
      {note ? <FieldError>{note}</FieldError> : null}

      <View className="lt-gap-top">
        {onWeapp ? (
          <ActionButton
            tone="secondary"
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
            <ActionButton tone="secondary" onClick={() => input.current?.click()}>
              {buttonText}
            </ActionButton>
            <input
              ref={input}
              className="lt-form-file-input"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              aria-label="选择锦旗照片"
              onChange={(e) => chooseOnH5(e.currentTarget.files)}
            />
          </>
        )}
      </View>
    </View>
  );
}
