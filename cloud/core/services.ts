import type { Config } from '../config';
import type { Db } from '../storage/dialect';
import type { WechatClient } from '../wechat/client';
import type { ObjectStore } from '../files/object-store';
import type { Clock } from './clock';
import type { DataCipher } from './crypto';

/** What every handler may use. Built once at start (cloud/main.ts) or per test. */
export interface Services {
  db: Db;
  clock: Clock;
  wechat: WechatClient;
  cipher: DataCipher;
  config: Config;
  /** Where stored files live: local folder or S3 (cloud/files/object-store.ts). */
  objects: ObjectStore;
  /**
   * Development and tests only (no WECHAT_API_BASE): tells the local fake WeChat of a
   * resident's choices in the subscribe sheet, as real WeChat sees the tap itself. Lets the
   * H5 preview's stand-in sheet and DevTools builds reach a fake that then sends as WeChat would.
   */
  fakeWechatTap?: (openid: string, results: Record<string, string>) => Promise<void>;
  /** The host's JSON log once it is built; absent in bare unit tests. */
  log?: Log;
}

/** The part of pino's logger the domain uses: an object first (no personal data), then a message. */
export interface Log {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}
