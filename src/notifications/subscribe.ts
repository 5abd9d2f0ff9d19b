import Taro from '@tarojs/taro';
import { MAX_TEMPLATES_PER_REQUEST, SUBSCRIBE_CHOICES, SUBSCRIBE_TAPS, type SubscribeChoice, type SubscribeTap, type TemplateIds } from '../../types/notifications-model';
import { call } from '../cloud/client';

const onWeapp = process.env.TARO_ENV === 'weapp';

let templateIds: TemplateIds | null = null;

/**
 * Loads this deployment's template ids at launch. WeChat opens the subscribe sheet only
 * while a tap is being handled, so the ids must already be here when the resident taps.
 */
export function preloadTemplateIds(): void {
  if (!onWeapp || templateIds) return;
  call('notifications.templateIds', {}).then(
    (ids) => {
      templateIds = ids;
    },
    () => undefined,
  );
}

/** Test seam: the ids as if preloaded. */
export function setTemplateIdsForTest(ids: TemplateIds | null): void {
  templateIds = ids;
}

/**
 * Opens WeChat's subscribe sheet for these template ids (at most 3) and tells the host what
 * the resident chose, so the outbox sends only what WeChat will take. Call it first thing
 * in the tap handler, before any await. Refusing, or no sheet at all (H5 preview, an old
 * WeChat), is not an error: the action goes ahead, without messages.
 *
 * @returns the choices reported, by template id (empty when nothing was asked)
 */
export function askFor(tmplIds: readonly string[]): Promise<Record<string, SubscribeChoice>> {
  const ids = [...new Set(tmplIds)].slice(0, MAX_TEMPLATES_PER_REQUEST);
  if (!onWeapp || ids.length === 0) return Promise.resolve({});
  // Taro's type requires Alipay's entityIds too; WeChat takes tmplIds alone.
  const option = { tmplIds: ids } as Taro.requestSubscribeMessage.Option;
  return Taro.requestSubscribeMessage(option).then(
    async (res) => {
      const answer = res as unknown as Record<string, unknown>;
      const results: Record<string, SubscribeChoice> = {};
      for (const id of ids) {
        const choice = answer[id];
        if (typeof choice === 'string' && (SUBSCRIBE_CHOICES as readonly string[]).includes(choice)) results[id] = choice as SubscribeChoice;
      }
      // Reported before the action itself, so its first message finds the credit.
      if (Object.keys(results).length > 0) await call('notifications.report', { results }).catch(() => undefined);
      return results;
    },
    () => ({}),
  );
}

/** The templates a tap asks for (SUBSCRIBE_TAPS), with this deployment's ids. */
export function askAt(tap: SubscribeTap): Promise<Record<string, SubscribeChoice>> {
  if (!templateIds) return Promise.resolve({});
  const ids = templateIds;
  return askFor(SUBSCRIBE_TAPS[tap].map((name) => ids[name]));
}
