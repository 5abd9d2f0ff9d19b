import { DeleteOutlined, LoadingOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Image, Space, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { uploadPhoto } from '../sdk/upload';
import { toAppError } from '../sdk/errors';

export interface PhotoFieldProps {
  /** The uploaded file's id; null once removed. */
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The photo already saved with the item, to show until another is chosen. */
  currentUrl?: string | null;
  /** What the picture is, in the buttons and the preview's alt text: 照片 unless told (封面图). */
  noun?: string;
}

/**
 * One photo (JPG/PNG/WebP), uploaded as soon as it is picked through the host's photo route
 * (same size limit and re-encoding as residents' photos); the form keeps its id.
 */
export function PhotoField({ value, onChange, currentUrl, noun = '照片' }: PhotoFieldProps) {
  const [preview, setPreview] = useState<string | null>(currentUrl ?? null);
  const [busy, setBusy] = useState(false);
  const { errors } = Form.Item.useStatus();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => {
    if (preview?.startsWith('blob:')) URL.revokeObjectURL(preview);
  }, [preview]);

  return (
    <Space align="start">
      {preview && value !== null ? (
        <Space direction="vertical">
          <Image src={preview} width={120} height={120} style={{ objectFit: 'cover', borderRadius: 6 }} alt={noun} />
          <Button size="small" icon={<DeleteOutlined />} onClick={() => { setPreview(null); onChange?.(null); }}>
            移除{noun}
          </Button>
        </Space>
      ) : null}
      <Upload
        accept="image/jpeg,image/png,image/webp"
        showUploadList={false}
        customRequest={async ({ file }) => {
          setBusy(true);
          setError(null);
          try {
            const photo = await uploadPhoto(file as Blob);
            setPreview(URL.createObjectURL(file as Blob));
            onChange?.(photo.id);
          } catch (e) {
            setError(toAppError(e).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Button icon={busy ? <LoadingOutlined /> : <PlusOutlined />} disabled={busy}>
          {preview && value !== null ? '换一张' : `上传${noun}`}
        </Button>
      </Upload>
      {error && !errors.length && <span style={{ color: '#ff4d4f' }}>{error}</span>}
    </Space>
  );
}
