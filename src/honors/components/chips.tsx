import { Text, View } from '@tarojs/components';
import '../honors.scss';

/**
 * A filter choice: a button that stays pressed (✓) while it applies. The label is a Text of
 * its own: in the H5 preview a bare text node under Taro's pull-to-refresh wrapper hit-tests
 * as the wrapper, which browser tests then take for something covering the button.
 */
export function Chip({ on, onClick, children }: { on: boolean; onClick: () => void; children: string }) {
  return (
    <View className={`lt-hn-chip${on ? ' lt-hn-chip--on' : ''}`} role="button" aria-pressed={on} onClick={onClick}>
      <Text>{on ? `✓ ${children}` : children}</Text>
    </View>
  );
}
