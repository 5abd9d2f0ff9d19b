import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WORKBENCH_GROUPS, type WorkbenchTool } from '../../../../types/grid-model';
import { call } from '../../../cloud/client';
import { EntryGrid, type Entry } from '../../../components/entry-tile';
import { Page } from '../../../components/page';
import { RemoteState } from '../../../components/states';
import { Gate } from '../../../grid/gate';
import { useRemote } from '../../../hooks/use-remote';
import { ROUTES } from '../../../routes';
import '../../../grid/grid.scss';

const TOOL_ENTRIES: Record<WorkbenchTool, { title: string; hint: string; url: string }> = {
  visits: { title: '走访登记', hint: '记下走访，需跟进的一键转诉求', url: ROUTES.staffVisits },
  report: { title: '随手拍', hint: '发现隐患或问题，就地上报', url: ROUTES.gridReport },
  checkin: { title: '活动签到', hint: '扫码或输入签到码', url: ROUTES.staffEventsCheckin },
  bookings: { title: '今日预约', hint: '到场登记与办理进度', url: ROUTES.staffBookingsToday },
  fileOnBehalf: { title: '代居民登记', hint: '替没有智能手机的居民反映', url: ROUTES.staffPetitionsFile },
  inbox: { title: '待办诉求', hint: '超期的排在前面', url: ROUTES.staffPetitionsInbox },
  reach: { title: '我的传播', hint: '我分享的卡片到了哪些群（仅自己可见）', url: ROUTES.staffReach },
  feedback: { title: '投诉建议', hint: '对这个小程序的意见', url: ROUTES.feedback },
};

/**
 * 工作台: every staff tool in one place, grouped. Nothing here counts or compares anyone's
 * work (国办函〔2026〕12号): no check-in clock, no quota, no ranking.
 */
export default function WorkbenchPage() {
  return (
    <Page>
      <Gate reason="社区工作人员登录后使用工作台。" staffOnly>
        {() => <Workbench />}
      </Gate>
    </Page>
  );
}

function Workbench() {
  const bench = useRemote(() => call('grid.workbench', {}), []);
  usePullDownRefresh(() => {
    bench.reload();
    void Taro.stopPullDownRefresh();
  });
  if (!bench.data) return <RemoteState remote={bench} />;
  const { grids, tools, openFollowUps } = bench.data;
  return (
    <View>
      <View className="lt-card">
        <Text className="lt-card__title">{grids.length > 0 ? grids.map((g) => `${g.communityName}${g.name}`).join('、') : '社区工作人员'}</Text>
        <Text className="lt-body lt-muted">
          {openFollowUps > 0 ? `有 ${openFollowUps} 次走访标了“需跟进”，还没转为诉求。` : '常用工具都在这里。'}
        </Text>
      </View>
      {WORKBENCH_GROUPS.map((group) => {
        const entries: Entry[] = group.tools
          .filter((t) => tools.includes(t))
          .map((t) => ({ key: t, title: TOOL_ENTRIES[t].title, hint: TOOL_ENTRIES[t].hint, onOpen: () => void Taro.navigateTo({ url: TOOL_ENTRIES[t].url }) }));
        if (entries.length === 0) return null;
        return (
          <View key={group.title}>
            <Text className="lt-grid-section">{group.title}</Text>
            <EntryGrid entries={entries} />
          </View>
        );
      })}
    </View>
  );
}
