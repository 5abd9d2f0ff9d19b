import { Image, Text, View } from '@tarojs/components';
import './avatar.scss';

/**
 * A person's photo in a circle, or, where there is none, the first character of their name
 * (or `fallback`) in a red one: 光荣榜 people, the resident on 我的.
 */
export function Avatar({
  name,
  photoUrl,
  alt,
  fallback,
  className,
}: {
  name: string;
  photoUrl: string | null;
  /** What the photo is, for screen readers: 李卫东的照片, 王秀兰的头像. */
  alt: string;
  /** The character for a name with none (an empty nickname). */
  fallback: string;
  /** The size, from the page (`lt-avatar--large`, `lt-me__avatar`). */
  className?: string;
}) {
  const classes = `lt-avatar${className ? ` ${className}` : ''}`;
  if (photoUrl) return <Image className={classes} src={photoUrl} mode="aspectFill" aria-label={alt} nativeProps={{ alt }} />;
  return (
    <View className={`${classes} lt-avatar--initial`} aria-hidden>
      <Text>{Array.from(name.trim())[0] ?? fallback}</Text>
    </View>
  );
}
