import * as adapters from '@leancloud/platform-adapters-browser';
import * as AV from 'leancloud-storage/core';
import { consoleSettings } from './settings';

export type AVModule = typeof AV;

let ready = false;

/**
 * The SDK, set up once: the same `leancloud-storage` the mini-program uses, with the
 * browser adapters (the core build has none of its own).
 */
export function getAV(): AVModule {
  if (ready) return AV;
  AV.setAdapters(adapters as unknown as Parameters<AVModule['setAdapters']>[0]);
  const { appId, appKey, serverURL } = consoleSettings();
  AV.init({ appId, appKey, serverURL });
  // Without this the SDK appends " [401 POST https://...]" to the host's Chinese message.
  (AV as unknown as { keepErrorRawMessage(keep: boolean): void }).keepErrorRawMessage(true);
  ready = true;
  return AV;
}
