import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { NoticeStatus } from '../../../types/notifications-model';
import type { PetitionDetail } from '../../../types/petitions-model';
import { call } from '../../cloud/client';
import { ActionButton } from '../../components/action-button';
import { askAt } from '../subscribe';

const onWeapp = process.env.TARO_ENV === 'weapp';
// Statuses with steps still ahead (PETITION_FLOW): a message may yet come.
const OPEN = new Set(['submitted', 'accepted', 'in_progress', 'resolved']);

/**
 * On the resident's own open petition: a one-time 办理进度 subscription covers one step, so
 * while no message can reach them the page offers to turn the next one on (from a tap,
 * as WeChat requires). Nothing shows where WeChat cannot ask (the H5 preview).
 */
export function FollowProgress({ petition }: { petition: PetitionDetail }) {
  const [progress, setProgress] = useState<NoticeStatus | null>(null);
  const mine = petition.viewer.includes('submitter');
  useEffect(() => {
    if (!onWeapp || !mine) return;
    call('notifications.mine', {}).then((all) => setProgress(all.find((n) => n.template === 'progress') ?? null), () => undefined);
  }, [petition.id, mine]);
  if (!onWeapp || !mine || !OPEN.has(petition.status) || !progress || progress.on) return null;
  const follow = () => {
    void askAt('petitionFollow').then(() =>
      call('notifications.mine', {}).then((all) => setProgress(all.find((n) => n.template === 'progress') ?? null), () => undefined),
    );
  };
  return (
    <View className="lt-card lt-card--notice">
      <Text className="lt-body">办理有新进展时，想在微信里收到提醒吗？</Text>
      <ActionButton onClick={follow}>接收办理进度提醒</ActionButton>
    </View>
  );
}
