import { ComingSoon, type ComingFeature } from '../../components/coming-soon';
import { Page } from '../../components/page';

const FEATURES: readonly ComingFeature[] = [
  { title: '功能室预约', description: '预约党群服务中心的会议室、活动室，查看是否已通过。' },
  { title: '办事大厅预约', description: '预约一站式服务大厅的办理时间，少排队。' },
  { title: '信访代办', description: '把事情交给一位固定的代办员：只进一扇门、认准一个人、事项一次办。随时查看办理进度。' },
  { title: '诉求反映', description: '道路堵了、工资被拖欠、家里老人需要帮忙，都可以在这里反映，并跟进到办完。' },
];

export default function ServicesPage() {
  return (
    <Page tab="services">
      <ComingSoon intro="预约和代办功能正在建设，上线后可以在手机上办，不用来回跑。" features={FEATURES} />
    </Page>
  );
}
