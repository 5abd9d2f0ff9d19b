import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { Profile } from '../../types/users';
import { InfoRow } from '../components/info-row';
import { ROUTES } from '../routes';

const CARE_ROLES = ['gridWorker', 'agent', 'communityAdmin'] as const;

/** 我的's rows for 防走失卡: every family's own cards, and the community's cards for its staff. */
export function ElderCardEntries({ profile }: { profile: Profile }) {
  const staff = profile.roles.some((g) => (CARE_ROLES as readonly string[]).includes(g.role));
  return (
    <View>
      <InfoRow label="防走失卡" value="为家中老人登记求助二维码" action="查看" onClick={() => void Taro.navigateTo({ url: ROUTES.elderCards })} />
      {staff ? (
        <InfoRow label="工作人员" value="本社区的防走失卡" action="查看" onClick={() => void Taro.navigateTo({ url: `${ROUTES.elderCards}?scope=community` })} />
      ) : null}
    </View>
  );
}
