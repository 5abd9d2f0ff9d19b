import type { Config } from '../config';
import type { Db } from '../storage/dialect';
import type { WechatClient } from '../wechat/client';
import type { Clock } from './clock';
import type { DataCipher } from './crypto';

/** What every handler may use. Built once at start (cloud/main.ts) or per test. */
export interface Services {
  db: Db;
  clock: Clock;
  wechat: WechatClient;
  cipher: DataCipher;
  config: Config;
}
