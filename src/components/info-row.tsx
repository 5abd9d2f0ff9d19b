import { Text, View } from '@tarojs/components';
import './info-row.scss';

/**
 * One fact and how to change it, e.g. 所在社区 / 朝阳社区 / 更改. The value is the largest
 * text in the row (it is what the resident looks for) and the whole row is the target.
 */
export function InfoRow({ label, value, action, onClick }: { label: string; value: string; action: string; onClick: () => void }) {
  return (
    <View className="lt-info-row" role="button" onClick={onClick}>
      <View className="lt-info-row__text">
        <Text className="lt-label">{label}</Text>
        <Text className="lt-value">{value}</Text>
      </View>
      <Text className="lt-info-row__action">{action}</Text>
    </View>
  );
}
