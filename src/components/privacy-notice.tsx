import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PRIVACY_CONTRACT_NAME } from '../privacy/privacy';
import { ROUTES } from '../routes';

/**
 * The sentence above a privacy-covered action, written into the page rather than popped
 * up: what will be used, and where the policy is.
 */
export function PrivacyNotice({ purpose }: { purpose: string }) {
  return (
    <View className="lt-card lt-card--notice">
      <Text className="lt-body">
        {purpose}。点下面的按钮，表示您同意{PRIVACY_CONTRACT_NAME}。
      </Text>
      <View className="lt-link" onClick={() => void Taro.navigateTo({ url: ROUTES.privacyPolicy })}>
        查看隐私保护指引
      </View>
    </View>
  );
}
