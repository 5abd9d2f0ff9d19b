import type { ArticleCategory } from '../../types/articles';

/**
 * A dozen demo articles retold from the 2020 上街区 community-governance news series
 * (shared/reference/). Private people carry invented names; bylines are invented too.
 * `daysAgo` places them relative to the moment the demo is loaded, so the feed looks alive.
 */
export interface DemoArticle {
  id: string;
  scopeId: string;
  category: ArticleCategory;
  title: string;
  summary: string;
  bodyHtml: string;
  reporters: string[];
  correspondents: string[];
  pinned?: boolean;
  pledgePrompt?: string;
  daysAgo: number;
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    id: 'demo-series-intro',
    scopeId: 'shangjie',
    category: '专题报道',
    title: '党建引领“三治融合”：城乡社区治理亮点系列报道开栏',
    summary: '区融媒体中心联合区委社治委推出系列报道，展示各社区、村在自治、法治、德治上的好做法。',
    bodyHtml:
      '<p>近年来，上街区坚持以人民为中心，发挥社区党组织的领导作用、党员的先锋作用和居民的主体作用，走出了一条“党建引领、三治融合”的社区治理新路。</p>' +
      '<p>为了让各社区相互学习、取长补短，区融媒体中心联合区委社治委推出城乡社区发展治理亮点工作系列报道，陆续介绍朝阳社区、三湾街社区、大坡顶村等地的经验。</p>',
    reporters: ['林晓'],
    correspondents: [],
    pinned: true,
    daysAgo: 6,
  },
  {
    id: 'demo-chaoyang-center',
    scopeId: 'chaoyang',
    category: '专题报道',
    title: '朝阳社区新党群服务中心：19间功能室向居民开放',
    summary: '占地1500平方米，设便民服务大厅、党员活动室、演艺空间、科普大学等19间功能室。',
    bodyHtml:
      '<p>朝阳社区党群服务中心占地1500平方米，设有便民服务大厅、党员活动室、演艺空间、科普大学以及书画、剪纸、合唱等活动室，共19间功能室，成为居民身边开放共享的公共空间。</p>' +
      '<h3>“一站式”服务大厅</h3><p>服务大厅撤掉了隔离式柜台，居民可以坐在工作人员身旁，看着电脑屏幕了解自己事项的办理进度。“相聚党旗下，服务零距离”是大厅的服务宗旨。</p>' +
      '<h3>老有所学、老有所乐</h3><p>党员活动室全天开放，书画、剪纸、根塑等课程可参与、可互动。常来讲党课的陈爷爷说：“活动场地多了，大家的日子也更开心了。”</p>' +
      '<p>功能室可在小程序“服务”页预约。</p>',
    reporters: ['林晓'],
    correspondents: ['郭宁'],
    daysAgo: 5,
  },
  {
    id: 'demo-chaoyang-hours',
    scopeId: 'chaoyang',
    category: '通知公告',
    title: '朝阳社区党群服务中心开放时间',
    summary: '便民服务大厅周一至周五 8:30—12:00、14:30—17:30；活动室每天 8:00—21:00。',
    bodyHtml:
      '<p>便民服务大厅：周一至周五 8:30—12:00、14:30—17:30（法定节假日休息）。</p>' +
      '<p>党员活动室、书画室、剪纸室、合唱室等活动室：每天 8:00—21:00，请提前在小程序预约。</p>' +
      '<p>办理居住证明、高龄津贴申请、老年优待证等事项，可先在小程序预约到大厅的时段，按提示带齐材料，少跑一趟。</p>',
    reporters: [],
    correspondents: [],
    pinned: true,
    daysAgo: 4,
  },
  {
    id: 'demo-sanwanjie-petition',
    scopeId: 'sanwanjie',
    category: '社区动态',
    title: '三湾街社区推出“信访代办”：只进一扇门、认准一个人',
    summary: '社区书记、“两委”成员、社区民警和人民调解员担任代办员，群众有诉求可就近找到人。',
    bodyHtml:
      '<p>为畅通信访渠道、就地解决群众合理诉求，三湾街社区在超市门前开展信访代办宣传，用横幅、宣传页介绍代办员队伍、代办制度和办理程序。</p>' +
      '<p>信访代办让群众“只进一扇门、认准一个人、事项一次办”。社区书记、“两委”成员、社区民警、人民调解员担任代办员，让群众少跑腿、少操心。</p>' +
      '<p>参加活动的张先生说：“以后有事带上身份证就行，从受理到办结不用四处跑，太方便了。”</p>' +
      '<p>在小程序“服务—信访代办”可以直接把事项交给代办员，并随时查看进度。</p>',
    reporters: ['周岚'],
    correspondents: ['何敏', '宋阳'],
    daysAgo: 3,
  },
  {
    id: 'demo-dapoding-road',
    scopeId: 'dapoding',
    category: '社区动态',
    title: '大坡顶村开通两个路口，居民出门不再绕行800米',
    summary: '驻村工作队在“大走访”中听到居民和商户的难处，协调多部门开设路口，施工单位免费施工。',
    bodyHtml:
      '<p>在“大走访”中，驻村工作队了解到：安置区北门外没有直通的道路，居民出门要绕行近800米，一旦有险情也会耽误救援；西侧和南侧的商户门前隔着10米宽的绿化带，希望增设路口方便顾客。</p>' +
      '<p>工作队与村“两委”商议后，决定在北门外最近处和安置区西侧中间各开一个路口，随后协调区城管局办理手续、区绿化管理中心移栽树木，两家施工单位免费施工。</p>' +
      '<p>路口开通后，居民出行方便了，周边门面房也更好出租了。</p>',
    reporters: ['吴昊'],
    correspondents: ['邓川'],
    daysAgo: 3,
  },
  {
    id: 'demo-dongfang-water',
    scopeId: 'dongfang',
    category: '倡议',
    title: '节水爱水 你我同行：东方社区发出节水倡议',
    summary: '世界水日前后，东方社区走进楼院、门店发放倡议书，邀请每户居民一起节水。',
    bodyHtml:
      '<p>围绕“世界水日”，东方社区通过微信群、LED屏滚动播放和入户发放倡议书等方式，向居民讲解世界水日的由来和我国的基本水情。</p>' +
      '<p>社区倡议大家从自身做起、从点滴做起：</p>' +
      '<ul><li>洗菜水留下来浇花、冲厕所；</li><li>刷牙、抹洗手液时随手关龙头；</li><li>发现漏水的水管、水龙头及时报修；</li><li>洗衣机攒够一桶再洗。</li></ul>' +
      '<p>点下方“我承诺”，和邻居们一起养成节水的好习惯。</p>',
    reporters: ['许宁'],
    correspondents: ['韩悦'],
    pledgePrompt: '我承诺：节约每一滴水，从我家做起',
    daysAgo: 2,
  },
  {
    id: 'demo-huifeng-clinic',
    scopeId: 'huifeng',
    category: '社区动态',
    title: '汇丰社区爱心义诊：150余位居民在家门口看专家',
    summary: '养老机构医疗志愿者和协作医院专家为居民免费测血糖血压，提供心内科、口腔科检查和健康咨询。',
    bodyHtml:
      '<p>汇丰社区党总支开展“爱心义诊进社区 便民服务送健康”活动，邀请养老机构的医疗志愿者和协作医院专家走进社区。</p>' +
      '<p>专家们为居民免费测量血糖、血压，提供心内科、口腔科检查和健康咨询，并针对每位居民的身体状况给出建议。当天上午受益居民150余人。</p>' +
      '<p>社区表示，今后将定期开展义诊，活动报名请留意小程序“活动”页。</p>',
    reporters: ['冯倩'],
    correspondents: ['马骏'],
    daysAgo: 2,
  },
  {
    id: 'demo-kangle-banner',
    scopeId: 'kangle',
    category: '社区动态',
    title: '帮老两口重置银行卡密码，81岁居民给康乐社区送来锦旗',
    summary: '老人腿脚不便、子女不在身边，社区工作人员联系银行，用视频方式办完了业务。',
    bodyHtml:
      '<p>81岁的杨大爷来到康乐社区居委会，把一面写着“热心助老献真情 无私奉献传美德”的锦旗送到工作人员手中。</p>' +
      '<p>原来，杨大爷的老伴忘了银行卡密码，因腿脚不便、子女不在身边，没法去银行柜台办理。社区工作人员得知后，第一时间联系银行，最终通过微信视频为老人办好了业务。</p>',
    reporters: ['孙卓'],
    correspondents: ['赵琳'],
    daysAgo: 1,
  },
  {
    id: 'demo-minan-wages',
    scopeId: 'minan',
    category: '社区动态',
    title: '172名农民工拿回200万元工资，代表给民安社区送锦旗',
    summary: '社区了解情况后立即上报，街道信访办、便民服务中心和社区组成调查组，多次协商后工资全部结清。',
    bodyHtml:
      '<p>春节前，民安社区辖区内一个房地产项目拖欠172名农民工工资共200万元，工人们多次讨要未果。</p>' +
      '<p>社区了解情况后立即向上级反映，济源路街道信访办、便民服务中心和社区当即成立调查组，到项目现场核实，查明承包商挪用了工人工资。经过多次协商，承包商最终付清了欠款。</p>' +
      '<p>农民工代表专程来到民安社区党群服务中心，送上写有“一心一意为人民 尽心竭力办实事”的锦旗。遇到欠薪，可在小程序“服务—我要反映”选择“劳动保障/欠薪”。</p>',
    reporters: ['冯倩'],
    correspondents: ['汪洋'],
    daysAgo: 1,
  },
  {
    id: 'demo-lost-elder',
    scopeId: 'shangjie',
    category: '社区动态',
    title: '八旬老人公园迷路，巡防队员和民警接力送回家',
    summary: '老人独自乘公交出门后忘了回家的路，巡防队员发现后联系派出所，民警查到家属把老人送回。',
    bodyHtml:
      '<p>傍晚时分，济源路街道巡防队在铝城公园南门巡逻时，发现一位高龄老人来回打转、神情焦急。原来老人独自乘公交车出来遛弯，忘了回家的路，已经在附近转了近一个小时。</p>' +
      '<p>老人说不清姓名和住址，队员们先带他到附近商店休息，再请派出所民警帮忙。民警通过户籍信息联系上家属，把老人平安送回家。</p>' +
      '<p>提醒：家有高龄老人的，可以在老人衣兜里放一张写有联系电话的卡片。</p>',
    reporters: ['周岚'],
    correspondents: ['倪涛'],
    daysAgo: 4,
  },
  {
    id: 'demo-fire-truck',
    scopeId: 'shangjie',
    category: '社区动态',
    title: '洒水车秒变“消防车”，及时扑灭待建工地火情',
    summary: '科学大道与通航三路交叉口附近工地起火，正在作业的环卫洒水车先行灭火，避免火势蔓延。',
    bodyHtml:
      '<p>上午11点多，科学大道与通航三路交叉口附近一处待建工地突发火情。区城管局第一时间联系环卫公司，正在附近作业的洒水车迅速赶到现场灭火。</p>' +
      '<p>消防人员随后赶到，与环卫工人配合完成后期灭火。由于处置迅速，没有造成更大的损失。</p>',
    reporters: ['安然'],
    correspondents: ['刘畅', '李欣'],
    daysAgo: 5,
  },
  {
    id: 'demo-lease',
    scopeId: 'shangjie',
    category: '公示',
    title: '中心路9号院独立商务楼公开招租',
    summary: '独立四层商务楼，建筑面积8000余平方米，产权属区属国有独资企业，现公开招租。',
    bodyHtml:
      '<p>位于中心路9号院（亚星盛世小区对面）的独立四层商务楼，建筑面积8000余平方米，交通便利，商圈成熟，周边居住人口密集。产权为区属国有独资企业所有。</p>' +
      '<p>现公开招租，欢迎意向承租人到区属国有企业招商部门咨询（工作日 9:00—17:00）。</p>',
    reporters: [],
    correspondents: [],
    daysAgo: 7,
  },
  {
    id: 'demo-honor-intro',
    scopeId: 'shangjie',
    category: '专题报道',
    title: '2020年度“乡村光荣榜”人物系列报道：有担当的好丈夫',
    summary: '妻子是社区工作者，疫情期间两个月只见了三次面，他把两边老人和备考的女儿照顾得妥妥帖帖。',
    bodyHtml:
      '<p>今年49岁的李先生和妻子结婚二十多年。妻子是社区工作人员，疫情防控最紧张的时候，两人两个月只见过三次面。</p>' +
      '<p>他没有一句怨言，把双方老人照顾得妥妥帖帖，又天天变着花样给备战高考的女儿做饭。妻子值夜班，他就陪着在办公室打地铺；妻子做完手术刚上班，他每天接送、中午送饭，坚持了一个多月。</p>' +
      '<p>妻子说：“他话不多，却是个有担当的好丈夫。有他在，我工作才没有后顾之忧。”</p>',
    reporters: ['许宁'],
    correspondents: [],
    daysAgo: 6,
  },
];
