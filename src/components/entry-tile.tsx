import { Text, View } from '@tarojs/components';
import './entry-tile.scss';

export interface Entry {
  key: string;
  title: string;
  hint: string;
  onOpen: () => void;
}

/** A big square that opens one thing; the whole tile is the target. */
export function EntryGrid({ entries }: { entries: readonly Entry[] }) {
  return (
    <View className="lt-entry-grid">
      {entries.map((entry) => (
        <View key={entry.key} className="lt-entry-tile" role="button" onClick={entry.onOpen}>
          <Text className="lt-entry-tile__title">{entry.title}</Text>
          <Text className="lt-entry-tile__hint">{entry.hint}</Text>
        </View>
      ))}
    </View>
  );
}
