/**
 * The 2020 乡村光荣榜 as the news series told it, retold with invented names, and two
 * thank-you banners from the same pages (康乐社区, 民安社区).
 */
export const DEMO_HONOR_LIST = {
  id: 'demo-honors-2020',
  year: 2020,
  scopeId: 'shangjie',
  title: '2020年度乡村光荣榜',
  categories: ['好丈夫', '好媳妇', '好婆婆', '文明家庭', '优秀党员', '最美志愿者'],
};

export const DEMO_HONOR_ENTRIES = [
  {
    id: 'demo-honor-husband',
    name: '李卫东',
    category: '好丈夫',
    communityId: 'chaoyang',
    storyHtml:
      '<p>今年49岁的李卫东和妻子结婚二十多年。妻子是社区工作人员，疫情防控最吃紧的两个月里，两人只见过三次面。</p>' +
      '<p>他没有一句怨言，把双方老人照顾得妥妥帖帖，又天天变着花样给备战高考的女儿做饭。妻子做完手术刚回岗位，他每天接送、中午送饭，坚持了一个多月；妻子值夜班，他就陪着在办公室打地铺。</p>' +
      '<p>妻子说：“他话不多，却是个有担当的好丈夫。有他在，我工作才没有后顾之忧。”</p>',
  },
  {
    id: 'demo-honor-daughter-in-law',
    name: '马淑琴',
    category: '好媳妇',
    communityId: 'kangle',
    storyHtml: '<p>婆婆卧床六年，她每天翻身、擦洗、喂饭，从没让老人生过一次褥疮。邻居们都说：“这样的儿媳妇，打着灯笼也难找。”</p>',
  },
  {
    id: 'demo-honor-family',
    name: '赵建华一家',
    category: '文明家庭',
    communityId: 'dapoding',
    storyHtml: '<p>一家三代和睦相处，家里的老人带头参加村里的环境整治，年轻人周末给安置区的老人修电器、教用智能手机。</p>',
  },
  {
    id: 'demo-honor-volunteer',
    name: '孙玉兰',
    category: '最美志愿者',
    communityId: 'chaoyang',
    storyHtml: '<p>退休后在社区做志愿者八年，义诊、理发、防诈骗讲座，哪里需要就出现在哪里，社区居民都叫她“孙大姐”。</p>',
  },
];

export interface DemoThanks {
  id: string;
  authorPersona: string;
  targetKind: 'staff' | 'unit' | 'volunteer';
  /** A staff member (a demo persona), or else a named unit or volunteer. */
  target: { persona: string } | { name: string };
  communityId: string;
  text: string;
}

export const DEMO_THANKS: DemoThanks[] = [
  {
    id: 'demo-thanks-kangle',
    authorPersona: 'resident3',
    targetKind: 'staff',
    target: { persona: 'agent-kangle' },
    communityId: 'kangle',
    text: '老伴忘了银行卡密码，腿脚不便去不了银行，周丽同志帮我们联系银行，用视频办好了业务。送上锦旗：热心助老献真情 无私奉献传美德。',
  },
  {
    id: 'demo-thanks-minan',
    authorPersona: 'resident2',
    targetKind: 'unit',
    target: { name: '民安社区居委会' },
    communityId: 'minan',
    text: '拖欠了一年的工资终于拿到了，172个工友一起谢谢社区和街道：一心一意为人民 尽心竭力办实事！',
  },
];
