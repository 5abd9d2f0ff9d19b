import { TEMPLATE_NAMES, TEMPLATE_TITLES, type NoticeStatus, type TemplateName } from '../../types/notifications-model';
import type { Config } from '../config';
import type { Db } from '../storage/dialect';
import type { SubscriptionsTable } from '../storage/schema';
import { subscriptionsOf } from './subscriptions.storage';

function statusOf(config: Pick<Config, 'templates'>, template: TemplateName, row: SubscriptionsTable | undefined): NoticeStatus {
  const { kind } = config.templates[template];
  const credits = kind === 'long-term' ? null : (row?.credits ?? 0);
  return { template, title: TEMPLATE_TITLES[template], kind, credits, on: kind === 'long-term' ? row?.long_term === 1 : (credits ?? 0) > 0 };
}

/** Every template as it stands for one user: what 我的 shows. */
export async function noticesOf(db: Db, config: Pick<Config, 'templates'>, userId: string): Promise<NoticeStatus[]> {
  const rows = await subscriptionsOf(db, [userId]);
  return TEMPLATE_NAMES.map((t) => statusOf(config, t, rows.find((r) => r.template === t)));
}

/**
 * Whether a message of `template` could reach each of these users now: what staff see
 * beside a booking, a petition or a registration, so they phone whoever WeChat cannot reach.
 */
export async function notifiable(db: Db, config: Pick<Config, 'templates'>, userIds: readonly string[], template: TemplateName): Promise<Map<string, boolean>> {
  const rows = await subscriptionsOf(db, [...new Set(userIds)]);
  return new Map(userIds.map((id) => [id, statusOf(config, template, rows.find((r) => r.user_id === id && r.template === template)).on]));
}
