/**
 * The jest copy of `@tarojs/taro` (jest/src-taro.js), taken directly: this file is also what
 * a test's `jest.mock('@tarojs/taro', ...)` factory loads, so it must not import the mock.
 */
const Taro = jest.requireActual<Record<string, unknown>>('@tarojs/taro');

/**
 * WeChat's client APIs that only exist in the mini-program, standing in on the jest copy of
 * `@tarojs/taro` (src project). Every call is recorded with its exact parameters, and each
 * refuses the way WeChat's docs say it does, so a test passes only with what WeChat takes:
 *
 * - `wx.login`: a new one-time code per call.
 * - `wx.getGroupEnterInfo`: **no promise form** (docs: 以 Promise 风格调用：不支持): called
 *   without `success`/`fail` it answers nothing, ever. Outside a group-chat scene it fails
 *   with 40097 场景错误; when the resident has left the group, 65206.
 * - `wx.updateShareMenu`: WeChat's parameter check (`parameter error: parameter.x should be
 *   Boolean instead of String;`) on each documented field; an updatable message needs its
 *   `activityId` and a `templateInfo.parameterList` of `{ name, value }` strings naming both
 *   `member_count` and `room_limit` (the only parameters of the state-0 text).
 * - `wx.getEnterOptionsSync`: the scene the mini-program was opened from (1008: a card in a
 *   group chat; 1007: a card in a one-to-one chat; 1001: the 发现 list).
 * - the page's share handlers (`useShareAppMessage`, `useShareTimeline`): recorded, so a test
 *   can ask them what WeChat would ask when the user taps 转发 or 分享到朋友圈.
 *
 * Test controls, not WeChat's: `scene`, `group` (what the encrypted group data is), `leftGroup`.
 *
 * Named imports (`import { useRouter } from '@tarojs/taro'`) are copied when a module first
 * loads, so a test file that renders a page declares, before its imports:
 * `jest.mock('@tarojs/taro', () => jest.requireActual('../testing/fake-wechat').taroWithFakePageHooks())`.
 */
export interface FakeWechat {
  calls: Array<{ api: string; args: unknown }>;
  /** Every refusal WeChat would have answered, with its errMsg. */
  refusals: Array<{ api: string; errMsg: string }>;
  /** The scene the mini-program was opened from. */
  scene: number;
  /** What getGroupEnterInfo hands out in a group-chat scene. */
  group: { encryptedData: string; iv: string };
  /** The resident is no longer in that group (65206). */
  leftGroup: boolean;
  /** The codes wx.login handed out, in order. */
  codes: string[];
  /** What the page would give WeChat for 转发 (onShareAppMessage). */
  shareAppMessage(from?: 'menu' | 'button'): Record<string, unknown>;
  /** What the page would give WeChat for 分享到朋友圈 (onShareTimeline). */
  shareTimeline(): Record<string, unknown>;
  /** The router params useRouter() gives the page. */
  params: Record<string, string>;
  restore(): void;
}

interface Callbacks<T> {
  success?: (result: T) => void;
  fail?: (error: { errMsg: string; errCode?: number }) => void;
  complete?: () => void;
}

/** WeChat's own words for a parameter of the wrong type. */
function typeName(value: unknown): string {
  if (value === undefined) return 'Undefined';
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'Array';
  const t = typeof value;
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function parameterError(api: string, path: string, expected: string, value: unknown): { errMsg: string } {
  return { errMsg: `${api}:fail parameter error: parameter.${path} should be ${expected} instead of ${typeName(value)};` };
}

/** What WeChat refuses in updateShareMenu's options, or null when it takes them. */
function checkShareMenu(options: Record<string, unknown>): { errMsg: string } | null {
  const api = 'updateShareMenu';
  for (const key of ['withShareTicket', 'isUpdatableMessage', 'isPrivateMessage'] as const) {
    if (key in options && typeof options[key] !== 'boolean') return parameterError(api, key, 'Boolean', options[key]);
  }
  for (const key of ['activityId', 'toDoActivityId'] as const) {
    if (key in options && typeof options[key] !== 'string') return parameterError(api, key, 'String', options[key]);
  }
  if ('templateInfo' in options) {
    const info = options.templateInfo as { parameterList?: unknown } | null;
    if (typeof info !== 'object' || info === null || Array.isArray(info)) return parameterError(api, 'templateInfo', 'Object', info);
    if (!Array.isArray(info.parameterList)) return parameterError(api, 'templateInfo.parameterList', 'Array', info.parameterList);
    for (const [i, p] of (info.parameterList as Array<Record<string, unknown>>).entries()) {
      if (typeof p?.name !== 'string') return parameterError(api, `templateInfo.parameterList[${i}].name`, 'String', p?.name);
      if (typeof p.value !== 'string') return parameterError(api, `templateInfo.parameterList[${i}].value`, 'String', p.value);
    }
  }
  if (options.isUpdatableMessage === true) {
    if (!options.activityId) return { errMsg: `${api}:fail activityId is required for an updatable message` };
    const names = ((options.templateInfo as { parameterList?: Array<{ name: string }> } | undefined)?.parameterList ?? []).map((p) => p.name);
    if (!names.includes('member_count') || !names.includes('room_limit')) return { errMsg: `${api}:fail templateInfo needs member_count and room_limit` };
  }
  return null;
}

const GROUP_SCENES = new Set([1008, 1044]);

let installed: { shareApp: ((o: { from: string }) => Record<string, unknown>) | null; shareTimeline: (() => Record<string, unknown>) | null; params: () => Record<string, string> } | null = null;

/** The jest Taro with the page hooks answering to the installed fake (see above). */
export function taroWithFakePageHooks(): Record<string, unknown> {
  Object.assign(Taro, {
    useShareAppMessage(handler: (o: { from: string }) => Record<string, unknown>) {
      if (installed) installed.shareApp = handler;
    },
    useShareTimeline(handler: () => Record<string, unknown>) {
      if (installed) installed.shareTimeline = handler;
    },
    useRouter() {
      return { params: installed?.params() ?? {}, path: '' };
    },
  });
  return Taro;
}

export function installFakeWechat(): FakeWechat {
  const taro = Taro;
  const replaced = ['login', 'getGroupEnterInfo', 'updateShareMenu', 'getEnterOptionsSync'];
  const originals = new Map(replaced.map((name) => [name, taro[name]]));
  let next = 0;

  const fake: FakeWechat = {
    calls: [],
    refusals: [],
    scene: 1001,
    group: { encryptedData: 'ENCRYPTED', iv: 'IV' },
    leftGroup: false,
    codes: [],
    params: {},
    shareAppMessage(from = 'menu') {
      if (!installed?.shareApp) throw new Error('the page set no onShareAppMessage');
      return installed.shareApp({ from });
    },
    shareTimeline() {
      if (!installed?.shareTimeline) throw new Error('the page set no onShareTimeline');
      return installed.shareTimeline();
    },
    restore() {
      for (const [name, original] of originals) taro[name] = original;
      installed = null;
    },
  };

  Object.assign(taro, {
    login(options: Callbacks<{ code: string; errMsg: string }> = {}) {
      fake.calls.push({ api: 'login', args: options });
      const code = `code-${++next}`;
      fake.codes.push(code);
      const result = { code, errMsg: 'login:ok' };
      options.success?.(result);
      options.complete?.();
      return Promise.resolve(result);
    },
    getGroupEnterInfo(options?: Callbacks<{ encryptedData: string; iv: string; errMsg: string }>) {
      fake.calls.push({ api: 'getGroupEnterInfo', args: options });
      // No promise form: the answer comes only to the callbacks.
      if (!options) return undefined;
      const refused = !GROUP_SCENES.has(fake.scene)
        ? { errMsg: 'getGroupEnterInfo:fail scene error', errCode: 40097 }
        : fake.leftGroup
          ? { errMsg: 'getGroupEnterInfo:fail user not in group', errCode: 65206 }
          : null;
      if (refused) {
        fake.refusals.push({ api: 'getGroupEnterInfo', errMsg: refused.errMsg });
        options.fail?.(refused);
      } else options.success?.({ ...fake.group, errMsg: 'getGroupEnterInfo:ok' });
      options.complete?.();
      return undefined;
    },
    updateShareMenu(options: Record<string, unknown> & Callbacks<{ errMsg: string }> = {}) {
      fake.calls.push({ api: 'updateShareMenu', args: options });
      const refused = checkShareMenu(options);
      if (refused) {
        fake.refusals.push({ api: 'updateShareMenu', errMsg: refused.errMsg });
        options.fail?.(refused);
        options.complete?.();
        return Promise.reject(refused);
      }
      options.success?.({ errMsg: 'updateShareMenu:ok' });
      options.complete?.();
      return Promise.resolve({ errMsg: 'updateShareMenu:ok' });
    },
    getEnterOptionsSync() {
      fake.calls.push({ api: 'getEnterOptionsSync', args: undefined });
      return { scene: fake.scene, path: '', query: {}, referrerInfo: {}, apiCategory: 'default' };
    },
  });
  installed = { shareApp: null, shareTimeline: null, params: () => fake.params };
  return fake;
}
