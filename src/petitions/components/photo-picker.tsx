import { Image, Text, View } from '@tarojs/components';
import { PhotoChooser } from '../../components/photo-chooser';
import { MAX_PHOTOS, type PhotoUploads } from '../photo-uploads';
import '../petitions.scss';

/**
 * Up to nine photos, chosen with the shared PhotoChooser. Each photo shows whether it has
 * arrived, and one that failed can be sent again or taken out.
 */
export function PhotoPicker({ uploads }: { uploads: PhotoUploads }) {
  const full = uploads.room <= 0;

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

      <PhotoChooser
        count={uploads.room}
        addText="添加照片"
        text={full ? `已有${MAX_PHOTOS}张照片` : undefined}
        disabled={full}
        inputLabel="选择照片"
        onChosen={uploads.add}
      />
    </View>
  );
}
