import { ComingSoon, type ComingFeature } from '../../components/coming-soon';
import { Page } from '../../components/page';

const FEATURES: readonly ComingFeature[] = [
  { title: '活动报名', description: '义诊、法制讲座、免费理发等社区活动，在这里看时间地点、报名，活动前会提醒您。' },
  { title: '光荣榜', description: '每年评选的好人好事、先进个人，在这里展示。' },
  { title: '锦旗与感谢', description: '居民送给社区和工作人员的锦旗、感谢信。' },
];

export default function EventsPage() {
  return (
    <Page tab="events">
      <ComingSoon intro="社区活动的报名功能正在建设，上线后会按您所在的社区显示活动。" features={FEATURES} />
    </Page>
  );
}
