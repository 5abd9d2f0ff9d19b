import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { RoleGrant } from '../../types/access';
import type { Profile } from '../../types/users';
import { InfoRow } from '../components/info-row';
import { ROUTES } from '../routes';

/** The roles `thanks.mine` answers (types/honors.ts): the staff a resident may thank. */
const THANKED_ROLES = ['gridWorker', 'agent', 'communityAdmin', 'districtAdmin'] as const;

export function receivesThanks(grants: readonly RoleGrant[]): boolean {
  return grants.some((g) => (THANKED_ROLES as readonly string[]).includes(g.role));
}

/** 我的's rows for honors: everyone's 我的推荐, and 我收到的感谢 for staff only. */
export function HonorEntries({ profile }: { profile: Profile }) {
  return (
    <View>
      <InfoRow label="我的推荐" value="推荐的好人和审核结果" action="查看" onClick={() => void Taro.navigateTo({ url: ROUTES.myNominations })} />
      {receivesThanks(profile.roles) ? (
        <InfoRow label="工作人员" value="我收到的感谢" action="查看" onClick={() => void Taro.navigateTo({ url: ROUTES.staffThanksReceived })} />
      ) : null}
    </View>
  );
}
