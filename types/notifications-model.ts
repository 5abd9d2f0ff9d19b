/**
 * Subscribe messages (订阅消息), the part the mini-program imports without zod: the templates
 * we send, and which tap asks for which (docs/notifications.md shows the same plan as a
 * table, and a test holds the two together).
 */
export const TEMPLATE_NAMES = ['eventResult', 'eventReminder', 'eventChange', 'bookingResult', 'bookingReminder', 'progress', 'reviewResult', 'elderAlert'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** The template's title as the resident sees it in WeChat's subscribe sheet and in 我的. */
export const TEMPLATE_TITLES: Record<TemplateName, string> = {
  eventResult: '报名结果',
  eventReminder: '活动提醒',
  eventChange: '活动变更',
  bookingResult: '预约结果',
  bookingReminder: '预约提醒',
  progress: '办理进度',
  reviewResult: '审核结果',
  elderAlert: '走失求助提醒',
};

/**
 * The taps where the resident expects news, and the templates each asks for. WeChat
 * shows its sheet only from a tap and takes at most 3 templates a request.
 */
export const SUBSCRIBE_TAPS = {
  /** 活动详情「报名」 */
  eventSignup: ['eventResult', 'eventReminder', 'eventChange'],
  /** 预约「提交预约」 */
  booking: ['bookingResult', 'bookingReminder'],
  /** 诉求「提交」 */
  petitionSubmit: ['progress'],
  /** 诉求详情「接收办理进度提醒」: a new step needs a new one-time credit. */
  petitionFollow: ['progress'],
  /** 光荣榜「提交推荐」 */
  nomination: ['reviewResult'],
  /** 锦旗「提交感谢」 */
  thanks: ['reviewResult'],
  /** 防走失卡「保存」 (family) */
  elderCard: ['elderAlert'],
} as const satisfies Record<string, readonly TemplateName[]>;
export type SubscribeTap = keyof typeof SUBSCRIBE_TAPS;

export const MAX_TEMPLATES_PER_REQUEST = 3;

/** What requestSubscribeMessage answers per template id. */
export const SUBSCRIBE_CHOICES = ['accept', 'acceptWithAudio', 'acceptWithAlert', 'acceptWithForcePush', 'reject', 'ban', 'filter'] as const;
export type SubscribeChoice = (typeof SUBSCRIBE_CHOICES)[number];
export const ACCEPTED_CHOICES: readonly SubscribeChoice[] = ['accept', 'acceptWithAudio', 'acceptWithAlert', 'acceptWithForcePush'];

/** One template as a resident's notices stand: what 我的 shows, what staff see. */
export interface NoticeStatus {
  template: TemplateName;
  title: string;
  /** 一次性订阅 (one message per accepted tap) or 长期订阅 (until switched off). */
  kind: 'one-time' | 'long-term';
  /** Messages that can still be sent (one-time); null for long-term. */
  credits: number | null;
  /** Whether a message of this template can reach the resident now. */
  on: boolean;
}

/** The template ids of this deployment, by our name: the mini-program asks WeChat with them. */
export type TemplateIds = Record<TemplateName, string>;

/** An outbox message's state, in words for staff. */
export const OUTBOX_STATUS_TEXT: Record<string, string> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  unsubscribed: '未订阅',
  refused: '居民已关闭提醒',
  rejected: '内容不符合微信要求',
  failed: '发送失败',
  skipped: '已取消',
};

/** Staff wording for whether a resident can be told about something. */
export function notifiableText(on: boolean): string {
  return on ? '可发送微信提醒' : '居民未订阅提醒，请电话联系';
}
