import { TEMPLATE_NAMES, type TemplateName } from '../../types/notifications-model';
import type { Config } from '../config';
import type { FakeTemplate } from '../wechat/fake-server';

export { TEMPLATE_NAMES, type TemplateName };

/**
 * The keywords of each template as chosen in WeChat's template library: 事项 (thing1),
 * 时间 (time2), 地点/办理单位 (thing3), 说明 (thing4). WeChat checks every value against
 * its type's limits (cloud/wechat/keyword-rules.ts); the outbox checks first.
 */
const WHAT_WHEN_WHERE_NOTE = ['thing1', 'time2', 'thing3', 'thing4'] as const;
export const TEMPLATE_KEYWORDS: Record<TemplateName, readonly string[]> = {
  eventResult: WHAT_WHEN_WHERE_NOTE,
  eventReminder: WHAT_WHEN_WHERE_NOTE,
  eventChange: WHAT_WHEN_WHERE_NOTE,
  bookingResult: WHAT_WHEN_WHERE_NOTE,
  bookingReminder: WHAT_WHEN_WHERE_NOTE,
  progress: WHAT_WHEN_WHERE_NOTE,
  reviewResult: WHAT_WHEN_WHERE_NOTE,
  // 事项, 时间, 提示: a finder's alert about an elderly person (防走失).
  elderAlert: ['thing1', 'time2', 'thing3'],
};

/**
 * Which message spends which template's credit. Every message the host queues is one of
 * these; docs/notifications.md has the same table (a test compares them).
 */
export const MESSAGE_PLAN = {
  'event.confirmed': 'eventResult',
  'event.promoted': 'eventResult',
  'event.remindDay': 'eventReminder',
  'event.remindHour': 'eventReminder',
  'event.cancelled': 'eventChange',
  'booking.created': 'bookingResult',
  'booking.approved': 'bookingResult',
  'booking.rejected': 'bookingResult',
  'booking.closed': 'bookingResult',
  'booking.suspended': 'bookingResult',
  'booking.step': 'bookingResult',
  'booking.remindDay': 'bookingReminder',
  'petition.accepted': 'progress',
  'petition.note': 'progress',
  'petition.transferred': 'progress',
  'petition.declined': 'progress',
  'petition.resolved': 'progress',
  'petition.toAgent': 'progress',
  'nomination.reviewed': 'reviewResult',
  'thanks.reviewed': 'reviewResult',
  'elder.alert': 'elderAlert',
} as const satisfies Record<string, TemplateName>;
export type MessageKind = keyof typeof MESSAGE_PLAN;

/** The template a message of this kind is sent with (stored in the outbox by our name). */
export function templateFor(kind: MessageKind): TemplateName {
  return MESSAGE_PLAN[kind];
}

export function templateId(config: Pick<Config, 'templates'>, name: TemplateName): string {
  return config.templates[name].id;
}

/**
 * Our name for what the outbox holds: the name itself, or (rows queued before templates
 * had names) WeChat's id mapped back through configuration.
 */
export function templateNameOf(config: Pick<Config, 'templates'>, stored: string): TemplateName | null {
  if ((TEMPLATE_NAMES as readonly string[]).includes(stored)) return stored as TemplateName;
  return TEMPLATE_NAMES.find((name) => config.templates[name].id === stored) ?? null;
}

/** The templates as the fake WeChat is set up with them in development and tests. */
export function fakeTemplates(config: Pick<Config, 'templates'>): FakeTemplate[] {
  return TEMPLATE_NAMES.map((name) => ({ id: config.templates[name].id, kind: config.templates[name].kind, keywords: [...TEMPLATE_KEYWORDS[name]] }));
}

/** WeChat refuses `thing` fields over 20 characters (47003): shorten them ourselves. */
export function thing(text: string, max = 20): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length === 0) return '—';
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
