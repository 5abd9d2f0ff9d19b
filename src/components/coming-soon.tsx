import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROUTES } from '../routes';

export interface ComingFeature {
  title: string;
  description: string;
}

/**
 * What a tab will hold once its domain is built, said plainly, with the things that
 * already work one tap away. No sample data: a resident could take it for real.
 */
export function ComingSoon({ intro, features }: { intro: string; features: readonly ComingFeature[] }) {
  return (
    <View>
      <View className="lt-card lt-card--notice">
        <Text className="lt-card__title">即将上线</Text>
        <Text className="lt-body">{intro}</Text>
      </View>
      <View className="lt-card">
        <View className="lt-list">
          {features.map((f) => (
            <View key={f.title} className="lt-list__item">
              <Text className="lt-list__item-title">{f.title}</Text>
              <Text className="lt-body lt-muted">{f.description}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className="lt-card">
        <Text className="lt-card__title">现在可以先做</Text>
        <View className="lt-link" onClick={() => void Taro.navigateTo({ url: ROUTES.community })}>
          选择您所在的社区
        </View>
        <View className="lt-link" onClick={() => void Taro.switchTab({ url: ROUTES.me })}>
          到“我的”绑定手机号、打开长辈模式
        </View>
      </View>
    </View>
  );
}
