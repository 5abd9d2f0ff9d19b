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
}

/** One photo (JPG/PNG/WebP), uploaded as soon as it is picked; the form keeps its id. */
export function PhotoField({ value, onChange, currentUrl }: PhotoFieldProps) {
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
          <Image src={preview} width={120} height={120} style={{ objectFit: 'cover', borderRadius: 6 }} alt="照片" />
          <Button size="small" icon={<DeleteOutlined />} onClick={() => { setPreview(null); onChange?.(null); }}>
            移除照片
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
          {preview && value !== null ? '换一张' : '上传照片'}
        </Button>
      </Upload>
      {error && !errors.length && <span style={{ color: '#ff4d4f' }}>{error}</span>}
    </Space>
  );
}
