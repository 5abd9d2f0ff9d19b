import { Text } from '@tarojs/components';
import { formatDateTime } from '../../../../types/time';
import { formatMinutes } from '../../../../types/volunteers-model';
import { call } from '../../../cloud/client';
import { CodeDesk } from '../../../components/code-desk';
import { StaffPage } from '../../../components/staff-page';
import { worksEvents } from '../../../events/staff-events';
import { ROUTES } from '../../../routes';
import { normalizeVolunteerCode } from '../../../volunteers/volunteer-text';

type Scanned = { action: 'in' | 'out'; nickname: string; eventTitle: string; at: Date; minutes: number | null };

/**
 * 志愿者签到 for staff: the first scan of a volunteer's code checks them in, the second checks
 * them out, and the hours count from the two (within the event's time). Never a daily
 * check-in of staff themselves: it records volunteers' service, at their request.
 */
export default function VolunteerScanPage() {
  return (
    <StaffPage signInReason="社区工作人员登录后才能为志愿者签到。" allowed={worksEvents} elsewhere={{ description: '您的志愿服务时长在“我的志愿时长”里。', label: '去我的志愿时长', url: ROUTES.volunteerHours }}>
      {() => <ScanDesk />}
    </StaffPage>
  );
}

function ScanDesk() {
  return (
    <CodeDesk<Scanned>
      title="为志愿者签到、签退"
      intro="第一次扫码为到岗，第二次为离岗；时长只计活动时间以内。"
      scanLabel="扫描志愿者码"
      hint="请志愿者念出V开头的9位志愿者码，在下面输入："
      label="志愿者码"
      placeholder="V开头的9位志愿者码"
      maxLength={12}
      normalize={normalizeVolunteerCode}
      submitLabel="确认"
      send={(code) => call('volunteers.scan', { code })}
      renderDone={(done) => (
        <>
          <Text className="lt-value lt-success">
            {done.nickname} {done.action === 'in' ? '已到岗' : '已离岗'}
          </Text>
          <Text className="lt-body">
            {done.eventTitle} · {formatDateTime(done.at)}
          </Text>
          {done.minutes !== null ? <Text className="lt-body">本次服务 {formatMinutes(done.minutes)}</Text> : null}
        </>
      )}
    />
  );
}
