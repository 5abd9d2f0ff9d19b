import { Text, View } from '@tarojs/components';
import type { Resource } from '../../../types/bookings-model';
import { describeHours } from '../schedule';
import './resource-facts.scss';

/**
 * What a resident needs to know before picking a time: when it is open, how many it
 * holds, whether the community must approve, and for a hall matter what to bring.
 */
export function ResourceFacts({ resource, documents = true }: { resource: Resource; documents?: boolean }) {
  const rows: Array<[label: string, value: string]> = [['开放时间', describeHours(resource.hours)]];
  if (resource.kind === 'room') {
    rows.push(['可容纳', `${resource.capacity}人，每次${resource.slotMinutes}分钟`]);
    rows.push(['预约方式', resource.requiresApproval ? '提交后需社区审核，通过才算预约成功' : '选好时段即预约成功']);
  } else {
    rows.push(['每个时段', `${resource.slotMinutes}分钟，可约${resource.windowSize}人`]);
  }
  return (
    <View className="lt-resource-facts">
      {rows.map(([label, value]) => (
        <View key={label} className="lt-resource-facts__row">
          <Text className="lt-resource-facts__label">{label}</Text>
          <Text className="lt-resource-facts__value">{value}</Text>
        </View>
      ))}
      {documents && resource.documents.length > 0 ? <DocumentList documents={resource.documents} /> : null}
    </View>
  );
}

/** 办理时请带上 …, one document a line, so none is missed. */
export function DocumentList({ documents, title = '办理时请带上' }: { documents: readonly string[]; title?: string }) {
  return (
    <View className="lt-documents">
      <Text className="lt-documents__title">{title}</Text>
      {documents.map((d) => (
        <Text key={d} className="lt-documents__item">
          · {d}
        </Text>
      ))}
    </View>
  );
}
