import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { Profile } from '../../types/users';
import { InfoRow } from '../components/info-row';
import { worksEvents } from '../events/staff-events';
import { ROUTES } from '../routes';

/** 我的's rows for volunteering: everyone's hours, and 志愿者签到 for the staff who work events. */
export function VolunteerEntries({ profile }: { profile: Profile }) {
  return (
    <View>
      <InfoRow label="志愿服务" value="我的志愿时长与证明" action="查看" onClick={() => void Taro.navigateTo({ url: ROUTES.volunteerHours })} />
      {worksEvents(profile.roles) ? (
        <InfoRow label="工作人员" value="志愿者到岗、离岗签到" action="去签到" onClick={() => void Taro.navigateTo({ url: ROUTES.staffVolunteerScan })} />
      ) : null}
    </View>
  );
}
