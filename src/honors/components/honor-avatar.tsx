import { Avatar } from '../../components/avatar';
import { initialOf } from '../honor-text';

/** The person's photo, or their family name in a red circle where there is none. */
export function HonorAvatar({ name, photoUrl, large }: { name: string; photoUrl: string | null; large?: boolean }) {
  return <Avatar name={name} photoUrl={photoUrl} alt={`${name}的照片`} fallback={initialOf('')} className={large ? 'lt-avatar--large' : undefined} />;
}
