import { Image, Text, View } from '@tarojs/components';
import { codeGroups } from '../event-text';
import './checkin-code.scss';

/**
 * The check-in code spelled out large, one box per character in two groups of four, so a
 * resident can read it aloud at the door when the QR code will not scan.
 */
export function CheckinCode({ code }: { code: string }) {
  return (
    <View className="lt-checkin-code" aria-label={`签到码 ${code.split('').join(' ')}`}>
      {codeGroups(code).map((group, g) => (
        <View key={g} className="lt-checkin-code__group">
          {group.split('').map((ch, i) => (
            <Text key={i} className="lt-checkin-code__char">
              {ch}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

/** The QR image the host drew for the code (an SVG data URL), as large as the card allows. */
export function CheckinQr({ src }: { src: string }) {
  return (
    <View className="lt-checkin-qr">
      <Image className="lt-checkin-qr__image" src={src} mode="widthFix" showMenuByLongpress={false} aria-label="签到二维码" nativeProps={{ alt: "签到二维码" }} />
    </View>
  );
}
