import { TEMPLATE_NAMES, TEMPLATE_TITLES, type TemplateName } from '../types/notifications-model';
import { z } from 'zod';

/** Development defaults, written in README too. Production refuses to start with any of them. */
export const DEV_DEFAULTS = {
  appId: 'linli-dev-app',
  appKey: 'linli-dev-key',
  wechatAppId: 'wx-dev-linli',
  wechatSecret: 'dev-secret',
  // 32 zero-ish bytes: fine for a laptop, refused in production.
  dataKey: Buffer.from('linli-development-data-key-0000!').toString('base64'),
} as const;

/** Template ids that are ours, not WeChat's: production refuses to start with them. */
export const PLACEHOLDER_TEMPLATE_PREFIX = 'tpl-';

const Env = z.object({
  NODE_ENV: z.string().default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().optional(),
  LINLI_APP_ID: z.string().min(1).default(DEV_DEFAULTS.appId),
  LINLI_APP_KEY: z.string().min(1).default(DEV_DEFAULTS.appKey),
  WECHAT_API_BASE: z.string().url().optional(),
  WECHAT_APP_ID: z.string().min(1).default(DEV_DEFAULTS.wechatAppId),
  WECHAT_APP_SECRET: z.string().min(1).default(DEV_DEFAULTS.wechatSecret),
  LINLI_DATA_KEY: z.string().min(1).default(DEV_DEFAULTS.dataKey),
  LINLI_CORS_ORIGINS: z.string().default('*'),
  LINLI_SESSION_DAYS: z.coerce.number().positive().default(30),
  LINLI_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(20),
  LINLI_WRITE_RATE_PER_MINUTE: z.coerce.number().int().positive().default(120),
  LINLI_DEMO_DATA: z.enum(['0', '1']).optional(),
  LINLI_DEMO_HISTORY: z.enum(['0', '1']).optional(),
  // Subscribe-message template ids from the mini-program's admin console (订阅消息 → 我的模板).
  LINLI_TEMPLATE_EVENT_RESULT: z.string().min(1).default(`${PLACEHOLDER_TEMPLATE_PREFIX}event-result`),
  LINLI_TEMPLATE_EVENT_REMINDER: z.string().min(1).default(`${PLACEHOLDER_TEMPLATE_PREFIX}event-reminder`),
  LINLI_TEMPLATE_EVENT_CHANGE: z.string().min(1).default(`${PLACEHOLDER_TEMPLATE_PREFIX}event-change`),
  LINLI_TEMPLATE_BOOKING_RESULT: z.string().min(1).default(`${PLACEHOLDER_TEMPLATE_PREFIX}booking-result`),
  LINLI_TEMPLATE_BOOKING_REMINDER: z.string().min(1).default(`${PLACEHOLDER_TEMPLATE_PREFIX}booking-reminder`),
  LINLI_TEMPLATE_PROGRESS: z.string().min(1).default(`${PLACEHOLDER_TEMPLATE_PREFIX}progress`),
  LINLI_TEMPLATE_REVIEW_RESULT: z.string().min(1).default(`${PLACEHOLDER_TEMPLATE_PREFIX}review-result`),
  LINLI_TEMPLATE_ELDER_ALERT: z.string().min(1).default(`${PLACEHOLDER_TEMPLATE_PREFIX}elder-alert`),
  /** Our names of the templates WeChat granted as 长期订阅 (政务民生 only), comma-separated. */
  LINLI_LONG_TERM_TEMPLATES: z.string().default(''),
  LINLI_PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  LINLI_OUTBOX_INTERVAL_MS: z.coerce.number().int().min(0).default(15_000),
  LINLI_UPLOAD_DIR: z.string().default('.data/uploads'),
  // Longer than one send can take (10 s WeChat timeout) with room for a few: see worker.ts.
  LINLI_OUTBOX_LEASE_MS: z.coerce.number().int().min(15_000).default(60_000),
  LINLI_JOB_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  LINLI_AUTO_MIGRATE: z.enum(['0', '1']).optional(),
  LINLI_RATE_LIMIT_STORE: z.enum(['memory', 'database']).optional(),
  LINLI_RATE_LIMIT_FLUSH_MS: z.coerce.number().int().min(0).max(10_000).default(250),
  LINLI_S3_ENDPOINT: z.string().url().optional(),
  LINLI_S3_REGION: z.string().min(1).default('us-east-1'),
  LINLI_S3_BUCKET: z.string().min(1).optional(),
  LINLI_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  LINLI_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  LINLI_S3_FORCE_PATH_STYLE: z.enum(['0', '1']).default('1'),
  LINLI_S3_PREFIX: z.string().default(''),
  LINLI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).optional(),
  LINLI_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  LINLI_H5_DIR: z.string().default('dist-h5'),
  LINLI_CONSOLE_DIR: z.string().default('cloud/console/dist'),
  LINLI_SCREEN_DIR: z.string().default('cloud/screen/dist'),
  LINLI_TRUST_PROXY: z.string().default(''),
  LINLI_CONSOLE_ORIGIN: z.string().url().optional(),
  LINLI_CONSOLE_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LINLI_IMAGE_MAX_PIXELS: z.coerce.number().int().positive().default(40_000_000),
  LINLI_IMAGE_DECODES: z.coerce.number().int().positive().default(2),
});

export interface Config {
  production: boolean;
  host: string;
  port: number;
  databaseUrl: string | undefined;
  appId: string;
  appKey: string;
  /** Where WeChat's server API is; unset in development means "start the local fake". */
  wechatApiBase: string | undefined;
  wechatAppId: string;
  wechatSecret: string;
  dataKey: string;
  corsOrigins: string[] | '*';
  sessionDays: number;
  /** How far a request's signature time may be from ours. */
  signatureSkewMs: number;
  bodyLimitBytes: number;
  loginRatePerMinute: number;
  writeRatePerMinute: number;
  /** Load the 上街区 demo data at start. */
  demoData: boolean;
  /** With the demo data, about four months of its past (cloud/demo/history.ts); on for `npm start`. */
  demoHistory: boolean;
  /** Subscribe-message templates, by our name for them: WeChat's id and its kind (cloud/notifications/templates.ts). */
  templates: Record<TemplateName, { id: string; kind: 'one-time' | 'long-term' }>;
  /** Where residents' browsers reach the host: printed under the 防走失 card's QR code. */
  publicUrl: string;
  /** How often the outbox worker looks for due messages; 0 = never (tests drive it). */
  outboxIntervalMs: number;
  /** Where uploaded photos and exports are kept when no S3 bucket is configured. */
  uploadDir: string;
  /** S3-compatible object storage (MinIO, Tencent COS, AWS); null = the local folder above. */
  s3: S3Config | null;
  /** How long a host holds an outbox message it took; past it, another host may take it. */
  outboxLeaseMs: number;
  /** How often scheduled jobs (auto-close, clean-ups) tick; 0 = never (tests drive them). */
  jobIntervalMs: number;
  /** Run migrations at start (the embedded default) or refuse a schema not current (production). */
  autoMigrate: boolean;
  /** Where rate-limit counters live: this process's memory, or the database all hosts share. */
  rateLimitStore: 'memory' | 'database';
  /** With the database store: how often a host writes the reads it counted (0 = every read at once). */
  rateLimitFlushMs: number;
  /** JSON log level (pino): info in production, warn in development. */
  logLevel: string;
  /** How long a shutdown waits for requests under way before closing anyway. */
  shutdownGraceMs: number;
  /** The H5 preview's build, served at `/` when it exists. */
  h5Dir: string;
  /** The admin console's build, served at `/console/` when it exists. */
  consoleDir: string;
  /** The service centre's screen page (大屏), served at `/screen/` when it exists. */
  screenDir: string;
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (Fastify's
   * trustProxy): false (the default) = the TCP peer is the client; true = any; a number =
   * that many hops; else the proxies' addresses or CIDRs.
   */
  trustProxy: boolean | number | string[];
  /**
   * The console's own origin (`https://console.example.gov.cn` or `http://host:3001`). When
   * set, the console is served only there and the H5 preview never there, so nothing served
   * to residents can read the console's session. In production the console is served only
   * when it is set.
   */
  consoleOrigin: string | undefined;
  /** A second port the host also listens on, for a console origin that is "own port". */
  consolePort: number | undefined;
  /** Photos above this many pixels are refused before decoding. */
  imageMaxPixels: number;
  /** How many photos are decoded and re-encoded at once; the others wait their turn. */
  imageDecodes: number;
}

export interface S3Config {
  /** Unset = AWS itself; MinIO/COS/s3rver give their URL. */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  /** Unset = the SDK's own chain (environment, instance role). */
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** MinIO and most self-hosted stores want path-style addressing. */
  forcePathStyle: boolean;
  /** Key prefix inside the bucket, e.g. `linli/`. */
  prefix: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = Env.parse(env);
  const production = e.NODE_ENV === 'production';
  const config: Config = {
    production,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    appId: e.LINLI_APP_ID,
    appKey: e.LINLI_APP_KEY,
    wechatApiBase: e.WECHAT_API_BASE,
    wechatAppId: e.WECHAT_APP_ID,
    wechatSecret: e.WECHAT_APP_SECRET,
    dataKey: e.LINLI_DATA_KEY,
    corsOrigins: e.LINLI_CORS_ORIGINS === '*' ? '*' : e.LINLI_CORS_ORIGINS.split(',').map((s) => s.trim()),
    sessionDays: e.LINLI_SESSION_DAYS,
    signatureSkewMs: 15 * 60_000,
    bodyLimitBytes: 1024 * 1024,
    loginRatePerMinute: e.LINLI_LOGIN_RATE_PER_MINUTE,
    writeRatePerMinute: e.LINLI_WRITE_RATE_PER_MINUTE,
    demoData: e.LINLI_DEMO_DATA ? e.LINLI_DEMO_DATA === '1' : !production,
    // Off by default in tests and benchmarks, whose counts start from the demo's present only.
    demoHistory: e.LINLI_DEMO_HISTORY ? e.LINLI_DEMO_HISTORY === '1' : e.NODE_ENV === 'development',
    templates: templatesFrom(e),
    publicUrl: e.LINLI_PUBLIC_URL.replace(/\/$/, ''),
    outboxIntervalMs: e.LINLI_OUTBOX_INTERVAL_MS,
    uploadDir: e.LINLI_UPLOAD_DIR,
    s3: e.LINLI_S3_BUCKET
      ? {
          endpoint: e.LINLI_S3_ENDPOINT,
          region: e.LINLI_S3_REGION,
          bucket: e.LINLI_S3_BUCKET,
          accessKeyId: e.LINLI_S3_ACCESS_KEY_ID,
          secretAccessKey: e.LINLI_S3_SECRET_ACCESS_KEY,
          forcePathStyle: e.LINLI_S3_FORCE_PATH_STYLE === '1',
          prefix: e.LINLI_S3_PREFIX,
        }
      : null,
    outboxLeaseMs: e.LINLI_OUTBOX_LEASE_MS,
    jobIntervalMs: e.LINLI_JOB_INTERVAL_MS,
    autoMigrate: e.LINLI_AUTO_MIGRATE ? e.LINLI_AUTO_MIGRATE === '1' : !production,
    // Several hosts share one PostgreSQL; the embedded SQLite is one host by nature.
    rateLimitStore: e.LINLI_RATE_LIMIT_STORE ?? (e.DATABASE_URL && /^postgres(ql)?:\/\//.test(e.DATABASE_URL) ? 'database' : 'memory'),
    rateLimitFlushMs: e.LINLI_RATE_LIMIT_FLUSH_MS,
    shutdownGraceMs: e.LINLI_SHUTDOWN_GRACE_MS,
    logLevel: e.LINLI_LOG_LEVEL ?? (production ? 'info' : 'warn'),
    h5Dir: e.LINLI_H5_DIR,
    consoleDir: e.LINLI_CONSOLE_DIR,
    screenDir: e.LINLI_SCREEN_DIR,
    trustProxy: parseTrustProxy(e.LINLI_TRUST_PROXY),
    consoleOrigin: e.LINLI_CONSOLE_ORIGIN ? new URL(e.LINLI_CONSOLE_ORIGIN).origin : undefined,
    consolePort: e.LINLI_CONSOLE_PORT,
    imageMaxPixels: e.LINLI_IMAGE_MAX_PIXELS,
    imageDecodes: e.LINLI_IMAGE_DECODES,
  };
  if (production) assertProductionReady(config);
  return config;
}

function templatesFrom(e: z.infer<typeof Env>): Config['templates'] {
  const ids: Record<TemplateName, string> = {
    eventResult: e.LINLI_TEMPLATE_EVENT_RESULT,
    eventReminder: e.LINLI_TEMPLATE_EVENT_REMINDER,
    eventChange: e.LINLI_TEMPLATE_EVENT_CHANGE,
    bookingResult: e.LINLI_TEMPLATE_BOOKING_RESULT,
    bookingReminder: e.LINLI_TEMPLATE_BOOKING_REMINDER,
    progress: e.LINLI_TEMPLATE_PROGRESS,
    reviewResult: e.LINLI_TEMPLATE_REVIEW_RESULT,
    elderAlert: e.LINLI_TEMPLATE_ELDER_ALERT,
  };
  const longTerm = e.LINLI_LONG_TERM_TEMPLATES.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = longTerm.filter((name) => !(TEMPLATE_NAMES as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`LINLI_LONG_TERM_TEMPLATES 中有未知模板：${unknown.join(', ')}（可用：${TEMPLATE_NAMES.join(', ')}）`);
  return Object.fromEntries(
    TEMPLATE_NAMES.map((name) => [name, { id: ids[name], kind: longTerm.includes(name) ? 'long-term' : 'one-time' }]),
  ) as Config['templates'];
}

/** LINLI_TRUST_PROXY: '' / 0 / false = off; true = any proxy; 1…n = hops; else addresses or CIDRs. */
export function parseTrustProxy(value: string): boolean | number | string[] {
  const v = value.trim();
  if (v === '' || v === '0' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

function assertProductionReady(c: Config): void {
  const problems: string[] = [];
  if (c.dataKey === DEV_DEFAULTS.dataKey) problems.push('LINLI_DATA_KEY (数据加密密钥) 未设置');
  if (c.appKey === DEV_DEFAULTS.appKey) problems.push('LINLI_APP_KEY 仍是开发默认值');
  if (c.wechatSecret === DEV_DEFAULTS.wechatSecret) problems.push('WECHAT_APP_SECRET 未设置');
  if (!c.publicUrl.startsWith('https://')) problems.push('LINLI_PUBLIC_URL 需为居民能访问的 https 地址（印在防走失卡上）');
  const placeholders = TEMPLATE_NAMES.filter((name) => c.templates[name].id.startsWith(PLACEHOLDER_TEMPLATE_PREFIX));
  if (placeholders.length) problems.push(`订阅消息模板编号仍是占位值：${placeholders.map((n) => `${n}（${TEMPLATE_TITLES[n]}）`).join('、')}`);
  if (!c.wechatApiBase) problems.push('WECHAT_API_BASE 未设置（正式环境为 https://api.weixin.qq.com）');
  if (problems.length) throw new Error(`生产环境拒绝启动：\n- ${problems.join('\n- ')}`);
}
