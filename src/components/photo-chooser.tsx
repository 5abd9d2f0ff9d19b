import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { PhotoFile } from '../cloud/upload';
import { useConsentNeeded } from '../privacy/privacy';
import { ActionButton } from './action-button';
import { FieldError } from './form-kit';
import { PrivacyNotice } from './privacy-notice';

export interface ChosenPhoto {
  file: PhotoFile;
  /** What an <Image> can show before the host has it: a temp path or an object URL. */
  preview: string;
}

/**
 * The button that takes photos from the phone: on weapp WeChat's album/camera
 * (chooseMedia, behind the privacy consent), in the H5 preview a file input. The forms
 * keep what was chosen and send it; this only chooses (one photo for a 锦旗, up to nine
 * for a petition or a 随手拍).
 */
export function PhotoChooser({
  count,
  addText,
  text,
  disabled,
  inputLabel,
  onChosen,
}: {
  /** How many photos may be chosen at once. */
  count: number;
  /** The button before any consent question, e.g. 添加照片. */
  addText: string;
  /** Replaces the button's words (换一张照片, 已有9张照片). */
  text?: string;
  disabled?: boolean;
  /** The H5 file input's label (read by screen readers and the browser tests). */
  inputLabel: string;
  onChosen: (photos: ChosenPhoto[]) => void;
}) {
  const consent = useConsentNeeded();
  const input = useRef<HTMLInputElement | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const chooseOnWeapp = async () => {
    setNote(null);
    try {
      const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
      onChosen(res.tempFiles.map((f) => ({ file: { path: f.tempFilePath }, preview: f.tempFilePath })));
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
    onChosen(Array.from(files).slice(0, count).map((file) => ({ file: { blob: file }, preview: URL.createObjectURL(file) })));
    // The same file picked again later should fire a change too.
    if (input.current) input.current.value = '';
  };

  const buttonText = text ?? (consent.needed ? '同意并添加照片' : addText);

  return (
    <View>
      {consent.needed && !disabled ? <PrivacyNotice purpose="添加照片要用到您的相册或相机" /> : null}
      {note ? <FieldError>{note}</FieldError> : null}

      <View className="lt-gap-top">
        {/* Written out in full so the build drops the other platform's branch. */}
        {process.env.TARO_ENV === 'weapp' ? (
          <ActionButton
            tone="secondary"
            disabled={disabled}
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
            <ActionButton tone="secondary" disabled={disabled} onClick={() => input.current?.click()}>
              {buttonText}
            </ActionButton>
            <input
              ref={input}
              className="lt-form-file-input"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple={count > 1}
              aria-label={inputLabel}
              onChange={(e) => chooseOnH5(e.currentTarget.files)}
            />
          </>
        )}
      </View>
    </View>
  );
}
