import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { Profile } from '../../types/users';
import { InfoRow } from '../components/info-row';
import { ROUTES } from '../routes';
import { worksBookings } from './staff';

/** 我的's rows for bookings: everyone's own, and the front desk's day for staff only. */
export function BookingEntries({ profile }: { profile: Profile }) {
  return (
    <View>
      <InfoRow label="我的预约" value="功能室和办事大厅" action="查看" onClick={() => void Taro.navigateTo({ url: ROUTES.myBookings })} />
      {worksBookings(profile.roles) ? (
        <InfoRow label="工作人员" value="今日预约登记" action="打开" onClick={() => void Taro.navigateTo({ url: ROUTES.staffBookingsToday })} />
      ) : null}
    </View>
  );
}
