import Taro from '@tarojs/taro';
import { MAX_TEMPLATES_PER_REQUEST, SUBSCRIBE_CHOICES, SUBSCRIBE_TAPS, TEMPLATE_NAMES, TEMPLATE_TITLES, type SubscribeChoice, type SubscribeTap, type TemplateIds } from '../../types/notifications-model';
import { call } from '../cloud/client';
import { readString, STORAGE_KEYS, writeString } from '../platform/storage';
import { showModalText } from '../platform/ui-text';

const onWeapp = process.env.TARO_ENV === 'weapp';

/**
 * The H5 preview with demo sign-in runs against the host's fake WeChat and has no subscribe
 * sheet of its own. A developer can switch on a stand-in (我的 → 消息提醒) to try the
 * notification plan end to end: it asks the same templates at the same taps and reports the
 * choice as the weapp does; the host tells its fake WeChat of the tap (services.fakeWechatTap).
 * Off by default, so the preview otherwise behaves like an old WeChat without the sheet.
 */
export const PREVIEW_SHEET_OFFERED = process.env.TARO_ENV === 'h5' && LINLI_DEV_LOGIN;

export function previewSheetOn(): boolean {
  return PREVIEW_SHEET_OFFERED && readString(STORAGE_KEYS.previewSubscribeSheet) === 'on';
}

export function setPreviewSheet(on: boolean): void {
  writeString(STORAGE_KEYS.previewSubscribeSheet, on ? 'on' : null);
}

let templateIds: TemplateIds | null = null;

/**
 * Loads this deployment's template ids at launch. WeChat opens the subscribe sheet only
 * while a tap is being handled, so the ids must already be here when the resident taps.
 */
export function preloadTemplateIds(): void {
  if (!(onWeapp || PREVIEW_SHEET_OFFERED) || templateIds) return;
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
  if (ids.length === 0) return Promise.resolve({});
  if (!onWeapp) return previewSheetOn() ? askInPreview(ids) : Promise.resolve({});
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
      return report(results);
    },
    () => ({}),
  );
}

/** Reported before the action itself, so its first message finds the credit. */
async function report(results: Record<string, SubscribeChoice>): Promise<Record<string, SubscribeChoice>> {
  if (Object.keys(results).length > 0) await call('notifications.report', { results }).catch(() => undefined);
  return results;
}

/** The H5 preview's stand-in for WeChat's sheet: one question, 允许 or 拒绝 for all of them. */
async function askInPreview(ids: readonly string[]): Promise<Record<string, SubscribeChoice>> {
  const titles = ids.map((id) => {
    const name = templateIds ? TEMPLATE_NAMES.find((n) => templateIds![n] === id) : undefined;
    return name ? TEMPLATE_TITLES[name] : '消息提醒';
  });
  const allow = await showModalText({
    title: '接收消息提醒（预览）',
    content: `微信会在这里弹出订阅窗口。邻里通想发给您：${titles.join('、')}。`,
    confirmText: '允许',
    cancelText: '拒绝',
  });
  return report(Object.fromEntries(ids.map((id) => [id, allow ? 'accept' : 'reject'])));
}

/** The templates a tap asks for (SUBSCRIBE_TAPS), with this deployment's ids. */
export function askAt(tap: SubscribeTap): Promise<Record<string, SubscribeChoice>> {
  if (!templateIds) return Promise.resolve({});
  const ids = templateIds;
  return askFor(SUBSCRIBE_TAPS[tap].map((name) => ids[name]));
}
