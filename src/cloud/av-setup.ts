import type * as AVModuleType from 'leancloud-storage/core';
import { cloudSettings } from './settings';

export type AVModule = typeof AVModuleType;

/**
 * Hands the SDK core the platform's adapters and the host's address. The package's default
 * entry is its XMLHttpRequest build, wrong for weapp, so we take the core. Taro replaces
 * `process.env.TARO_ENV` at build time and webpack drops the other branch's require.
 */
export function setUpAV(AV: AVModule): AVModule {
  const adapters: unknown =
    process.env.TARO_ENV === 'weapp'
      ? require('@leancloud/platform-adapters-weapp')
      : require('@leancloud/platform-adapters-browser');
  AV.setAdapters(adapters as Parameters<AVModule['setAdapters']>[0]);
  const { appId, appKey, serverURL } = cloudSettings();
  AV.init({ appId, appKey, serverURL });
  // Without this the SDK appends " [401 POST https://...]" to the host's Chinese message.
  (AV as unknown as { keepErrorRawMessage(keep: boolean): void }).keepErrorRawMessage(true);
  return AV;
}
