import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';
import { ROUTES } from '../../routes';

/** The way out of a 光荣榜 page that has nothing to show (a list or a person gone, a bad link). */
export function ToHonors() {
  return (
    <ActionButton tone="secondary" onClick={() => void Taro.navigateTo({ url: ROUTES.honors })}>
      看全部光荣榜
    </ActionButton>
  );
}
