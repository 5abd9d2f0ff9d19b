import { Text, View } from '@tarojs/components';
import type { TimelineItem } from '../../../types/petitions-model';
import { formatDateTime } from '../../../types/time';
import '../petitions.scss';

/** 办理过程: every step with who took it and when, and what they wrote. */
export function Timeline({ items }: { items: readonly TimelineItem[] }) {
  return (
    <View className="lt-pt-timeline" role="list">
      {items.map((item, index) => (
        <View key={`${item.action}-${index}`} className="lt-pt-timeline__item" role="listitem">
          <View className="lt-pt-timeline__dot" />
          <Text className="lt-pt-timeline__what">{item.text}</Text>
          <Text className="lt-pt-timeline__meta">
            {item.byName ? `${item.byName} · ` : ''}
            {formatDateTime(item.at)}
          </Text>
          {item.note ? <Text className="lt-pt-timeline__note">{item.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
