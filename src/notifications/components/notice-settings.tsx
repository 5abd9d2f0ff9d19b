import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { NoticeStatus } from '../../../types/notifications-model';
import { call } from '../../cloud/client';
import { useState } from 'react';
import { ToggleRow } from '../../components/form-kit';
import { useRemote } from '../../hooks/use-remote';
import { PREVIEW_SHEET_OFFERED, previewSheetOn, setPreviewSheet } from '../subscribe';

/** How one kind of notice stands, in words a resident understands. */
export function noticeText(n: NoticeStatus): string {
  if (n.kind === 'long-term') return n.on ? '已开启' : '未开启';
  return n.on ? `已开启，还能收到${n.credits}条` : '未开启';
}

/**
 * 我的 → 消息提醒: which WeChat notices can reach the resident now. They are turned on
 * only in WeChat's own sheet, at the moment of signing up, booking or submitting.
 */
export function NoticeSettings() {
  const notices = useRemote(() => call('notifications.mine', {}), []);
  const [preview, setPreview] = useState(previewSheetOn);
  useDidShow(() => notices.reload());
  if (!notices.data) return null;
  return (
    <View className="lt-card" aria-label="消息提醒">
      <Text className="lt-card__title">消息提醒</Text>
      <Text className="lt-body lt-muted">报名、预约、提交诉求时，在微信弹出的窗口里点“允许”，就能收到办理结果和提醒。</Text>
      <View className="lt-list">
        {notices.data.map((n) => (
          <View key={n.template} className="lt-list__item">
            <Text className="lt-list__item-title">{n.title}</Text>
            <Text className={n.on ? 'lt-body lt-success' : 'lt-body lt-muted'}>{noticeText(n)}</Text>
          </View>
        ))}
      </View>
      {PREVIEW_SHEET_OFFERED ? (
        <ToggleRow
          title="预览：模拟微信订阅窗口"
          text="只在浏览器预览里有。打开后，报名、预约、提交时会先问您是否接收提醒，就像微信里那样。"
          checked={preview}
          onChange={(on) => {
            setPreviewSheet(on);
            setPreview(on);
          }}
        />
      ) : null}
    </View>
  );
}
