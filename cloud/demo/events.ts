import type { EventCategory } from '../../types/events';

/**
 * Demo events of the kind the 2020 news series describes: 朝阳社区's free clinic, haircuts
 * and law talks with its partner units, a party lecture, 汇丰社区's clinic (150+ residents
 * served). `day` is days from the moment the demo loads; times are Shanghai wall-clock.
 */
export interface DemoEvent {
  id: string;
  scopeId: string;
  category: EventCategory;
  title: string;
  description: string;
  organizer: string;
  partners: string[];
  venue: string;
  day: number;
  start: string;
  end: string;
  capacity: number;
  requiresSignup: boolean;
  closed?: { attendance: number; residentsServed: number };
}

export const DEMO_EVENTS: DemoEvent[] = [
  {
    id: 'demo-event-clinic',
    scopeId: 'chaoyang',
    category: '义诊',
    title: '爱心义诊进社区',
    description:
      '郑州市第十五人民医院的医生来到社区，免费测量血压、血糖，提供心内科、口腔科检查和用药咨询。请带上医保卡和近期的检查单；空腹测血糖的居民请早点来。',
    organizer: '朝阳社区党委',
    partners: ['郑州市第十五人民医院'],
    venue: '朝阳社区党群服务中心 一楼便民服务大厅',
    day: 3,
    start: '08:30',
    end: '11:30',
    capacity: 150,
    requiresSignup: true,
  },
  {
    id: 'demo-event-haircut',
    scopeId: 'chaoyang',
    category: '志愿服务',
    title: '免费理发 · 暖心助老',
    description: '志愿理发师为60岁以上老人免费理发，行动不便的老人可请网格员登记上门。每人约20分钟，按报名顺序进行。',
    organizer: '朝阳社区居委会',
    partners: ['区政府办志愿服务队'],
    venue: '朝阳社区党群服务中心 二楼党员活动室',
    day: 5,
    start: '09:00',
    end: '11:00',
    capacity: 12,
    requiresSignup: true,
  },
  {
    id: 'demo-event-law',
    scopeId: 'chaoyang',
    category: '讲座',
    title: '法律进社区：防范养老诈骗',
    description: '区司法局的律师讲解常见的养老诈骗套路、遇到欠薪和邻里纠纷怎么依法维权，讲座后现场答疑。',
    organizer: '朝阳社区党委',
    partners: ['区司法局'],
    venue: '朝阳社区党群服务中心 科普大学教室',
    day: 7,
    start: '14:30',
    end: '16:00',
    capacity: 60,
    requiresSignup: true,
  },
  {
    id: 'demo-event-party-lecture',
    scopeId: 'chaoyang',
    category: '党课',
    title: '老党员讲党课：社区的变迁',
    description: '社区老党员讲述朝阳社区几十年来的变化，欢迎党员和居民参加。',
    organizer: '朝阳社区党委',
    partners: [],
    venue: '朝阳社区党群服务中心 演艺空间',
    day: 10,
    start: '09:30',
    end: '10:30',
    capacity: 0,
    requiresSignup: true,
  },
  {
    id: 'demo-event-water-day',
    scopeId: 'dongfang',
    category: '宣传',
    title: '节水爱水 你我同行 宣传日',
    description: '社区广场设节水知识展板和有奖问答，无需报名，路过即可参加。',
    organizer: '东方社区居委会',
    partners: [],
    venue: '东方社区文化广场',
    day: 4,
    start: '09:00',
    end: '11:30',
    capacity: 0,
    requiresSignup: false,
  },
  {
    id: 'demo-event-cleanup',
    scopeId: 'kangle',
    category: '志愿服务',
    title: '楼院环境整治志愿活动',
    description: '清理楼道杂物、绿化带垃圾，社区提供手套和工具。',
    organizer: '康乐社区居委会',
    partners: [],
    venue: '康乐社区3号院门口集合',
    day: 6,
    start: '08:00',
    end: '10:00',
    capacity: 30,
    requiresSignup: true,
  },
  {
    id: 'demo-event-huifeng-clinic',
    scopeId: 'huifeng',
    category: '义诊',
    title: '爱心义诊进社区 便民服务送健康',
    description: '养老机构的医疗志愿者和协作医院专家为居民免费测血糖、血压，提供心内科、口腔科检查和健康咨询。',
    organizer: '汇丰社区党总支',
    partners: ['裕心健康养老机构', '郑大附属协作医院'],
    venue: '汇丰社区党群服务中心',
    day: -20,
    start: '08:30',
    end: '11:30',
    capacity: 0,
    requiresSignup: false,
    closed: { attendance: 152, residentsServed: 150 },
  },
];
