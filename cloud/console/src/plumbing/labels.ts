import { RESOURCE_KIND_TEXT } from '../../../../types/bookings';
import { ROLE_LABELS } from '../../../../types/access';
import { ARTICLE_STATUS_LABELS } from '../../../../types/articles';

/**
 * Chinese labels for the input fields of the functions the console builds forms and
 * filters from. One map for all of them: the same name means the same thing in every
 * contract (`scopeId` is always where an item belongs).
 */
export const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  summary: '摘要',
  coverUrl: '封面图地址',
  coverId: '封面图',
  bodyHtml: '正文',
  category: '类别',
  scopeId: '发布范围',
  reporters: '记者',
  correspondents: '通讯员',
  pinned: '置顶',
  pledgePrompt: '承诺语（倡议类）',
  description: '介绍',
  organizer: '主办单位',
  partners: '协办单位',
  venue: '活动地点',
  startsAt: '开始时间',
  endsAt: '结束时间',
  requiresSignup: '需要报名',
  capacity: '名额（0为不限）',
  signupOpensAt: '报名开始时间',
  signupClosesAt: '报名截止时间',
  cancelCutoffMinutes: '可取消截止（开始前分钟数）',
  attendance: '到场人数',
  residentsServed: '服务居民人数',
  reason: '原因',
  kind: '类型',
  name: '名称',
  hours: '开放时间',
  slotMinutes: '每个时段（分钟）',
  windowSize: '每个时段可约人数',
  daysAhead: '可提前预约天数',
  minNoticeMinutes: '至少提前（分钟）',
  weeklyQuota: '每人每周可约次数（0为不限）',
  requiresApproval: '需要审核',
  documents: '需携带材料',
  active: '开放预约',
  year: '年度',
  categories: '类别',
  storyHtml: '事迹',
  sort: '排序（小的在前）',
  communityId: '社区',
  status: '状态',
  state: '状态',
  q: '标题关键词',
  action: '操作（函数名）',
  outcome: '结果',
  from: '开始',
  to: '结束',
  userId: '用户编号',
  role: '角色',
  agentId: '代办员',
  at: '发布时间',
  report: '报表',
};

/** How enum values read in selects and tags, by field name. */
export const OPTION_LABELS: Record<string, Record<string, string>> = {
  kind: RESOURCE_KIND_TEXT,
  role: ROLE_LABELS,
  status: ARTICLE_STATUS_LABELS,
  state: { draft: '草稿', published: '已发布', cancelled: '已取消', closed: '已结束' },
  outcome: { ok: '成功', denied: '被拒绝', failed: '失败' },
};

export function labelOf(name: string, labels: Record<string, string> = FIELD_LABELS): string {
  return labels[name] ?? FIELD_LABELS[name] ?? name;
}
