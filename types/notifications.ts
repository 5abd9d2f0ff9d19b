import { z } from 'zod';
import { PUBLIC, SIGNED_IN } from './access';
import { defineContract } from './contract';
import { MAX_TEMPLATES_PER_REQUEST, SUBSCRIBE_CHOICES, type NoticeStatus, type TemplateIds } from './notifications-model';

export * from './notifications-model';

export const TemplateIdsInput = z.object({});
export const templateIds = defineContract({
  name: 'notifications.templateIds',
  summary: '订阅消息模板编号（小程序请求订阅时使用）',
  kind: 'query',
  access: PUBLIC,
  input: TemplateIdsInput,
}).returns<TemplateIds>();

export const ReportSubscriptionsInput = z.object({
  /** requestSubscribeMessage's answer: template id → the resident's choice. */
  results: z
    .record(z.string().min(1).max(128), z.enum(SUBSCRIBE_CHOICES))
    .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= MAX_TEMPLATES_PER_REQUEST, `一次最多订阅${MAX_TEMPLATES_PER_REQUEST}种消息`),
});
export const reportSubscriptions = defineContract({
  name: 'notifications.report',
  summary: '记录居民在订阅弹窗中的选择',
  kind: 'command',
  access: SIGNED_IN,
  input: ReportSubscriptionsInput,
}).returns<NoticeStatus[]>();

export const MyNoticesInput = z.object({});
export const myNotices = defineContract({
  name: 'notifications.mine',
  summary: '我的消息提醒：哪些提醒已开启',
  kind: 'query',
  access: SIGNED_IN,
  input: MyNoticesInput,
}).returns<NoticeStatus[]>();

export const notificationsContracts = [templateIds, reportSubscriptions, myNotices] as const;
