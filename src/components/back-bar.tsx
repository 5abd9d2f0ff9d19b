import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { goBackOr } from '../platform/navigation';
import { ROUTES } from '../routes';
import './back-bar.scss';

/**
 * The H5 preview's back bar on pages that are not tabs. In WeChat the capsule and the
 * system back gesture do this; a browser tab opened on a shared link has neither, and a
 * page without a way back is a dead end. Large targets, as in 长辈模式 everywhere.
 */
export function BackBar() {
  return (
    <View className="lt-back-bar" role="navigation" aria-label="页面导航">
      <View className="lt-back-bar__button" role="button" aria-label="返回上一页" onClick={() => void goBackOr(ROUTES.home)}>
        <Text aria-hidden>‹ </Text>
        <Text>返回</Text>
      </View>
      <View className="lt-back-bar__button" role="link" aria-label="回到首页" onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
        <Text>首页</Text>
      </View>
    </View>
  );
}
