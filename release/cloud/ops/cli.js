"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// cloud/config.ts
var import_zod = require("zod");
var DEV_DEFAULTS = {
  appId: "linli-dev-app",
  appKey: "linli-dev-key",
  wechatAppId: "wx-dev-linli",
  wechatSecret: "dev-secret",
  // 32 zero-ish bytes: fine for a laptop, refused in production.
  dataKey: Buffer.from("linli-development-data-key-0000!").toString("base64")
};
var Env = import_zod.z.object({
  NODE_ENV: import_zod.z.string().default("development"),
  HOST: import_zod.z.string().default("127.0.0.1"),
  PORT: import_zod.z.coerce.number().int().min(0).max(65535).default(3e3),
  DATABASE_URL: import_zod.z.string().optional(),
  LINLI_APP_ID: import_zod.z.string().min(1).default(DEV_DEFAULTS.appId),
  LINLI_APP_KEY: import_zod.z.string().min(1).default(DEV_DEFAULTS.appKey),
  WECHAT_API_BASE: import_zod.z.string().url().optional(),
  WECHAT_APP_ID: import_zod.z.string().min(1).default(DEV_DEFAULTS.wechatAppId),
  WECHAT_APP_SECRET: import_zod.z.string().min(1).default(DEV_DEFAULTS.wechatSecret),
  LINLI_DATA_KEY: import_zod.z.string().min(1).default(DEV_DEFAULTS.dataKey),
  LINLI_CORS_ORIGINS: import_zod.z.string().default("*"),
  LINLI_SESSION_DAYS: import_zod.z.coerce.number().positive().default(30),
  LINLI_LOGIN_RATE_PER_MINUTE: import_zod.z.coerce.number().int().positive().default(20),
  LINLI_WRITE_RATE_PER_MINUTE: import_zod.z.coerce.number().int().positive().default(120),
  LINLI_DEMO_DATA: import_zod.z.enum(["0", "1"]).optional(),
  LINLI_TEMPLATE_EVENT_STATUS: import_zod.z.string().min(1).default("tpl-event-status"),
  LINLI_TEMPLATE_EVENT_REMINDER: import_zod.z.string().min(1).default("tpl-event-reminder"),
  LINLI_TEMPLATE_PROGRESS: import_zod.z.string().min(1).default("tpl-progress"),
  LINLI_OUTBOX_INTERVAL_MS: import_zod.z.coerce.number().int().min(0).default(15e3),
  LINLI_UPLOAD_DIR: import_zod.z.string().default(".data/uploads"),
  // Longer than one send can take (10 s WeChat timeout) with room for a few: see worker.ts.
  LINLI_OUTBOX_LEASE_MS: import_zod.z.coerce.number().int().min(15e3).default(6e4),
  LINLI_JOB_INTERVAL_MS: import_zod.z.coerce.number().int().min(0).default(6e4),
  LINLI_AUTO_MIGRATE: import_zod.z.enum(["0", "1"]).optional(),
  LINLI_RATE_LIMIT_STORE: import_zod.z.enum(["memory", "database"]).optional(),
  LINLI_S3_ENDPOINT: import_zod.z.string().url().optional(),
  LINLI_S3_REGION: import_zod.z.string().min(1).default("us-east-1"),
  LINLI_S3_BUCKET: import_zod.z.string().min(1).optional(),
  LINLI_S3_ACCESS_KEY_ID: import_zod.z.string().min(1).optional(),
  LINLI_S3_SECRET_ACCESS_KEY: import_zod.z.string().min(1).optional(),
  LINLI_S3_FORCE_PATH_STYLE: import_zod.z.enum(["0", "1"]).default("1"),
  LINLI_S3_PREFIX: import_zod.z.string().default(""),
  LINLI_LOG_LEVEL: import_zod.z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).optional(),
  LINLI_SHUTDOWN_GRACE_MS: import_zod.z.coerce.number().int().min(0).default(1e4),
  LINLI_H5_DIR: import_zod.z.string().default("dist-h5"),
  LINLI_CONSOLE_DIR: import_zod.z.string().default("cloud/console/dist")
});
function loadConfig(env = process.env) {
  const e = Env.parse(env);
  const production = e.NODE_ENV === "production";
  const config = {
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
    corsOrigins: e.LINLI_CORS_ORIGINS === "*" ? "*" : e.LINLI_CORS_ORIGINS.split(",").map((s) => s.trim()),
    sessionDays: e.LINLI_SESSION_DAYS,
    signatureSkewMs: 15 * 6e4,
    bodyLimitBytes: 1024 * 1024,
    loginRatePerMinute: e.LINLI_LOGIN_RATE_PER_MINUTE,
    writeRatePerMinute: e.LINLI_WRITE_RATE_PER_MINUTE,
    demoData: e.LINLI_DEMO_DATA ? e.LINLI_DEMO_DATA === "1" : !production,
    templateIds: {
      eventStatus: e.LINLI_TEMPLATE_EVENT_STATUS,
      eventReminder: e.LINLI_TEMPLATE_EVENT_REMINDER,
      progress: e.LINLI_TEMPLATE_PROGRESS
    },
    outboxIntervalMs: e.LINLI_OUTBOX_INTERVAL_MS,
    uploadDir: e.LINLI_UPLOAD_DIR,
    s3: e.LINLI_S3_BUCKET ? {
      endpoint: e.LINLI_S3_ENDPOINT,
      region: e.LINLI_S3_REGION,
      bucket: e.LINLI_S3_BUCKET,
      accessKeyId: e.LINLI_S3_ACCESS_KEY_ID,
      secretAccessKey: e.LINLI_S3_SECRET_ACCESS_KEY,
      forcePathStyle: e.LINLI_S3_FORCE_PATH_STYLE === "1",
      prefix: e.LINLI_S3_PREFIX
    } : null,
    outboxLeaseMs: e.LINLI_OUTBOX_LEASE_MS,
    jobIntervalMs: e.LINLI_JOB_INTERVAL_MS,
    autoMigrate: e.LINLI_AUTO_MIGRATE ? e.LINLI_AUTO_MIGRATE === "1" : !production,
    // Several hosts share one PostgreSQL; the embedded SQLite is one host by nature.
    rateLimitStore: e.LINLI_RATE_LIMIT_STORE ?? (e.DATABASE_URL && /^postgres(ql)?:\/\//.test(e.DATABASE_URL) ? "database" : "memory"),
    shutdownGraceMs: e.LINLI_SHUTDOWN_GRACE_MS,
    logLevel: e.LINLI_LOG_LEVEL ?? (production ? "info" : "warn"),
    h5Dir: e.LINLI_H5_DIR,
    consoleDir: e.LINLI_CONSOLE_DIR
  };
  if (production) assertProductionReady(config);
  return config;
}
function assertProductionReady(c) {
  const problems = [];
  if (c.dataKey === DEV_DEFAULTS.dataKey) problems.push("LINLI_DATA_KEY (\u6570\u636E\u52A0\u5BC6\u5BC6\u94A5) \u672A\u8BBE\u7F6E");
  if (c.appKey === DEV_DEFAULTS.appKey) problems.push("LINLI_APP_KEY \u4ECD\u662F\u5F00\u53D1\u9ED8\u8BA4\u503C");
  if (c.wechatSecret === DEV_DEFAULTS.wechatSecret) problems.push("WECHAT_APP_SECRET \u672A\u8BBE\u7F6E");
  if (!c.wechatApiBase) problems.push("WECHAT_API_BASE \u672A\u8BBE\u7F6E\uFF08\u6B63\u5F0F\u73AF\u5883\u4E3A https://api.weixin.qq.com\uFF09");
  if (problems.length) throw new Error(`\u751F\u4EA7\u73AF\u5883\u62D2\u7EDD\u542F\u52A8\uFF1A
- ${problems.join("\n- ")}`);
}

// cloud/storage/dialect.ts
var import_node_fs = __toESM(require("node:fs"));
var import_node_path = __toESM(require("node:path"));
var import_better_sqlite3 = __toESM(require("better-sqlite3"));
var import_kysely = require("kysely");
var import_pg = __toESM(require("pg"));
var DEFAULT_SQLITE_FILE = ".data/linli.sqlite";
function openDatabase(url, options = {}) {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    import_pg.default.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    const pool = new import_pg.default.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    pool.on("error", () => {
    });
    const db2 = new import_kysely.Kysely({ dialect: new import_kysely.PostgresDialect({ pool }) });
    return {
      db: db2,
      kind: "postgres",
      description: url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@"),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => db2.destroy()
    };
  }
  const file = url ? url.replace(/^(sqlite|file):(\/\/)?/, "") : DEFAULT_SQLITE_FILE;
  if (file !== ":memory:") import_node_fs.default.mkdirSync(import_node_path.default.dirname(import_node_path.default.resolve(file)), { recursive: true });
  const sqlite = new import_better_sqlite3.default(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new import_kysely.Kysely({ dialect: new import_kysely.SqliteDialect({ database: sqlite }) });
  return { db, kind: "sqlite", description: import_node_path.default.resolve(file), poolStats: () => ({ total: 1, idle: 1, waiting: 0 }), close: () => db.destroy() };
}

// cloud/storage/migrate.ts
var import_kysely4 = require("kysely");

// cloud/storage/migrations/001-foundation.ts
var foundation_exports = {};
__export(foundation_exports, {
  down: () => down,
  up: () => up
});
async function up(db) {
  await db.schema.createTable("regions").addColumn("id", "text", (c) => c.primaryKey()).addColumn("parent_id", "text", (c) => c.references("regions.id")).addColumn("level", "text", (c) => c.notNull()).addColumn("name", "text", (c) => c.notNull()).addColumn("kind", "text", (c) => c.notNull()).addColumn("sort", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex("regions_parent").on("regions").column("parent_id").execute();
  await db.schema.createTable("users").addColumn("id", "text", (c) => c.primaryKey()).addColumn("openid", "text", (c) => c.unique()).addColumn("username", "text", (c) => c.unique()).addColumn("password_hash", "text").addColumn("nickname", "text", (c) => c.notNull()).addColumn("avatar_url", "text").addColumn("home_community_id", "text", (c) => c.references("regions.id")).addColumn("phone_enc", "text").addColumn("phone_index", "text").addColumn("failed_logins", "integer", (c) => c.notNull().defaultTo(0)).addColumn("locked_until", "text").addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).addColumn("deleted_at", "text").execute();
  await db.schema.createIndex("users_phone_index").on("users").column("phone_index").execute();
  await db.schema.createTable("sessions").addColumn("token_hash", "text", (c) => c.primaryKey()).addColumn("user_id", "text", (c) => c.notNull().references("users.id")).addColumn("created_at", "text", (c) => c.notNull()).addColumn("expires_at", "text", (c) => c.notNull()).addColumn("revoked_at", "text").execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
  await db.schema.createTable("role_grants").addColumn("user_id", "text", (c) => c.notNull().references("users.id")).addColumn("role", "text", (c) => c.notNull()).addColumn("scope_id", "text", (c) => c.notNull().references("regions.id")).addColumn("granted_by", "text").addColumn("granted_at", "text", (c) => c.notNull()).addPrimaryKeyConstraint("role_grants_pk", ["user_id", "role", "scope_id"]).execute();
  await db.schema.createIndex("role_grants_scope").on("role_grants").column("scope_id").execute();
}
async function down(db) {
  for (const t of ["role_grants", "sessions", "users", "regions"]) await db.schema.dropTable(t).execute();
}

// cloud/storage/migrations/002-articles.ts
var articles_exports = {};
__export(articles_exports, {
  down: () => down2,
  up: () => up2
});
async function up2(db) {
  await db.schema.createTable("articles").addColumn("id", "text", (c) => c.primaryKey()).addColumn("scope_id", "text", (c) => c.notNull().references("regions.id")).addColumn("category", "text", (c) => c.notNull()).addColumn("title", "text", (c) => c.notNull()).addColumn("summary", "text", (c) => c.notNull()).addColumn("cover_url", "text").addColumn("body_html", "text", (c) => c.notNull()).addColumn("reporters", "text", (c) => c.notNull()).addColumn("correspondents", "text", (c) => c.notNull()).addColumn("pinned", "integer", (c) => c.notNull().defaultTo(0)).addColumn("pledge_prompt", "text").addColumn("status", "text", (c) => c.notNull()).addColumn("publish_at", "text").addColumn("created_by", "text", (c) => c.references("users.id")).addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("articles_feed").on("articles").columns(["status", "pinned", "publish_at", "id"]).execute();
  await db.schema.createIndex("articles_scope").on("articles").column("scope_id").execute();
  await db.schema.createTable("article_pledges").addColumn("article_id", "text", (c) => c.notNull().references("articles.id")).addColumn("user_id", "text", (c) => c.notNull().references("users.id")).addColumn("created_at", "text", (c) => c.notNull()).addPrimaryKeyConstraint("article_pledges_pk", ["article_id", "user_id"]).execute();
  await db.schema.createTable("share_visits").addColumn("id", "text", (c) => c.primaryKey()).addColumn("target_kind", "text", (c) => c.notNull()).addColumn("target_id", "text", (c) => c.notNull()).addColumn("sharer_id", "text", (c) => c.notNull().references("users.id")).addColumn("visitor_id", "text", (c) => c.references("users.id")).addColumn("visited_at", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("share_visits_sharer").on("share_visits").columns(["sharer_id", "target_kind", "target_id"]).execute();
}
async function down2(db) {
  for (const t of ["share_visits", "article_pledges", "articles"]) await db.schema.dropTable(t).execute();
}

// cloud/storage/migrations/003-events.ts
var events_exports = {};
__export(events_exports, {
  down: () => down3,
  up: () => up3
});
var import_kysely2 = require("kysely");
async function up3(db) {
  await db.schema.createTable("events").addColumn("id", "text", (c) => c.primaryKey()).addColumn("scope_id", "text", (c) => c.notNull().references("regions.id")).addColumn("category", "text", (c) => c.notNull()).addColumn("title", "text", (c) => c.notNull()).addColumn("description", "text", (c) => c.notNull()).addColumn("organizer", "text", (c) => c.notNull()).addColumn("partners", "text", (c) => c.notNull()).addColumn("venue", "text", (c) => c.notNull()).addColumn("starts_at", "text", (c) => c.notNull()).addColumn("ends_at", "text", (c) => c.notNull()).addColumn("signup_opens_at", "text", (c) => c.notNull()).addColumn("signup_closes_at", "text", (c) => c.notNull()).addColumn("cancel_cutoff_at", "text", (c) => c.notNull()).addColumn("requires_signup", "integer", (c) => c.notNull()).addColumn("capacity", "integer", (c) => c.notNull()).addColumn("confirmed_count", "integer", (c) => c.notNull().defaultTo(0)).addColumn("waitlist_seq", "integer", (c) => c.notNull().defaultTo(0)).addColumn("state", "text", (c) => c.notNull()).addColumn("cancel_reason", "text").addColumn("attendance", "integer").addColumn("residents_served", "integer").addColumn("created_by", "text", (c) => c.references("users.id")).addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).addCheckConstraint("events_capacity", import_kysely2.sql`capacity = 0 OR confirmed_count <= capacity`).addCheckConstraint("events_confirmed_nonnegative", import_kysely2.sql`confirmed_count >= 0`).execute();
  await db.schema.createIndex("events_feed").on("events").columns(["state", "starts_at"]).execute();
  await db.schema.createTable("event_registrations").addColumn("id", "text", (c) => c.primaryKey()).addColumn("event_id", "text", (c) => c.notNull().references("events.id")).addColumn("user_id", "text", (c) => c.notNull().references("users.id")).addColumn("status", "text", (c) => c.notNull()).addColumn("waitlist_no", "integer").addColumn("checkin_code", "text", (c) => c.notNull().unique()).addColumn("checked_in_at", "text").addColumn("checked_in_by", "text", (c) => c.references("users.id")).addColumn("shared_by", "text", (c) => c.references("users.id")).addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).addUniqueConstraint("event_registrations_one_per_resident", ["event_id", "user_id"]).execute();
  await db.schema.createIndex("event_registrations_queue").on("event_registrations").columns(["event_id", "status", "waitlist_no"]).execute();
  await db.schema.createIndex("event_registrations_user").on("event_registrations").column("user_id").execute();
  await db.schema.createTable("outbox").addColumn("id", "text", (c) => c.primaryKey()).addColumn("dedupe_key", "text", (c) => c.notNull().unique()).addColumn("user_id", "text", (c) => c.notNull().references("users.id")).addColumn("template", "text", (c) => c.notNull()).addColumn("page", "text").addColumn("data", "text", (c) => c.notNull()).addColumn("status", "text", (c) => c.notNull()).addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0)).addColumn("not_before", "text", (c) => c.notNull()).addColumn("last_error", "text").addColumn("created_at", "text", (c) => c.notNull()).addColumn("sent_at", "text").execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "not_before"]).execute();
}
async function down3(db) {
  for (const t of ["outbox", "event_registrations", "events"]) await db.schema.dropTable(t).execute();
}

// cloud/storage/migrations/004-bookings.ts
var bookings_exports = {};
__export(bookings_exports, {
  down: () => down4,
  up: () => up4
});
async function up4(db) {
  await db.schema.createTable("service_centers").addColumn("id", "text", (c) => c.primaryKey()).addColumn("community_id", "text", (c) => c.notNull().references("regions.id")).addColumn("name", "text", (c) => c.notNull()).addColumn("address", "text", (c) => c.notNull()).addColumn("area_m2", "integer").addColumn("phone", "text").addColumn("opened_on", "text").execute();
  await db.schema.createTable("resources").addColumn("id", "text", (c) => c.primaryKey()).addColumn("center_id", "text", (c) => c.notNull().references("service_centers.id")).addColumn("kind", "text", (c) => c.notNull()).addColumn("name", "text", (c) => c.notNull()).addColumn("description", "text", (c) => c.notNull()).addColumn("capacity", "integer", (c) => c.notNull()).addColumn("hours", "text", (c) => c.notNull()).addColumn("slot_minutes", "integer", (c) => c.notNull()).addColumn("window_size", "integer", (c) => c.notNull()).addColumn("days_ahead", "integer", (c) => c.notNull()).addColumn("min_notice_minutes", "integer", (c) => c.notNull()).addColumn("cancel_cutoff_minutes", "integer", (c) => c.notNull()).addColumn("weekly_quota", "integer", (c) => c.notNull()).addColumn("requires_approval", "integer", (c) => c.notNull()).addColumn("documents", "text", (c) => c.notNull()).addColumn("active", "integer", (c) => c.notNull()).addColumn("sort", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex("resources_center").on("resources").column("center_id").execute();
  await db.schema.createTable("closed_dates").addColumn("resource_id", "text", (c) => c.notNull().references("resources.id")).addColumn("date", "text", (c) => c.notNull()).addColumn("reason", "text", (c) => c.notNull()).addPrimaryKeyConstraint("closed_dates_pk", ["resource_id", "date"]).execute();
  await db.schema.createTable("bookings").addColumn("id", "text", (c) => c.primaryKey()).addColumn("resource_id", "text", (c) => c.notNull().references("resources.id")).addColumn("user_id", "text", (c) => c.notNull().references("users.id")).addColumn("slot_start", "text", (c) => c.notNull()).addColumn("slot_end", "text", (c) => c.notNull()).addColumn("status", "text", (c) => c.notNull()).addColumn("step", "text").addColumn("purpose", "text", (c) => c.notNull()).addColumn("party_size", "integer", (c) => c.notNull()).addColumn("reject_reason", "text").addColumn("missing_materials", "text", (c) => c.notNull()).addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("bookings_user").on("bookings").columns(["user_id", "slot_start"]).execute();
  await db.schema.createIndex("bookings_resource").on("bookings").columns(["resource_id", "slot_start"]).execute();
  await db.schema.createTable("slot_holds").addColumn("resource_id", "text", (c) => c.notNull().references("resources.id")).addColumn("slot_start", "text", (c) => c.notNull()).addColumn("seat", "integer", (c) => c.notNull()).addColumn("booking_id", "text", (c) => c.notNull().unique().references("bookings.id")).addPrimaryKeyConstraint("slot_holds_pk", ["resource_id", "slot_start", "seat"]).execute();
  await db.schema.createTable("booking_steps").addColumn("id", "text", (c) => c.primaryKey()).addColumn("booking_id", "text", (c) => c.notNull().references("bookings.id")).addColumn("seq", "integer", (c) => c.notNull()).addColumn("step", "text", (c) => c.notNull()).addColumn("note", "text").addColumn("by_user_id", "text", (c) => c.references("users.id")).addColumn("at", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("booking_steps_booking").on("booking_steps").columns(["booking_id", "seq"]).execute();
  await db.schema.createTable("booking_suspensions").addColumn("user_id", "text", (c) => c.primaryKey().references("users.id")).addColumn("until", "text", (c) => c.notNull()).addColumn("reason", "text", (c) => c.notNull()).execute();
}
async function down4(db) {
  for (const t of ["booking_suspensions", "booking_steps", "slot_holds", "bookings", "closed_dates", "resources", "service_centers"]) {
    await db.schema.dropTable(t).execute();
  }
}

// cloud/storage/migrations/005-petitions.ts
var petitions_exports = {};
__export(petitions_exports, {
  down: () => down5,
  up: () => up5
});
async function up5(db) {
  await db.schema.createTable("files").addColumn("id", "text", (c) => c.primaryKey()).addColumn("owner_id", "text", (c) => c.notNull().references("users.id")).addColumn("mime", "text", (c) => c.notNull()).addColumn("size", "integer", (c) => c.notNull()).addColumn("sha256", "text", (c) => c.notNull()).addColumn("path", "text", (c) => c.notNull()).addColumn("attached_kind", "text").addColumn("attached_id", "text").addColumn("created_at", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("files_attached").on("files").columns(["attached_kind", "attached_id"]).execute();
  await db.schema.createTable("petitions").addColumn("id", "text", (c) => c.primaryKey()).addColumn("kind", "text", (c) => c.notNull()).addColumn("category", "text", (c) => c.notNull()).addColumn("title", "text", (c) => c.notNull()).addColumn("description", "text", (c) => c.notNull()).addColumn("community_id", "text", (c) => c.notNull().references("regions.id")).addColumn("submitter_id", "text", (c) => c.references("users.id")).addColumn("on_behalf_name", "text").addColumn("filed_by", "text", (c) => c.references("users.id")).addColumn("phone_enc", "text", (c) => c.notNull()).addColumn("phone_index", "text", (c) => c.notNull()).addColumn("id_number_enc", "text").addColumn("anonymous", "integer", (c) => c.notNull()).addColumn("location", "text").addColumn("status", "text", (c) => c.notNull()).addColumn("agent_id", "text", (c) => c.references("users.id")).addColumn("accept_due_at", "text", (c) => c.notNull()).addColumn("accepted_at", "text").addColumn("resolve_due_at", "text").addColumn("resolved_at", "text").addColumn("resolution", "text").addColumn("reopened", "integer", (c) => c.notNull().defaultTo(0)).addColumn("rating", "integer").addColumn("rating_comment", "text").addColumn("closed_at", "text").addColumn("transferred_to", "text").addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("petitions_community").on("petitions").columns(["community_id", "status"]).execute();
  await db.schema.createIndex("petitions_submitter").on("petitions").column("submitter_id").execute();
  await db.schema.createIndex("petitions_phone").on("petitions").column("phone_index").execute();
  await db.schema.createTable("petition_events").addColumn("id", "text", (c) => c.primaryKey()).addColumn("petition_id", "text", (c) => c.notNull().references("petitions.id")).addColumn("seq", "integer", (c) => c.notNull()).addColumn("action", "text", (c) => c.notNull()).addColumn("from_status", "text").addColumn("to_status", "text", (c) => c.notNull()).addColumn("note", "text").addColumn("by_user_id", "text", (c) => c.references("users.id")).addColumn("at", "text", (c) => c.notNull()).addUniqueConstraint("petition_events_order", ["petition_id", "seq"]).execute();
  await db.schema.createTable("duty_roster").addColumn("community_id", "text", (c) => c.notNull().references("regions.id")).addColumn("weekday", "text", (c) => c.notNull()).addColumn("agent_id", "text", (c) => c.notNull().references("users.id")).addPrimaryKeyConstraint("duty_roster_pk", ["community_id", "weekday"]).execute();
  await db.schema.createTable("audit_log").addColumn("id", "text", (c) => c.primaryKey()).addColumn("actor_id", "text", (c) => c.references("users.id")).addColumn("action", "text", (c) => c.notNull()).addColumn("target_kind", "text", (c) => c.notNull()).addColumn("target_id", "text").addColumn("scope_id", "text").addColumn("outcome", "text", (c) => c.notNull()).addColumn("detail", "text").addColumn("at", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();
}
async function down5(db) {
  for (const t of ["audit_log", "duty_roster", "petition_events", "petitions", "files"]) await db.schema.dropTable(t).execute();
}

// cloud/storage/migrations/006-honors.ts
var honors_exports = {};
__export(honors_exports, {
  down: () => down6,
  up: () => up6
});
async function up6(db) {
  await db.schema.createTable("honor_lists").addColumn("id", "text", (c) => c.primaryKey()).addColumn("year", "integer", (c) => c.notNull()).addColumn("scope_id", "text", (c) => c.notNull().references("regions.id")).addColumn("title", "text", (c) => c.notNull()).addColumn("categories", "text", (c) => c.notNull()).addColumn("published", "integer", (c) => c.notNull()).addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).execute();
  await db.schema.createTable("honor_entries").addColumn("id", "text", (c) => c.primaryKey()).addColumn("list_id", "text", (c) => c.notNull().references("honor_lists.id")).addColumn("name", "text", (c) => c.notNull()).addColumn("category", "text", (c) => c.notNull()).addColumn("community_id", "text", (c) => c.notNull().references("regions.id")).addColumn("photo_file_id", "text", (c) => c.references("files.id")).addColumn("story_html", "text", (c) => c.notNull()).addColumn("sort", "integer", (c) => c.notNull()).addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("honor_entries_list").on("honor_entries").columns(["list_id", "category", "sort"]).execute();
  await db.schema.createTable("honor_likes").addColumn("entry_id", "text", (c) => c.notNull().references("honor_entries.id")).addColumn("user_id", "text", (c) => c.notNull().references("users.id")).addColumn("created_at", "text", (c) => c.notNull()).addPrimaryKeyConstraint("honor_likes_pk", ["entry_id", "user_id"]).execute();
  await db.schema.createTable("nominations").addColumn("id", "text", (c) => c.primaryKey()).addColumn("nominator_id", "text", (c) => c.references("users.id")).addColumn("year", "integer", (c) => c.notNull()).addColumn("community_id", "text", (c) => c.notNull().references("regions.id")).addColumn("nominee_name", "text", (c) => c.notNull()).addColumn("category", "text", (c) => c.notNull()).addColumn("reason", "text", (c) => c.notNull()).addColumn("status", "text", (c) => c.notNull()).addColumn("decline_reason", "text").addColumn("entry_id", "text", (c) => c.references("honor_entries.id")).addColumn("reviewed_by", "text", (c) => c.references("users.id")).addColumn("reviewed_at", "text").addColumn("created_at", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("nominations_community").on("nominations").columns(["community_id", "status"]).execute();
  await db.schema.createTable("thanks_posts").addColumn("id", "text", (c) => c.primaryKey()).addColumn("author_id", "text", (c) => c.references("users.id")).addColumn("target_kind", "text", (c) => c.notNull()).addColumn("target_user_id", "text", (c) => c.references("users.id")).addColumn("target_name", "text", (c) => c.notNull()).addColumn("community_id", "text", (c) => c.notNull().references("regions.id")).addColumn("text", "text", (c) => c.notNull()).addColumn("photo_file_id", "text", (c) => c.references("files.id")).addColumn("status", "text", (c) => c.notNull()).addColumn("reject_reason", "text").addColumn("reviewed_by", "text", (c) => c.references("users.id")).addColumn("reviewed_at", "text").addColumn("created_at", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("thanks_posts_wall").on("thanks_posts").columns(["status", "created_at"]).execute();
  await db.schema.createTable("thanks_reports").addColumn("post_id", "text", (c) => c.notNull().references("thanks_posts.id")).addColumn("user_id", "text", (c) => c.notNull().references("users.id")).addColumn("reason", "text", (c) => c.notNull()).addColumn("created_at", "text", (c) => c.notNull()).addPrimaryKeyConstraint("thanks_reports_pk", ["post_id", "user_id"]).execute();
}
async function down6(db) {
  for (const t of ["thanks_reports", "thanks_posts", "nominations", "honor_likes", "honor_entries", "honor_lists"]) await db.schema.dropTable(t).execute();
}

// cloud/storage/migrations/007-share-visit-once.ts
var share_visit_once_exports = {};
__export(share_visit_once_exports, {
  down: () => down7,
  up: () => up7
});
var import_kysely3 = require("kysely");
async function up7(db) {
  await import_kysely3.sql`DELETE FROM share_visits WHERE visitor_id IS NOT NULL AND id NOT IN (
    SELECT MIN(id) FROM share_visits WHERE visitor_id IS NOT NULL GROUP BY target_kind, target_id, sharer_id, visitor_id
  )`.execute(db);
  await db.schema.createIndex("share_visits_once").unique().on("share_visits").columns(["target_kind", "target_id", "sharer_id", "visitor_id"]).execute();
}
async function down7(db) {
  await db.schema.dropIndex("share_visits_once").execute();
}

// cloud/storage/migrations/011-production.ts
var production_exports = {};
__export(production_exports, {
  down: () => down8,
  up: () => up8
});
async function up8(db) {
  await db.schema.alterTable("outbox").addColumn("lease_until", "text").execute();
  await db.schema.alterTable("outbox").addColumn("claimed_by", "text").execute();
  await db.schema.createIndex("outbox_sending_lease").on("outbox").columns(["status", "lease_until"]).execute();
  await db.schema.alterTable("files").addColumn("download_name", "text").execute();
  await db.schema.createTable("rate_limits").addColumn("key", "text", (c) => c.primaryKey()).addColumn("hits", "integer", (c) => c.notNull()).addColumn("reset_at", "bigint", (c) => c.notNull()).execute();
  await db.schema.createIndex("rate_limits_reset").on("rate_limits").column("reset_at").execute();
  await db.schema.createTable("job_runs").addColumn("name", "text", (c) => c.primaryKey()).addColumn("tick", "bigint", (c) => c.notNull()).addColumn("ran_at", "text", (c) => c.notNull()).addColumn("ran_by", "text", (c) => c.notNull()).execute();
}
async function down8(db) {
  await db.schema.dropTable("job_runs").execute();
  await db.schema.dropTable("rate_limits").execute();
  await db.schema.alterTable("files").dropColumn("download_name").execute();
  await db.schema.dropIndex("outbox_sending_lease").execute();
  await db.schema.alterTable("outbox").dropColumn("claimed_by").execute();
  await db.schema.alterTable("outbox").dropColumn("lease_until").execute();
}

// cloud/storage/migrate.ts
var MIGRATIONS = {
  "001-foundation": foundation_exports,
  "002-articles": articles_exports,
  "003-events": events_exports,
  "004-bookings": bookings_exports,
  "005-petitions": petitions_exports,
  "006-honors": honors_exports,
  "007-share-visit-once": share_visit_once_exports,
  "011-production": production_exports
};
var provider = { getMigrations: async () => MIGRATIONS };
async function migrateToLatest(db) {
  const { error, results } = await new import_kysely4.Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}
async function schemaState(db) {
  const applied = new Set((await new import_kysely4.Migrator({ db, provider }).getMigrations()).filter((m) => m.executedAt).map((m) => m.name));
  const known = Object.keys(MIGRATIONS);
  const unknown = await appliedNames(db);
  return {
    pending: known.filter((name) => !applied.has(name)),
    unknown: unknown.filter((name) => !(name in MIGRATIONS))
  };
}
async function appliedNames(db) {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === "kysely_migration")) return [];
  const rows = await db.selectFrom("kysely_migration").select("name").execute();
  return rows.map((r) => r.name);
}

// cloud/ops/backup.ts
var import_node_crypto = __toESM(require("node:crypto"));
var import_node_fs4 = __toESM(require("node:fs"));
var import_node_os = __toESM(require("node:os"));
var import_node_path4 = __toESM(require("node:path"));
var tar = __toESM(require("tar"));

// cloud/files/object-store.ts
var import_node_fs2 = __toESM(require("node:fs"));
var import_promises = __toESM(require("node:fs/promises"));
var import_node_path2 = __toESM(require("node:path"));
var import_client_s3 = require("@aws-sdk/client-s3");
var ObjectNotFound = class extends Error {
  constructor(key) {
    super(`no stored object ${key}`);
    this.key = key;
  }
  key;
};
function openObjectStore(config) {
  return config.s3 ? s3Store(config.s3) : localStore(config.uploadDir);
}
function checkKey(key) {
  if (!key || key.startsWith("/") || key.includes("\\") || key.split("/").some((part) => part === ".." || part === "." || part === "")) {
    throw new Error(`bad object key: ${key}`);
  }
  return key;
}
function localStore(dir) {
  const root = import_node_path2.default.resolve(dir);
  const fileOf = (key) => import_node_path2.default.join(root, checkKey(key));
  return {
    kind: "local",
    description: root,
    async put(key, body) {
      const file = fileOf(key);
      await import_promises.default.mkdir(import_node_path2.default.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await import_promises.default.writeFile(temp, body);
      await import_promises.default.rename(temp, file);
    },
    async get(key) {
      const file = fileOf(key);
      const stat = await import_promises.default.stat(file).catch((error) => {
        throw error.code === "ENOENT" ? new ObjectNotFound(key) : error;
      });
      return { body: import_node_fs2.default.createReadStream(file), size: stat.size };
    },
    async getBytes(key) {
      return import_promises.default.readFile(fileOf(key)).catch((error) => {
        throw error.code === "ENOENT" ? new ObjectNotFound(key) : error;
      });
    },
    async delete(key) {
      await import_promises.default.rm(fileOf(key), { force: true });
    },
    async *list(prefix = "") {
      const walk = async function* (dir2) {
        const entries = await import_promises.default.readdir(dir2, { withFileTypes: true }).catch(() => []);
        for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
          const full = import_node_path2.default.join(dir2, entry.name);
          if (entry.isDirectory()) yield* walk(full);
          else if (entry.isFile() && !entry.name.endsWith(".tmp")) yield import_node_path2.default.relative(root, full).split(import_node_path2.default.sep).join("/");
        }
      };
      for await (const key of walk(root)) if (key.startsWith(prefix)) yield key;
    },
    async check() {
      await import_promises.default.mkdir(root, { recursive: true });
      await import_promises.default.access(root, import_node_fs2.default.constants.W_OK);
    },
    close() {
    }
  };
}
function s3Store(s3) {
  const client = new import_client_s3.S3Client({
    region: s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: s3.forcePathStyle,
    credentials: s3.accessKeyId && s3.secretAccessKey ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } : void 0,
    // MinIO, COS and older gateways do not all take the SDK's newer default checksums.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 3
  });
  const Bucket = s3.bucket;
  const keyOf = (key) => s3.prefix + checkKey(key);
  const notFound = (key) => (error) => {
    if (error instanceof import_client_s3.S3ServiceException && (error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404)) throw new ObjectNotFound(key);
    throw error;
  };
  const get = async (key) => {
    const reply = await client.send(new import_client_s3.GetObjectCommand({ Bucket, Key: keyOf(key) })).catch(notFound(key));
    if (!reply.Body) throw new ObjectNotFound(key);
    return { body: reply.Body, size: reply.ContentLength ?? 0 };
  };
  return {
    kind: "s3",
    description: `s3 ${s3.endpoint ?? "aws"} bucket ${Bucket}${s3.prefix ? ` prefix ${s3.prefix}` : ""}`,
    async put(key, body, contentType) {
      await client.send(new import_client_s3.PutObjectCommand({ Bucket, Key: keyOf(key), Body: body, ContentType: contentType, ContentLength: body.length }));
    },
    get,
    async getBytes(key) {
      const { body } = await get(key);
      const chunks = [];
      for await (const chunk of body) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks);
    },
    async delete(key) {
      await client.send(new import_client_s3.DeleteObjectCommand({ Bucket, Key: keyOf(key) }));
    },
    async *list(prefix = "") {
      let ContinuationToken;
      do {
        const page = await client.send(new import_client_s3.ListObjectsV2Command({ Bucket, Prefix: s3.prefix + prefix, ContinuationToken }));
        for (const object of page.Contents ?? []) if (object.Key) yield object.Key.slice(s3.prefix.length);
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : void 0;
      } while (ContinuationToken);
    },
    async check() {
      await client.send(new import_client_s3.HeadBucketCommand({ Bucket }));
    },
    close() {
      client.destroy();
    }
  };
}

// cloud/ops/backup.storage.ts
var import_node_child_process = require("node:child_process");
var import_node_fs3 = __toESM(require("node:fs"));
var import_node_path3 = __toESM(require("node:path"));
var import_node_util = require("node:util");
var import_better_sqlite32 = __toESM(require("better-sqlite3"));
var import_kysely5 = require("kysely");
var run = (0, import_node_util.promisify)(import_node_child_process.execFile);
function pgTool(name) {
  const dirs = [process.env.LINLI_PG_BIN, ...import_node_fs3.default.readdirSync("/usr/lib/postgresql", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `/usr/lib/postgresql/${d.name}/bin`).sort().reverse()].filter(Boolean);
  for (const dir of dirs) if (import_node_fs3.default.existsSync(import_node_path3.default.join(dir, name))) return import_node_path3.default.join(dir, name);
  return name;
}
async function backupSqlite(file, to) {
  const source = new import_better_sqlite32.default(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
}
async function backupPostgres(url, to) {
  await run(pgTool("pg_dump"), ["-Fc", "--no-owner", "--no-privileges", "-f", to, url], { maxBuffer: 64 * 1024 * 1024 });
}
async function restoreSqlite(from, file) {
  if (import_node_fs3.default.existsSync(file) && import_node_fs3.default.statSync(file).size > 0) throw new Error(`\u6062\u590D\u76EE\u6807\u5DF2\u5B58\u5728\uFF1A${file}\uFF08\u8BF7\u6062\u590D\u5230\u4E00\u4E2A\u65B0\u7684\u7A7A\u6570\u636E\u5E93\uFF09`);
  import_node_fs3.default.mkdirSync(import_node_path3.default.dirname(import_node_path3.default.resolve(file)), { recursive: true });
  const source = new import_better_sqlite32.default(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(file);
  } finally {
    source.close();
  }
}
async function restorePostgres(from, url) {
  await run(pgTool("pg_restore"), ["--no-owner", "--no-privileges", "--exit-on-error", "-d", url, from], { maxBuffer: 64 * 1024 * 1024 });
}
async function rowCounts(db) {
  const tables = (await db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name).sort();
  const counts = {};
  for (const table of tables) {
    const { rows } = await import_kysely5.sql`SELECT COUNT(*) AS n FROM ${import_kysely5.sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}
async function isEmptyDatabase(db) {
  return (await db.introspection.getTables({ withInternalKyselyTables: true })).length === 0;
}

// cloud/ops/backup.ts
var sqliteFile = (config) => (config.databaseUrl ?? DEFAULT_SQLITE_FILE).replace(/^(sqlite|file):(\/\/)?/, "");
var isPg = (config) => !!config.databaseUrl && /^postgres(ql)?:\/\//.test(config.databaseUrl);
async function createBackup(config, outFile) {
  const stage = import_node_fs4.default.mkdtempSync(import_node_path4.default.join(import_node_os.default.tmpdir(), "linli-backup-"));
  const database = openDatabase(config.databaseUrl);
  const objects = openObjectStore(config);
  try {
    const pg2 = isPg(config);
    const rows = await rowCounts(database.db);
    if (pg2) await backupPostgres(config.databaseUrl, import_node_path4.default.join(stage, "database.pgdump"));
    else await backupSqlite(sqliteFile(config), import_node_path4.default.join(stage, "database.sqlite"));
    const listed = [];
    for await (const key of objects.list()) {
      const bytes = await objects.getBytes(key);
      const file = import_node_path4.default.join(stage, "objects", key);
      import_node_fs4.default.mkdirSync(import_node_path4.default.dirname(file), { recursive: true });
      import_node_fs4.default.writeFileSync(file, bytes);
      listed.push({ key, size: bytes.length, sha256: import_node_crypto.default.createHash("sha256").update(bytes).digest("hex") });
    }
    const manifest = { format: "linli-backup-1", createdAt: (/* @__PURE__ */ new Date()).toISOString(), database: pg2 ? "postgres" : "sqlite", rows, objects: listed };
    import_node_fs4.default.writeFileSync(import_node_path4.default.join(stage, "manifest.json"), JSON.stringify(manifest, null, 2));
    import_node_fs4.default.mkdirSync(import_node_path4.default.dirname(import_node_path4.default.resolve(outFile)), { recursive: true });
    await tar.create({ file: outFile, cwd: stage, portable: true }, import_node_fs4.default.readdirSync(stage));
    return manifest;
  } finally {
    objects.close();
    await database.close();
    import_node_fs4.default.rmSync(stage, { recursive: true, force: true });
  }
}
async function restoreBackup(config, inFile) {
  const stage = import_node_fs4.default.mkdtempSync(import_node_path4.default.join(import_node_os.default.tmpdir(), "linli-restore-"));
  try {
    await tar.extract({ file: inFile, cwd: stage });
    const manifest = JSON.parse(import_node_fs4.default.readFileSync(import_node_path4.default.join(stage, "manifest.json"), "utf8"));
    if (manifest.format !== "linli-backup-1") throw new Error("\u4E0D\u662F\u90BB\u91CC\u901A\u7684\u5907\u4EFD\u6587\u4EF6");
    const pg2 = isPg(config);
    if (manifest.database === "postgres" !== pg2) throw new Error(`\u5907\u4EFD\u6765\u81EA ${manifest.database}\uFF0C\u4E0D\u80FD\u6062\u590D\u5230 ${pg2 ? "postgres" : "sqlite"}`);
    if (pg2) {
      const target = openDatabase(config.databaseUrl);
      const empty = await isEmptyDatabase(target.db).finally(() => target.close());
      if (!empty) throw new Error("\u6062\u590D\u76EE\u6807\u6570\u636E\u5E93\u4E0D\u662F\u7A7A\u7684\uFF08\u8BF7\u65B0\u5EFA\u4E00\u4E2A\u7A7A\u6570\u636E\u5E93\uFF09");
      await restorePostgres(import_node_path4.default.join(stage, "database.pgdump"), config.databaseUrl);
    } else {
      await restoreSqlite(import_node_path4.default.join(stage, "database.sqlite"), sqliteFile(config));
    }
    const objects = openObjectStore(config);
    try {
      for (const o of manifest.objects) {
        const bytes = import_node_fs4.default.readFileSync(import_node_path4.default.join(stage, "objects", o.key));
        if (import_node_crypto.default.createHash("sha256").update(bytes).digest("hex") !== o.sha256) throw new Error(`\u5907\u4EFD\u4E2D\u7684\u6587\u4EF6\u5DF2\u635F\u574F\uFF1A${o.key}`);
        await objects.put(o.key, bytes, "application/octet-stream");
      }
    } finally {
      objects.close();
    }
    const restored = openDatabase(config.databaseUrl);
    try {
      const rows = await rowCounts(restored.db);
      const wrong = Object.entries(manifest.rows).filter(([table, n]) => (rows[table] ?? -1) < n);
      if (wrong.length) throw new Error(`\u6062\u590D\u540E\u884C\u6570\u4E0D\u7B26\uFF1A${wrong.map(([t, n]) => `${t} ${rows[t] ?? "\u65E0\u6B64\u8868"} < ${n}`).join(", ")}`);
    } finally {
      await restored.close();
    }
    return manifest;
  } finally {
    import_node_fs4.default.rmSync(stage, { recursive: true, force: true });
  }
}

// cloud/ops/cli.ts
async function main() {
  const [command, file] = process.argv.slice(2);
  const config = loadConfig({ ...process.env, NODE_ENV: "operations" });
  if (command === "migrate") {
    const database = openDatabase(config.databaseUrl);
    try {
      const before = await schemaState(database.db);
      await migrateToLatest(database.db);
      console.log(before.pending.length ? `\u5DF2\u6267\u884C\u8FC1\u79FB\uFF1A${before.pending.join(", ")}` : "\u6570\u636E\u5E93\u7ED3\u6784\u5DF2\u662F\u6700\u65B0");
    } finally {
      await database.close();
    }
    return;
  }
  if ((command === "backup" || command === "restore") && file) {
    const manifest = command === "backup" ? await createBackup(config, file) : await restoreBackup(config, file);
    const rows = Object.values(manifest.rows).reduce((a, b) => a + b, 0);
    console.log(`${command === "backup" ? "\u5DF2\u5907\u4EFD\u5230" : "\u5DF2\u4ECE"} ${file}${command === "restore" ? " \u6062\u590D" : ""}\uFF1A${manifest.database}\uFF0C${Object.keys(manifest.rows).length} \u5F20\u8868 ${rows} \u884C\uFF0C${manifest.objects.length} \u4E2A\u6587\u4EF6`);
    return;
  }
  throw new Error("\u7528\u6CD5\uFF1Amigrate | backup <\u6587\u4EF6.tar> | restore <\u6587\u4EF6.tar>");
}
main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
//# sourceMappingURL=cli.js.map
