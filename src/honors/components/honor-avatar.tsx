import { Image, Text, View } from '@tarojs/components';
import { initialOf } from '../honor-text';
import '../honors.scss';

/** The person's photo, or their family name in a red circle where there is none. */
export function HonorAvatar({ name, photoUrl, large }: { name: string; photoUrl: string | null; large?: boolean }) {
  const size = large ? ' lt-hn-avatar--large' : '';
  if (photoUrl) return <Image className={`lt-hn-avatar${size}`} src={photoUrl} mode="aspectFill" aria-label={`${name}的照片`} nativeProps={{ alt: `${name}的照片` }} />;
  return (
    <View className={`lt-hn-avatar lt-hn-avatar--initial${size}`} aria-hidden>
      <Text>{initialOf(name)}</Text>
    </View>
  );
}
