import { openidOf } from '../wechat/fake-server';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AV from 'leancloud-storage';
import type { FunctionInput, FunctionName, FunctionOutput } from '../../types';
import { loadConfig, type Config } from '../config';
import { FixedClock } from '../core/clock';
import { startLinli, type Linli } from '../start';
import { createTestDatabase, type TestDatabase } from '../storage/test-database';
import { createBucket } from './s3-server';
import type { SubscribeChoice, TemplateName } from '../../types/notifications-model';
import type { FakeCall, RecordedMessage } from '../wechat/fake-server';

/** A moment inside working hours, Asia/Shanghai: 2026-03-23 10:00 (a Monday). */
export const TEST_NOW = '2026-03-23T02:00:00.000Z';

export interface TestLinli extends Linli {
  clock: FixedClock;
  testDatabase: TestDatabase;
  config: Config;
  /** Messages the fake WeChat has accepted. */
  sentMessages(): Promise<RecordedMessage[]>;
  fake(path: string, body: unknown): Promise<void>;
  /** Every call the fake WeChat answered or refused, in order. */
  fakeLog(): Promise<FakeCall[]>;
  /**
   * The resident taps a button that asks for these templates and chooses `choice` for each
   * in WeChat's sheet: WeChat (the fake) records the grant, the mini-program reports it.
   */
  subscribe(client: Client, persona: string, templates: readonly TemplateName[], choice?: SubscribeChoice): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real host on a loopback port, over a fresh database (SQLite, or PostgreSQL when
 * LINLI_TEST_PG_URL is set), with the fake WeChat, the demo data and a fixed clock; and
 * the real `leancloud-storage` SDK pointed at it.
 */
export async function startTestLinli(env: Record<string, string> = {}): Promise<TestLinli> {
  const testDatabase = await createTestDatabase();
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-test-files-'));
  const config = loadConfig({
    LINLI_UPLOAD_DIR: uploadDir,
    ...(await testObjectStoreEnv()),
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: testDatabase.url,
    LINLI_DEMO_DATA: '1',
    LINLI_LOGIN_RATE_PER_MINUTE: '100000',
    LINLI_WRITE_RATE_PER_MINUTE: '100000',
    // Tests run the outbox and the scheduled jobs themselves, with the fixed clock.
    LINLI_OUTBOX_INTERVAL_MS: '0',
    LINLI_JOB_INTERVAL_MS: '0',
    ...env,
  });
  const clock = new FixedClock(new Date(TEST_NOW));
  const linli = await startLinli(config, { clock, relayFakeTaps: false });
  AV.init({ appId: config.appId, appKey: config.appKey, serverURL: linli.url });
  // Errors keep the host's message as is, without the SDK's " [401 POST url]" suffix.
  (AV as unknown as { keepErrorRawMessage(keep: boolean): void }).keepErrorRawMessage(true);
  const fakeUrl = linli.fakeWechat!.url;
  return {
    ...linli,
    clock,
    testDatabase,
    config,
    async sentMessages() {
      return (await (await fetch(`${fakeUrl}/__fake/messages`)).json()) as RecordedMessage[];
    },
    async fake(path, body) {
      await fetch(`${fakeUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    },
    async fakeLog() {
      return (await (await fetch(`${fakeUrl}/__fake/log`)).json()) as FakeCall[];
    },
    async subscribe(client, persona, templates, choice = 'accept') {
      // The tap as WeChat sees it (the fake grants the credit), then the mini-program's report
      // to the host (the ledger): two records, as in production.
      const results = Object.fromEntries(templates.map((name) => [config.templates[name].id, choice]));
      const tap = await fetch(`${fakeUrl}/__fake/subscribe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: openidOf(persona), results }) });
      if (!tap.ok) throw new Error(`fake WeChat refused the subscribe tap: ${await tap.text()}`);
      await client.call('notifications.report', { results });
    },
    async stop() {
      await linli.close();
      await testDatabase.drop();
      fs.rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}

/**
 * The object store a test host uses: a temporary folder, or, when LINLI_TEST_S3_ENDPOINT
 * names an S3-compatible server (scripts/test.sh starts one), a new bucket on it. The same
 * suites run both ways, as they run on SQLite and PostgreSQL.
 */
export async function testObjectStoreEnv(): Promise<Record<string, string>> {
  const endpoint = process.env.LINLI_TEST_S3_ENDPOINT;
  if (!endpoint) return {};
  const s3 = {
    endpoint,
    accessKeyId: process.env.LINLI_TEST_S3_ACCESS_KEY_ID ?? 'linli-test',
    secretAccessKey: process.env.LINLI_TEST_S3_SECRET_ACCESS_KEY ?? 'linli-test-secret',
    region: process.env.LINLI_TEST_S3_REGION ?? 'us-east-1',
  };
  const bucket = `linli-t-${crypto.randomBytes(6).toString('hex')}`;
  await createBucket(s3, bucket);
  return {
    LINLI_S3_ENDPOINT: s3.endpoint,
    LINLI_S3_ACCESS_KEY_ID: s3.accessKeyId,
    LINLI_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    LINLI_S3_REGION: s3.region,
    LINLI_S3_BUCKET: bucket,
  };
}

/**
 * A second host on the same database, object store and fake WeChat as `linli`: what a load
 * balancer puts next to the first. Its clock is its own fixed clock at the same moment.
 */
export async function startAnotherHost(
  linli: TestLinli,
  env: Record<string, string> = {},
  options: Omit<NonNullable<Parameters<typeof startLinli>[1]>, 'clock'> = {},
): Promise<Linli & { clock: FixedClock }> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: linli.testDatabase.url,
    LINLI_DEMO_DATA: '0',
    LINLI_LOGIN_RATE_PER_MINUTE: String(linli.config.loginRatePerMinute),
    LINLI_WRITE_RATE_PER_MINUTE: String(linli.config.writeRatePerMinute),
    LINLI_OUTBOX_INTERVAL_MS: '0',
    LINLI_JOB_INTERVAL_MS: '0',
    LINLI_UPLOAD_DIR: linli.config.uploadDir,
    WECHAT_API_BASE: linli.fakeWechat!.url,
    ...(linli.config.s3 && {
      LINLI_S3_ENDPOINT: linli.config.s3.endpoint!,
      LINLI_S3_ACCESS_KEY_ID: linli.config.s3.accessKeyId!,
      LINLI_S3_SECRET_ACCESS_KEY: linli.config.s3.secretAccessKey!,
      LINLI_S3_REGION: linli.config.s3.region,
      LINLI_S3_BUCKET: linli.config.s3.bucket,
    }),
    ...env,
  });
  const clock = new FixedClock(linli.clock.now());
  return { ...(await startLinli(config, { ...options, clock })), clock };
}

/**
 * A function called on the host at `url` as the SDK calls it (signed, with the session if
 * any), without the SDK: the status, content type and body exactly as the host sent them.
 * For a second host (`startAnotherHost`), which the SDK is not pointed at.
 */
export async function callAt(
  url: string,
  config: Pick<Config, 'appId' | 'appKey'>,
  name: string,
  input: object = {},
  token?: string,
): Promise<{ status: number; type: string | null; body: string }> {
  const ts = String(Date.now());
  const response = await fetch(`${url}/1.1/functions/${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-lc-id': config.appId,
      'x-lc-sign': `${crypto.createHash('md5').update(ts + config.appKey).digest('hex')},${ts}`,
      ...(token && { 'x-lc-session': token }),
    },
    body: JSON.stringify(input),
  });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

export type AnotherHost = Awaited<ReturnType<typeof startAnotherHost>>;

/**
 * For a test file about two hosts behind a load balancer, on one database: both started
 * before its tests (the admin signed in through the first), both stopped after them.
 */
export function twoHostsForThisFile(): { linli: TestLinli; hostB: AnotherHost; admin: Client } {
  const hosts = {} as { linli: TestLinli; hostB: AnotherHost; admin: Client };
  beforeAll(async () => {
    hosts.linli = await startTestLinli();
    hosts.hostB = await startAnotherHost(hosts.linli);
    hosts.admin = await signIn('admin');
  });
  afterAll(async () => {
    await hosts.hostB.close();
    await hosts.linli.stop();
  });
  return hosts;
}

export interface Client {
  token: string | undefined;
  userId: string | undefined;
  call<N extends FunctionName>(name: N, input?: FunctionInput<N>): Promise<FunctionOutput<N>>;
}

function clientWith(token: string | undefined, userId: string | undefined): Client {
  return {
    token,
    userId,
    call<N extends FunctionName>(name: N, input?: FunctionInput<N>) {
      const params = (input ?? {}) as Record<string, unknown>;
      return AV.Cloud.run(name, params, token ? { sessionToken: token } : {}) as Promise<FunctionOutput<N>>;
    },
  };
}

/**
 * Signs in through the SDK as a WeChat persona (`dev:<persona>`) and returns a client bound
 * to that session. The SDK's "current user" is cleared again, so clients never mix.
 */
export async function signIn(persona: string): Promise<Client> {
  const user = await AV.User.loginWithAuthData({ code: `dev:${persona}` } as unknown as AV.AuthData, 'lc_weapp');
  const token = user.getSessionToken();
  await AV.User.logOut();
  return clientWith(token, user.id);
}

export async function signInConsole(username: string, password: string): Promise<Client> {
  const user = await AV.User.logIn(username, password);
  const token = user.getSessionToken();
  await AV.User.logOut();
  return clientWith(token, user.id);
}

export const anonymous: Client = clientWith(undefined, undefined);

/** The AV.Error code a promise rejects with (fails the test if it resolves). */
export async function errorCodeOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    return (error as { code: number }).code;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
