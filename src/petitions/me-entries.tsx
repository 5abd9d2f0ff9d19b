import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { RoleGrant } from '../../types/access';
import type { Profile } from '../../types/users';
import { InfoRow } from '../components/info-row';
import { ROUTES } from '../routes';

// 我的 is in the main package: nothing here may import types/petitions' schemas (zod).

/** Who works the petitions inbox: the host's petitions.inbox rule. */
export function handlesPetitions(grants: readonly RoleGrant[]): boolean {
  return grants.some((g) => g.role === 'agent' || g.role === 'communityAdmin' || g.role === 'districtAdmin');
}

/** Who may file for a resident without a smartphone: the host's petitions.fileOnBehalf rule. */
export function filesOnBehalf(grants: readonly RoleGrant[]): boolean {
  return grants.some((g) => g.role === 'gridWorker') || handlesPetitions(grants);
}

/** 我的's rows for petitions: the resident's own, and the staff tools for those who hold the roles. */
export function PetitionEntries({ profile }: { profile: Profile }) {
  return (
    <View>
      <InfoRow label="我的诉求" value="反映的事办到哪一步" action="查看" onClick={() => void Taro.navigateTo({ url: ROUTES.myPetitions })} />
      {handlesPetitions(profile.roles) ? (
        <InfoRow label="工作人员" value="诉求待办" action="打开" onClick={() => void Taro.navigateTo({ url: ROUTES.staffPetitionsInbox })} />
      ) : filesOnBehalf(profile.roles) ? (
        <InfoRow label="工作人员" value="代居民登记诉求" action="打开" onClick={() => void Taro.navigateTo({ url: ROUTES.staffPetitionsFile })} />
      ) : null}
    </View>
  );
}
