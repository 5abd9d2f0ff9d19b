import { Image, Text, View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import type { AppError } from '../../../types/errors';
import { toAppError } from '../../cloud/errors';
import { uploadPhoto, type PhotoFile } from '../../cloud/upload';
import { ActionButton } from '../../components/action-button';
import { FieldError } from '../../components/form-kit';
import { PhotoChooser, type ChosenPhoto } from '../../components/photo-chooser';
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
 * One photo (a 锦旗 banner), chosen with the shared PhotoChooser and sent as soon as it is
 * chosen so 提交 does not wait on it. A failed upload can be sent again or taken out.
 */
export function PhotoChoice({ photo, onChange }: { photo: OnePhoto | null; onChange: (photo: OnePhoto | null) => void }) {
  const file = useRef<PhotoFile | null>(null);
  // Which choice an upload belongs to: a photo replaced meanwhile must not be overwritten.
  const turn = useRef(0);
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

  const choose = ([picked]: ChosenPhoto[]) => {
    if (!picked) return;
    // An object URL holds the whole photo in memory until revoked.
    if (photo && !onWeapp && URL.revokeObjectURL) URL.revokeObjectURL(photo.preview);
    send(picked.file, picked.preview);
  };

  const remove = () => {
    turn.current++;
    file.current = null;
    if (photo && !onWeapp && typeof URL !== 'undefined' && URL.revokeObjectURL) URL.revokeObjectURL(photo.preview);
    onChange(null);
  };

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

      <PhotoChooser count={1} addText="添加锦旗照片" text={photo ? '换一张照片' : undefined} inputLabel="选择锦旗照片" onChosen={choose} />
    </View>
  );
}
