import { View } from '@tarojs/components';
import '../honors.scss';

/** A filter choice: a button that stays pressed (✓) while it applies. */
export function Chip({ on, onClick, children }: { on: boolean; onClick: () => void; children: string }) {
  return (
    <View className={`lt-hn-chip${on ? ' lt-hn-chip--on' : ''}`} role="button" aria-pressed={on} onClick={onClick}>
      {on ? `✓ ${children}` : children}
    </View>
  );
}
