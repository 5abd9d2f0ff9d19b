import { setUpAV, type AVModule } from './av-setup';

export type { AVModule } from './av-setup';

/**
 * WeChat's module loader as webpack leaves it (`__non_webpack_require__` compiles to the
 * file's own `require`), with 分包异步化's `require.async` for a file in a subpackage.
 */
declare const __non_webpack_require__: { async(path: string): Promise<unknown> };

let loading: Promise<AVModule> | null = null;

/**
 * The SDK, loaded and set up once, from where config/index.ts copies the SDK's own minified
 * core (leancloud-storage's dist/av-core-min.js): the account subpackage, not the main
 * package, which would otherwise carry its 230 KB (issue 18: main package ≤ 650 KB). The
 * path is relative to the file this code is bundled into, at the package root (common.js);
 * it is written in the call so that check:weapp (scripts/weapp-rules.ts) sees it and checks
 * that it names a file in a subpackage. WeChat downloads the subpackage on the first call (at
 * launch: restoreSession); a failed download is tried again on the next call rather than
 * remembered.
 */
export function getAV(): Promise<AVModule> {
  loading ??= __non_webpack_require__.async('./packages/account/sdk/av-core.js').then(
    (AV) => setUpAV(AV as AVModule),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
