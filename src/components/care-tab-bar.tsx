import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { TABS, type TabKey } from '../routes';
import homeIcon from '../assets/tab-bar/home.png';
import homeOnIcon from '../assets/tab-bar/home-on.png';
import eventsIcon from '../assets/tab-bar/events.png';
import eventsOnIcon from '../assets/tab-bar/events-on.png';
import servicesIcon from '../assets/tab-bar/services.png';
import servicesOnIcon from '../assets/tab-bar/services-on.png';
import meIcon from '../assets/tab-bar/me.png';
import meOnIcon from '../assets/tab-bar/me-on.png';
import './care-tab-bar.scss';

const ICONS: Record<TabKey, [string, string]> = {
  home: [homeIcon, homeOnIcon],
  events: [eventsIcon, eventsOnIcon],
  services: [servicesIcon, servicesOnIcon],
  me: [meIcon, meOnIcon],
};

/** 长辈模式's tab bar: the same four tabs with large labels and full-height targets. */
export function CareTabBar({ current }: { current: TabKey }) {
  return (
    <View className="lt-care-tab-bar" role="navigation">
      {TABS.map((tab) => {
        const selected = tab.key === current;
        return (
          <View
            key={tab.key}
            className={`lt-care-tab-bar__item${selected ? ' lt-care-tab-bar__item--current' : ''}`}
            role="link"
            aria-current={selected ? 'page' : undefined}
            onClick={() => {
              if (!selected) void Taro.switchTab({ url: tab.path });
            }}
          >
            <Image className="lt-care-tab-bar__icon" src={ICONS[tab.key][selected ? 1 : 0]} nativeProps={{ alt: "" }} />
            <Text className="lt-care-tab-bar__text">{tab.text}</Text>
          </View>
        );
      })}
    </View>
  );
}
