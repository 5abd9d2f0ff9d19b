import { Text, View } from '@tarojs/components';
import { useCareMode } from '../theme/care-mode';
import './form-kit.scss';
import './care-mode-setting.scss';

/**
 * 长辈模式 on/off. The whole row toggles it: the switch alone would be a small target.
 */
export function CareModeSetting() {
  const care = useCareMode();
  const toggle = () => care.setEnabled(!care.enabled);
  return (
    <View
      className="lt-card lt-care-setting"
      role="switch"
      aria-checked={care.enabled}
      aria-label="长辈模式"
      onClick={toggle}
    >
      <View className="lt-care-setting__text">
        <Text className="lt-card__title">长辈模式</Text>
        <Text className="lt-body lt-muted">
          {care.enabled ? '已打开：字更大，按钮更大，页面更简单。' : '打开后：字更大，按钮更大，页面更简单。'}
        </Text>
        {care.enabled && care.automatic ? (
          <Text className="lt-body lt-muted">因为您的微信字体较大，已自动打开。</Text>
        ) : null}
      </View>
      <View className="lt-care-setting__switch">
        {/* Drawn, not NutUI's Switch: that one writes ARIA props the browser does not know
            (ariarole, ariachecked), and the row itself is already the switch. */}
        <View className={`lt-toggle${care.enabled ? ' lt-toggle--on' : ''}`} aria-hidden>
          <View className="lt-toggle__knob" />
        </View>
        <Text className="lt-care-setting__state">{care.enabled ? '开' : '关'}</Text>
      </View>
    </View>
  );
}
