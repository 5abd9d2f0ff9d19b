import { Image, Text, View } from '@tarojs/components';
import './spelled-code.scss';

/**
 * A code a person shows to staff (签到码, 邀请码), spelled out large, one box per character
 * in its groups, so it can be read aloud when the QR code will not scan.
 *
 * @example <SpelledCode what="邀请码" groups={code.split('-')} />
 */
export function SpelledCode({ what, groups }: { what: string; groups: readonly string[] }) {
  return (
    <View className="lt-spelled-code" aria-label={`${what} ${groups.join('').split('').join(' ')}`}>
      {groups.map((group, g) => (
        <View key={g} className="lt-spelled-code__group">
          {group.split('').map((ch, i) => (
            <Text key={i} className="lt-spelled-code__char">
              {ch}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

/** The QR image of such a code (an SVG data URL: drawn by the host for 邀请码, by 我的活动 itself for 签到码), as large as the card allows. */
export function CodeQr({ src, label }: { src: string; label: string }) {
  return (
    <View className="lt-code-qr">
      <Image className="lt-code-qr__image" src={src} mode="widthFix" showMenuByLongpress={false} aria-label={label} nativeProps={{ alt: label }} />
    </View>
  );
}
