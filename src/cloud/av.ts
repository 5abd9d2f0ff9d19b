import * as AV from 'leancloud-storage/core';
import { setUpAV, type AVModule } from './av-setup';

export type { AVModule } from './av-setup';

let ready: AVModule | null = null;

/**
 * The SDK, set up once: bundled with the page code in the H5 preview and in jest. The
 * weapp build takes av.weapp.ts instead, which loads the SDK from a subpackage.
 */
export async function getAV(): Promise<AVModule> {
  ready ??= setUpAV(AV);
  return ready;
}
