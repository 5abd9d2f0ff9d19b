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

// cloud/demo/regions.ts
var DISTRICT_ID = "shangjie";
var streets = [
  [
    "jiyuanlu",
    "\u6D4E\u6E90\u8DEF\u8857\u9053",
    "\u8857\u9053",
    [
      ["chaoyang", "\u671D\u9633\u793E\u533A", "\u793E\u533A"],
      ["kangle", "\u5EB7\u4E50\u793E\u533A", "\u793E\u533A"],
      ["minan", "\u6C11\u5B89\u793E\u533A", "\u793E\u533A"]
    ]
  ],
  [
    "zhongxinlu",
    "\u4E2D\u5FC3\u8DEF\u8857\u9053",
    "\u8857\u9053",
    [
      ["sanwanjie", "\u4E09\u6E7E\u8857\u793E\u533A", "\u793E\u533A"],
      ["huifeng", "\u6C47\u4E30\u793E\u533A", "\u793E\u533A"]
    ]
  ],
  ["xinanlu", "\u65B0\u5B89\u8DEF\u8857\u9053", "\u8857\u9053", [["dongfang", "\u4E1C\u65B9\u793E\u533A", "\u793E\u533A"]]],
  ["gongyelu", "\u5DE5\u4E1A\u8DEF\u8857\u9053", "\u8857\u9053", []],
  ["kuangshan", "\u77FF\u5C71\u8857\u9053", "\u8857\u9053", []],
  ["xiawo", "\u5CE1\u7A9D\u9547", "\u9547", [["dapoding", "\u5927\u5761\u9876\u6751", "\u6751"]]]
];
var grids = [
  ["chaoyang", 3],
  ["kangle", 2],
  ["sanwanjie", 2]
];
var CHINESE_ORDINALS = ["\u4E00", "\u4E8C", "\u4E09", "\u56DB", "\u4E94"];
function demoRegions() {
  const rows = [{ id: DISTRICT_ID, parent_id: null, level: "district", name: "\u4E0A\u8857\u533A", kind: "\u533A", sort: 0 }];
  let sort = 1;
  for (const [id7, name, kind, communities] of streets) {
    rows.push({ id: id7, parent_id: DISTRICT_ID, level: "street", name, kind, sort: sort++ });
    for (const [cid, cname, ckind] of communities) {
      rows.push({ id: cid, parent_id: id7, level: "community", name: cname, kind: ckind, sort: sort++ });
    }
  }
  for (const [community, count] of grids) {
    for (let i = 1; i <= count; i++) {
      rows.push({
        id: `${community}-g${i}`,
        parent_id: community,
        level: "grid",
        name: `\u7B2C${CHINESE_ORDINALS[i - 1]}\u7F51\u683C`,
        kind: "\u7F51\u683C",
        sort: sort++
      });
    }
  }
  return rows;
}

// cloud/demo/personas.ts
var DEMO_PERSONAS = [
  { persona: "resident", nickname: "\u738B\u79C0\u5170", homeCommunityId: "chaoyang", grants: [] },
  { persona: "resident2", nickname: "\u8D75\u5FB7\u660E", homeCommunityId: "chaoyang", grants: [] },
  { persona: "resident3", nickname: "\u5B59\u6842\u82B3", homeCommunityId: "kangle", grants: [] },
  { persona: "grid", nickname: "\u5218\u5EFA\u56FD", homeCommunityId: "chaoyang", grants: [{ role: "gridWorker", scopeId: "chaoyang" }] },
  { persona: "agent", nickname: "\u9648\u9759", phone: "13700000001", homeCommunityId: "chaoyang", grants: [{ role: "agent", scopeId: "chaoyang" }] },
  { persona: "agent-kangle", nickname: "\u5468\u4E3D", phone: "13700000002", homeCommunityId: "kangle", grants: [{ role: "agent", scopeId: "kangle" }] },
  { persona: "admin", nickname: "\u9A6C\u7EA2\u6885", homeCommunityId: "chaoyang", grants: [{ role: "communityAdmin", scopeId: "chaoyang" }] },
  { persona: "admin-kangle", nickname: "\u9EC4\u5FD7\u5F3A", homeCommunityId: "kangle", grants: [{ role: "communityAdmin", scopeId: "kangle" }] },
  { persona: "district", nickname: "\u90D1\u6587\u535A", homeCommunityId: "chaoyang", grants: [{ role: "districtAdmin", scopeId: DISTRICT_ID }] }
];
var DEMO_ACCOUNTS = [
  { username: "chaoyang-admin", password: "Linli2026dev", nickname: "\u671D\u9633\u793E\u533A\u7BA1\u7406\u5458", grants: [{ role: "communityAdmin", scopeId: "chaoyang" }] },
  { username: "kangle-admin", password: "Linli2026dev", nickname: "\u5EB7\u4E50\u793E\u533A\u7BA1\u7406\u5458", grants: [{ role: "communityAdmin", scopeId: "kangle" }] },
  { username: "district-admin", password: "Linli2026dev", nickname: "\u4E0A\u8857\u533A\u7BA1\u7406\u5458", grants: [{ role: "districtAdmin", scopeId: DISTRICT_ID }] }
];

// cloud/core/clock.ts
var systemClock = { now: () => /* @__PURE__ */ new Date() };
var MINUTE = 6e4;
var HOUR = 60 * MINUTE;
var DAY = 24 * HOUR;

// cloud/core/crypto.ts
var import_node_crypto = __toESM(require("node:crypto"));
function createDataCipher(dataKey) {
  const master = Buffer.from(dataKey, "base64");
  if (master.length < 32) throw new Error("\u6570\u636E\u52A0\u5BC6\u5BC6\u94A5\u9700\u4E3A\u81F3\u5C1132\u5B57\u8282\u7684 base64");
  const encKey = import_node_crypto.default.createHmac("sha256", master).update("linli:encrypt").digest();
  const indexKey = import_node_crypto.default.createHmac("sha256", master).update("linli:index").digest();
  return {
    encrypt(plain) {
      const iv = import_node_crypto.default.randomBytes(12);
      const cipher = import_node_crypto.default.createCipheriv("aes-256-gcm", encKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
    },
    decrypt(sealed) {
      const raw = Buffer.from(sealed.replace(/^v1:/, ""), "base64");
      const decipher = import_node_crypto.default.createDecipheriv("aes-256-gcm", encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
    blindIndex(plain) {
      return import_node_crypto.default.createHmac("sha256", indexKey).update(plain).digest("base64url");
    }
  };
}
function maskPhone(phone2) {
  return phone2.length >= 7 ? `${phone2.slice(0, 3)}****${phone2.slice(-4)}` : "****";
}
function sha256(value) {
  return import_node_crypto.default.createHash("sha256").update(value).digest("base64url");
}
function newId() {
  return import_node_crypto.default.randomBytes(12).toString("hex");
}
function newToken() {
  return import_node_crypto.default.randomBytes(32).toString("base64url");
}

// cloud/articles/articles.storage.ts
function withScopeAndCount(db) {
  return db.selectFrom("articles as a").innerJoin("regions as r", "r.id", "a.scope_id").selectAll("a").select(["r.name as scope_name", "r.level as scope_level"]).select(
    (eb) => eb.selectFrom("article_pledges as p").whereRef("p.article_id", "=", "a.id").select(eb.fn.countAll().as("n")).as("pledge_count")
  );
}
async function getArticleRow(db, id7) {
  const row = await withScopeAndCount(db).where("a.id", "=", id7).executeTakeFirst();
  return row && { ...row, pledge_count: Number(row.pledge_count ?? 0) };
}
async function listPublished(db, query) {
  let q = withScopeAndCount(db).where("a.status", "=", "published").where("a.publish_at", "<=", query.now.toISOString()).orderBy("a.pinned", "desc").orderBy("a.publish_at", "desc").orderBy("a.id", "desc").limit(query.limit);
  if (query.scopeIds) q = q.where("a.scope_id", "in", query.scopeIds);
  if (query.category) q = q.where("a.category", "=", query.category);
  if (query.pinnedOnly) q = q.where("a.pinned", "=", 1);
  if (query.excludePinned) q = q.where("a.pinned", "=", 0);
  const after = query.after;
  if (after) {
    q = q.where(
      (eb) => eb.or([
        eb("a.pinned", "<", after.pinned),
        eb.and([eb("a.pinned", "=", after.pinned), eb("a.publish_at", "<", after.publishAt)]),
        eb.and([eb("a.pinned", "=", after.pinned), eb("a.publish_at", "=", after.publishAt), eb("a.id", "<", after.id)])
      ])
    );
  }
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, pledge_count: Number(r.pledge_count ?? 0) }));
}
async function insertArticle(db, row) {
  await db.insertInto("articles").values(row).execute();
}
async function updateArticleRow(db, id7, changes) {
  await db.updateTable("articles").set(changes).where("id", "=", id7).execute();
}
async function insertPledge(db, articleId, userId, now) {
  await db.insertInto("article_pledges").values({ article_id: articleId, user_id: userId, created_at: now.toISOString() }).onConflict((oc) => oc.columns(["article_id", "user_id"]).doNothing()).execute();
}
async function hasPledged(db, articleId, userId) {
  const row = await db.selectFrom("article_pledges").select("user_id").where("article_id", "=", articleId).where("user_id", "=", userId).executeTakeFirst();
  return row !== void 0;
}
async function countPledges(db, articleId) {
  const row = await db.selectFrom("article_pledges").select((eb) => eb.fn.countAll().as("n")).where("article_id", "=", articleId).executeTakeFirstOrThrow();
  return Number(row.n);
}
async function listForAdmin(db, q) {
  let base = db.selectFrom("articles as a");
  if (q.scopeIds !== "all") base = base.where("a.scope_id", "in", q.scopeIds.length ? q.scopeIds : ["-"]);
  if (q.category) base = base.where("a.category", "=", q.category);
  if (q.q) base = base.where("a.title", "like", `%${q.q.replace(/[%_]/g, "")}%`);
  const now = q.now.toISOString();
  if (q.status === "scheduled") base = base.where("a.status", "=", "published").where("a.publish_at", ">", now);
  else if (q.status === "published") base = base.where("a.status", "=", "published").where("a.publish_at", "<=", now);
  else if (q.status) base = base.where("a.status", "=", q.status);
  const total = Number((await base.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  const ids = await base.select("a.id").orderBy("a.updated_at", "desc").orderBy("a.id", "desc").offset(q.offset).limit(q.limit).execute();
  const rows = [];
  for (const { id: id7 } of ids) {
    const row = await getArticleRow(db, id7);
    if (row) rows.push(row);
  }
  return { rows, total };
}

// cloud/articles/sanitize.ts
var import_sanitize_html = __toESM(require("sanitize-html"));
var OPTIONS = {
  allowedTags: ["p", "br", "strong", "b", "em", "i", "u", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "img", "a", "span", "section"],
  allowedAttributes: {
    img: ["src", "alt", "width", "height"],
    a: ["href"]
  },
  allowedSchemes: ["https", "http"],
  allowedSchemesByTag: { img: ["https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard"
};
function sanitizeArticleHtml(html) {
  return (0, import_sanitize_html.default)(html, OPTIONS).trim();
}

// cloud/communities/communities.storage.ts
async function allRegions(db) {
  return db.selectFrom("regions").selectAll().orderBy("sort").orderBy("id").execute();
}
async function getRegion(db, id7) {
  return db.selectFrom("regions").selectAll().where("id", "=", id7).executeTakeFirst();
}
async function upsertRegions(db, rows) {
  for (const row of rows) {
    await db.insertInto("regions").values(row).onConflict((oc) => oc.column("id").doUpdateSet({ name: row.name, kind: row.kind, sort: row.sort })).execute();
  }
}
async function getDistrict(db) {
  return db.selectFrom("regions").selectAll().where("level", "=", "district").executeTakeFirst();
}

// cloud/events/events.storage.ts
var import_kysely2 = require("kysely");

// cloud/storage/dialect.ts
var import_node_fs = __toESM(require("node:fs"));
var import_node_path = __toESM(require("node:path"));
var import_better_sqlite3 = __toESM(require("better-sqlite3"));
var import_kysely = require("kysely");
var import_pg = __toESM(require("pg"));
function isPostgres(db) {
  return db.getExecutor().adapter instanceof import_kysely.PostgresAdapter;
}
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

// cloud/notifications/outbox.storage.ts
async function enqueue(db, messages, now) {
  for (const m of messages) {
    await db.insertInto("outbox").values({
      id: newId(),
      dedupe_key: m.dedupeKey,
      user_id: m.userId,
      template: m.template,
      page: m.page,
      data: JSON.stringify(m.data),
      status: "pending",
      attempts: 0,
      not_before: m.notBefore.toISOString(),
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null
    }).onConflict((oc) => oc.column("dedupe_key").doNothing()).execute();
  }
}
async function skipPending(db, dedupePrefix) {
  await db.updateTable("outbox").set({ status: "skipped" }).where("status", "=", "pending").where("dedupe_key", "like", `${dedupePrefix.replace(/[%_]/g, "")}%`).execute();
}
async function claimDue(db, q) {
  const now = q.now.toISOString();
  const due = db.selectFrom("outbox").select("id").where(
    (eb) => eb.or([
      eb.and([eb("status", "=", "pending"), eb("not_before", "<=", now)]),
      eb.and([eb("status", "=", "sending"), eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)])])
    ])
  ).orderBy("not_before").limit(q.limit);
  const claimed = await db.updateTable("outbox").set((eb) => ({ status: "sending", attempts: eb("attempts", "+", 1), lease_until: q.leaseUntil.toISOString(), claimed_by: q.holder })).where("id", "in", isPostgres(db) ? due.forUpdate().skipLocked() : due).returningAll().execute();
  if (claimed.length === 0) return [];
  const users = await db.selectFrom("users").select(["id", "openid"]).where("id", "in", [...new Set(claimed.map((m) => m.user_id))]).execute();
  const openids = new Map(users.map((u) => [u.id, u.openid]));
  return claimed.sort((a, b) => a.not_before.localeCompare(b.not_before)).map((m) => ({ ...m, openid: openids.get(m.user_id) ?? null }));
}
async function releaseClaims(db, holder, ids) {
  if (ids.length === 0) return;
  await db.updateTable("outbox").set((eb) => ({ status: "pending", lease_until: null, claimed_by: null, attempts: eb("attempts", "-", 1) })).where("id", "in", ids).where("status", "=", "sending").where("claimed_by", "=", holder).execute();
}
async function settle(db, id7, holder, outcome) {
  const result = await db.updateTable("outbox").set({
    status: outcome.status,
    last_error: outcome.error ?? null,
    lease_until: null,
    claimed_by: null,
    ...outcome.status === "sent" && { sent_at: outcome.at.toISOString() },
    ...outcome.notBefore && { not_before: outcome.notBefore.toISOString() }
  }).where("id", "=", id7).where("status", "=", "sending").where("claimed_by", "=", holder).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
async function outboxBacklog(db) {
  const rows = await db.selectFrom("outbox").select(["status", (eb) => eb.fn.countAll().as("n")]).where("status", "in", ["pending", "sending"]).groupBy("status").execute();
  const of = (status) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { pending: of("pending"), sending: of("sending") };
}

// cloud/events/events.storage.ts
var ACTIVE = ["confirmed", "waitlisted"];
function eventsWithScope(db) {
  return db.selectFrom("events as e").innerJoin("regions as r", "r.id", "e.scope_id").selectAll("e").select(["r.name as scope_name", "r.level as scope_level"]).select(
    (eb) => eb.selectFrom("event_registrations as w").whereRef("w.event_id", "=", "e.id").where("w.status", "=", "waitlisted").select(eb.fn.countAll().as("n")).as("waitlist_length")
  );
}
var withCount = (row) => ({
  ...row,
  waitlist_length: Number(row.waitlist_length ?? 0)
});
async function getEventRow(db, id7) {
  const row = await eventsWithScope(db).where("e.id", "=", id7).executeTakeFirst();
  return row && withCount(row);
}
async function listEventRows(db, q) {
  const now = q.now.toISOString();
  let query = eventsWithScope(db).where("e.state", "in", ["published", "cancelled", "closed"]).limit(q.limit);
  if (q.when === "upcoming") {
    query = query.where("e.starts_at", ">", now).where("e.state", "!=", "closed").orderBy("e.starts_at", "asc").orderBy("e.id", "asc");
  } else if (q.when === "ongoing") {
    query = query.where("e.starts_at", "<=", now).where("e.ends_at", ">", now).where("e.state", "=", "published").orderBy("e.starts_at", "asc").orderBy("e.id", "asc");
  } else {
    query = query.where((eb) => eb.or([eb("e.ends_at", "<=", now), eb("e.state", "=", "closed")])).orderBy("e.starts_at", "desc").orderBy("e.id", "desc");
  }
  if (q.scopeIds) query = query.where("e.scope_id", "in", q.scopeIds);
  if (q.category) query = query.where("e.category", "=", q.category);
  const after = q.after;
  if (after) {
    const cmp = q.when === "past" ? "<" : ">";
    query = query.where(
      (eb) => eb.or([eb("e.starts_at", cmp, after.startsAt), eb.and([eb("e.starts_at", "=", after.startsAt), eb("e.id", cmp, after.id)])])
    );
  }
  return (await query.execute()).map(withCount);
}
async function insertEvent(db, row) {
  await db.insertInto("events").values(row).execute();
}
async function updateEventRow(db, id7, changes) {
  await db.updateTable("events").set(changes).where("id", "=", id7).execute();
}
async function getRegistration(db, eventId, userId) {
  return db.selectFrom("event_registrations").selectAll().where("event_id", "=", eventId).where("user_id", "=", userId).executeTakeFirst();
}
async function getRegistrationById(db, id7) {
  return db.selectFrom("event_registrations").selectAll().where("id", "=", id7).executeTakeFirst();
}
async function getRegistrationByCode(db, code) {
  return db.selectFrom("event_registrations").selectAll().where("checkin_code", "=", code).executeTakeFirst();
}
async function waitlistPosition(db, reg) {
  if (reg.status !== "waitlisted" || reg.waitlist_no === null) return null;
  const row = await db.selectFrom("event_registrations").select((eb) => eb.fn.countAll().as("n")).where("event_id", "=", reg.event_id).where("status", "=", "waitlisted").where("waitlist_no", "<=", reg.waitlist_no).executeTakeFirstOrThrow();
  return Number(row.n);
}
async function lockEvent(tx, eventId) {
  await tx.updateTable("events").set({ waitlist_seq: import_kysely2.sql`waitlist_seq` }).where("id", "=", eventId).execute();
}
async function takeSeat(tx, eventId) {
  const result = await tx.updateTable("events").set({ confirmed_count: import_kysely2.sql`confirmed_count + 1` }).where("id", "=", eventId).where((eb) => eb.or([eb("capacity", "=", 0), eb("confirmed_count", "<", eb.ref("capacity"))])).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
async function nextWaitlistNo(tx, eventId) {
  await tx.updateTable("events").set({ waitlist_seq: import_kysely2.sql`waitlist_seq + 1` }).where("id", "=", eventId).execute();
  const row = await tx.selectFrom("events").select("waitlist_seq").where("id", "=", eventId).executeTakeFirstOrThrow();
  return row.waitlist_seq;
}
async function registerResident(db, r) {
  const at = r.now.toISOString();
  try {
    return await db.transaction().execute(async (tx) => {
      await lockEvent(tx, r.eventId);
      const existing = await getRegistration(tx, r.eventId, r.userId);
      if (existing && ACTIVE.includes(existing.status)) return { registration: existing, created: false };
      if (existing?.status === "removed") return { registration: existing, created: false };
      const seated = await takeSeat(tx, r.eventId);
      const fields2 = {
        status: seated ? "confirmed" : "waitlisted",
        waitlist_no: seated ? null : await nextWaitlistNo(tx, r.eventId),
        checked_in_at: null,
        checked_in_by: null,
        updated_at: at
      };
      let registration;
      if (existing) {
        await tx.updateTable("event_registrations").set(fields2).where("id", "=", existing.id).execute();
        registration = { ...existing, ...fields2 };
      } else {
        registration = {
          id: newId(),
          event_id: r.eventId,
          user_id: r.userId,
          checkin_code: r.code,
          shared_by: r.sharedBy,
          created_at: at,
          ...fields2
        };
        await tx.insertInto("event_registrations").values(registration).execute();
      }
      if (seated) await enqueue(tx, r.notify("confirmed", registration), r.now);
      return { registration, created: true };
    });
  } catch (error) {
    const winner = await getRegistration(db, r.eventId, r.userId);
    if (winner && ACTIVE.includes(winner.status)) return { registration: winner, created: false };
    throw error;
  }
}
function firstInLine(tx, eventId) {
  return tx.selectFrom("event_registrations").selectAll().where("event_id", "=", eventId).where("status", "=", "waitlisted").orderBy("waitlist_no").limit(1).executeTakeFirst();
}
async function promoteNext(tx, eventId, now, notify) {
  const next = await firstInLine(tx, eventId);
  if (!next) {
    await tx.updateTable("events").set({ confirmed_count: import_kysely2.sql`confirmed_count - 1` }).where("id", "=", eventId).execute();
    return null;
  }
  const promoted = { ...next, status: "confirmed", waitlist_no: null, updated_at: now.toISOString() };
  await tx.updateTable("event_registrations").set({ status: "confirmed", waitlist_no: null, updated_at: promoted.updated_at }).where("id", "=", next.id).execute();
  await enqueue(tx, notify("promoted", promoted), now);
  return promoted;
}
async function endRegistration(db, e) {
  return db.transaction().execute(async (tx) => {
    const before = await getRegistrationById(tx, e.registrationId);
    if (!before) throw new Error(`registration ${e.registrationId} vanished`);
    await lockEvent(tx, before.event_id);
    const reg = await getRegistrationById(tx, e.registrationId);
    if (!ACTIVE.includes(reg.status)) return { registration: reg, promoted: null, changed: false };
    const ended = { ...reg, status: e.status, waitlist_no: null, updated_at: e.now.toISOString() };
    await tx.updateTable("event_registrations").set({ status: e.status, waitlist_no: null, updated_at: ended.updated_at }).where("id", "=", reg.id).execute();
    await skipPending(tx, `event:${reg.event_id}:reg:${reg.id}:`);
    const promoted = reg.status === "confirmed" ? await promoteNext(tx, reg.event_id, e.now, e.notify) : null;
    return { registration: ended, promoted, changed: true };
  });
}
async function fillFreedSeats(db, eventId, now, notify) {
  return db.transaction().execute(async (tx) => {
    await lockEvent(tx, eventId);
    let promoted = 0;
    while (await takeSeat(tx, eventId)) {
      const next = await firstInLine(tx, eventId);
      if (!next) {
        await tx.updateTable("events").set({ confirmed_count: import_kysely2.sql`confirmed_count - 1` }).where("id", "=", eventId).execute();
        break;
      }
      const row = { ...next, status: "confirmed", waitlist_no: null, updated_at: now.toISOString() };
      await tx.updateTable("event_registrations").set({ status: "confirmed", waitlist_no: null, updated_at: row.updated_at }).where("id", "=", next.id).execute();
      await enqueue(tx, notify("promoted", row), now);
      promoted++;
    }
    return promoted;
  });
}
async function markCheckedIn(db, registrationId, staffId, now) {
  const result = await db.updateTable("event_registrations").set({ checked_in_at: now.toISOString(), checked_in_by: staffId }).where("id", "=", registrationId).where("status", "=", "confirmed").where("checked_in_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
async function activeRegistrations(db, eventId) {
  return db.selectFrom("event_registrations").selectAll().where("event_id", "=", eventId).where("status", "in", ACTIVE).execute();
}
async function cancelEventWithNotices(db, c) {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable("events").set({ state: "cancelled", cancel_reason: c.reason, updated_at: c.now.toISOString() }).where("id", "=", c.eventId).execute();
    await skipPending(tx, `event:${c.eventId}:reg:`);
    await enqueue(tx, c.notices(await activeRegistrations(tx, c.eventId)), c.now);
  });
}
async function requeueReminders(db, eventId, messages, now) {
  await db.transaction().execute(async (tx) => {
    await skipPending(tx, `event:${eventId}:reg:`);
    await enqueue(tx, messages, now);
  });
}
async function registrantsOf(db, eventId) {
  return db.selectFrom("event_registrations as g").innerJoin("users as u", "u.id", "g.user_id").leftJoin("users as s", "s.id", "g.shared_by").selectAll("g").select(["u.nickname", "s.nickname as shared_by_name"]).where("g.event_id", "=", eventId).orderBy("g.status").orderBy("g.waitlist_no").orderBy("g.created_at").execute();
}
async function registrationsOfUser(db, userId) {
  return db.selectFrom("event_registrations").selectAll().where("user_id", "=", userId).where("status", "in", ACTIVE).execute();
}
async function countCheckedIn(db, eventId) {
  const row = await db.selectFrom("event_registrations").select((eb) => eb.fn.countAll().as("n")).where("event_id", "=", eventId).where("checked_in_at", "is not", null).executeTakeFirstOrThrow();
  return Number(row.n);
}
async function countSignupsBySharer(db, sharerId) {
  const rows = await db.selectFrom("event_registrations as g").innerJoin("events as e", "e.id", "g.event_id").select(["g.event_id", "e.title"]).select((eb) => eb.fn.countAll().as("n")).where("g.shared_by", "=", sharerId).groupBy(["g.event_id", "e.title"]).execute();
  return rows.map((r) => ({ eventId: r.event_id, title: r.title, signups: Number(r.n) }));
}
async function setCapacity(db, eventId, capacity, now) {
  let q = db.updateTable("events").set({ capacity, updated_at: now.toISOString() }).where("id", "=", eventId);
  if (capacity > 0) q = q.where("confirmed_count", "<=", capacity);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
async function eventsForAdmin(db, q) {
  let base = db.selectFrom("events as e");
  if (q.scopeIds !== "all") base = base.where("e.scope_id", "in", q.scopeIds.length ? q.scopeIds : ["-"]);
  if (q.state) base = base.where("e.state", "=", q.state);
  if (q.category) base = base.where("e.category", "=", q.category);
  if (q.q) base = base.where("e.title", "like", `%${q.q.replace(/[%_]/g, "")}%`);
  const total = Number((await base.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  const ids = await base.select("e.id").orderBy("e.starts_at", "desc").orderBy("e.id", "desc").offset(q.offset).limit(q.limit).execute();
  const rows = [];
  for (const { id: id7 } of ids) {
    const row = await getEventRow(db, id7);
    if (row) rows.push(row);
  }
  return { rows, total };
}

// cloud/bookings/bookings.storage.ts
var import_kysely3 = require("kysely");

// types/admin.ts
var import_zod2 = require("zod");

// types/access.ts
var STAFF_ROLES = ["gridWorker", "agent", "communityAdmin", "districtAdmin"];
var ROLE_LABELS = {
  resident: "\u5C45\u6C11",
  gridWorker: "\u7F51\u683C\u5458",
  agent: "\u4EE3\u529E\u5458",
  communityAdmin: "\u793E\u533A\u7BA1\u7406\u5458",
  districtAdmin: "\u533A\u7EA7\u7BA1\u7406\u5458"
};
var PUBLIC = { kind: "public" };
var SIGNED_IN = { kind: "signedIn" };
function rolesOnly(...roles) {
  return { kind: "roles", roles };
}
function accessAllows(access, caller) {
  if (access.kind === "public") return true;
  if (!caller) return false;
  if (access.kind === "signedIn") return true;
  return access.roles.some(
    (role) => role === "resident" ? caller.isResident : caller.grants.some((g) => g.role === role)
  );
}
function describeAccess(access) {
  if (access.kind === "public") return "\u6240\u6709\u4EBA\uFF08\u65E0\u9700\u767B\u5F55\uFF09";
  if (access.kind === "signedIn") return "\u5DF2\u767B\u5F55\u7528\u6237";
  return access.roles.map((r) => ROLE_LABELS[r]).join("\u3001");
}

// types/contract.ts
function defineContract(spec) {
  return {
    returns() {
      return { ...spec, output: void 0 };
    }
  };
}

// types/admin.ts
var AuditListInput = import_zod2.z.object({
  action: import_zod2.z.string().max(60).optional(),
  outcome: import_zod2.z.enum(["ok", "denied", "failed"]).optional(),
  from: import_zod2.z.coerce.date().optional(),
  to: import_zod2.z.coerce.date().optional(),
  cursor: import_zod2.z.string().max(200).optional(),
  limit: import_zod2.z.number().int().min(1).max(200).default(50)
});
var listAudit = defineContract({
  name: "audit.list",
  summary: "\u5BA1\u8BA1\u65E5\u5FD7\uFF08\u53EA\u8BFB\uFF09\uFF1A\u7BA1\u7406\u5458\u7684\u6BCF\u6B21\u5199\u64CD\u4F5C\u3001\u5BFC\u51FA\u4E0E\u67E5\u770B\u5B8C\u6574\u8BC1\u4EF6\u53F7/\u624B\u673A\u53F7",
  kind: "query",
  access: rolesOnly("districtAdmin"),
  input: AuditListInput
}).returns();
var DashboardInput = import_zod2.z.object({
  communityId: import_zod2.z.string().max(64).optional(),
  from: import_zod2.z.coerce.date({ message: "\u5F00\u59CB\u65E5\u671F\u4E0D\u6B63\u786E" }),
  to: import_zod2.z.coerce.date({ message: "\u7ED3\u675F\u65E5\u671F\u4E0D\u6B63\u786E" })
});
var dashboardStats = defineContract({
  name: "dashboard.stats",
  summary: "\u793E\u533A\u4E0E\u5168\u533A\u7684\u6570\u636E\u770B\u677F\uFF1A\u6D3B\u52A8\u3001\u9884\u7EA6\u3001\u8BC9\u6C42\uFF08\u54CD\u5E94\u7387\u3001\u89E3\u51B3\u7387\u3001\u6EE1\u610F\u7387\uFF09\u3001\u5021\u8BAE\u627F\u8BFA",
  kind: "query",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: DashboardInput
}).returns();
var REPORTS = ["petitions", "events", "bookings", "dashboard"];
var REPORT_TITLES = {
  petitions: "\u8BC9\u6C42\u529E\u7406\u660E\u7EC6",
  events: "\u6D3B\u52A8\u4E0E\u670D\u52A1\u4EBA\u6570",
  bookings: "\u9884\u7EA6\u660E\u7EC6",
  dashboard: "\u6570\u636E\u770B\u677F\u6C47\u603B"
};
var ExportInput = import_zod2.z.object({
  report: import_zod2.z.enum(REPORTS),
  communityId: import_zod2.z.string().max(64).optional(),
  from: import_zod2.z.coerce.date({ message: "\u5F00\u59CB\u65E5\u671F\u4E0D\u6B63\u786E" }),
  to: import_zod2.z.coerce.date({ message: "\u7ED3\u675F\u65E5\u671F\u4E0D\u6B63\u786E" })
});
var exportReport = defineContract({
  name: "reports.export",
  summary: "\u5BFC\u51FA Excel \u62A5\u8868\uFF08\u6309\u7BA1\u8F96\u8303\u56F4\uFF09\uFF0C\u6BCF\u6B21\u5BFC\u51FA\u8BB0\u5165\u5BA1\u8BA1\u65E5\u5FD7",
  kind: "query",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: ExportInput
}).returns();
var QueueCountsInput = import_zod2.z.object({});
var queueCounts = defineContract({
  name: "admin.queueCounts",
  summary: "\u540E\u53F0\u83DC\u5355\u4E0A\u7684\u5F85\u529E\u6570\u91CF",
  kind: "query",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: QueueCountsInput
}).returns();
var adminContracts = [listAudit, dashboardStats, exportReport, queueCounts];

// types/articles.ts
var import_zod3 = require("zod");

// types/articles-model.ts
var ARTICLE_CATEGORIES = ["\u793E\u533A\u52A8\u6001", "\u901A\u77E5\u516C\u544A", "\u5021\u8BAE", "\u516C\u793A", "\u4E13\u9898\u62A5\u9053"];
var ARTICLE_STATUSES = ["draft", "scheduled", "published", "unpublished"];

// types/articles.ts
var id = import_zod3.z.string().min(1, "\u4E0D\u80FD\u4E3A\u7A7A").max(64);
var ListArticlesInput = import_zod3.z.object({
  /** Items of this community plus the district-wide ones; all published items when absent. */
  communityId: id.optional(),
  category: import_zod3.z.enum(ARTICLE_CATEGORIES).optional(),
  pinnedOnly: import_zod3.z.boolean().optional(),
  /** The feed under the pinned card leaves the pinned items out. */
  excludePinned: import_zod3.z.boolean().optional(),
  cursor: import_zod3.z.string().max(200).optional(),
  limit: import_zod3.z.number().int().min(1).max(50).default(20)
});
var listArticles = defineContract({
  name: "articles.list",
  summary: "\u8D44\u8BAF\u5217\u8868\uFF1A\u672C\u793E\u533A\u4E0E\u5168\u533A\u7684\u5DF2\u53D1\u5E03\u5185\u5BB9\uFF0C\u7F6E\u9876\u5728\u524D\uFF0C\u6309\u53D1\u5E03\u65F6\u95F4\u5012\u5E8F\uFF0C\u6E38\u6807\u5206\u9875",
  kind: "query",
  access: PUBLIC,
  input: ListArticlesInput
}).returns();
var GetArticleInput = import_zod3.z.object({
  id,
  /** The user id carried by a share card, when the reader came from one. */
  sharer: import_zod3.z.string().max(64).optional()
});
var getArticle = defineContract({
  name: "articles.get",
  summary: "\u4E00\u7BC7\u8D44\u8BAF\u7684\u6B63\u6587\uFF1B\u4ECE\u5206\u4EAB\u5361\u7247\u6253\u5F00\u65F6\u8BB0\u5F55\u5206\u4EAB\u4EBA",
  kind: "query",
  access: PUBLIC,
  input: GetArticleInput
}).returns();
var title = import_zod3.z.string().trim().min(2, "\u6807\u9898\u81F3\u5C112\u4E2A\u5B57").max(60, "\u6807\u9898\u6700\u591A60\u4E2A\u5B57");
var ArticleFields = import_zod3.z.object({
  title,
  summary: import_zod3.z.string().trim().max(200, "\u6458\u8981\u6700\u591A200\u4E2A\u5B57").default(""),
  coverUrl: import_zod3.z.string().max(500).regex(/^(https:\/\/|\/)/, "\u5C01\u9762\u56FE\u5730\u5740\u9700\u4EE5 https:// \u6216 / \u5F00\u5934").nullable().default(null),
  bodyHtml: import_zod3.z.string().min(1, "\u6B63\u6587\u4E0D\u80FD\u4E3A\u7A7A").max(1e5, "\u6B63\u6587\u592A\u957F\u4E86"),
  category: import_zod3.z.enum(ARTICLE_CATEGORIES, { message: "\u8BF7\u9009\u62E9\u680F\u76EE" }),
  scopeId: id,
  reporters: import_zod3.z.array(import_zod3.z.string().trim().min(1).max(20)).max(10).default([]),
  correspondents: import_zod3.z.array(import_zod3.z.string().trim().min(1).max(20)).max(10).default([]),
  pinned: import_zod3.z.boolean().default(false),
  /** A campaign's pledge wording, e.g. 我承诺：节约每一滴水; null for no pledge. */
  pledgePrompt: import_zod3.z.string().trim().min(2).max(60, "\u627F\u8BFA\u8BED\u6700\u591A60\u4E2A\u5B57").nullable().default(null)
});
var CreateArticleInput = ArticleFields;
var createArticle = defineContract({
  name: "articles.create",
  summary: "\u65B0\u5EFA\u8D44\u8BAF\uFF08\u8349\u7A3F\uFF09",
  kind: "command",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: CreateArticleInput
}).returns();
var UpdateArticleInput = import_zod3.z.object({ id }).extend(
  Object.fromEntries(Object.entries(ArticleFields.shape).map(([k, v]) => [k, v.optional()]))
);
var updateArticle = defineContract({
  name: "articles.update",
  summary: "\u4FEE\u6539\u8D44\u8BAF",
  kind: "command",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: UpdateArticleInput
}).returns();
var PublishArticleInput = import_zod3.z.object({
  id,
  /** Publish at this time (定时发布); now when absent. */
  at: import_zod3.z.coerce.date({ message: "\u53D1\u5E03\u65F6\u95F4\u4E0D\u6B63\u786E" }).optional()
});
var publishArticle = defineContract({
  name: "articles.publish",
  summary: "\u7ACB\u5373\u53D1\u5E03\u6216\u5B9A\u65F6\u53D1\u5E03",
  kind: "command",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: PublishArticleInput
}).returns();
var UnpublishArticleInput = import_zod3.z.object({ id });
var unpublishArticle = defineContract({
  name: "articles.unpublish",
  summary: "\u4E0B\u7EBF\u8D44\u8BAF",
  kind: "command",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: UnpublishArticleInput
}).returns();
var PledgeInput = import_zod3.z.object({ id });
var pledgeArticle = defineContract({
  name: "articles.pledge",
  summary: "\u54CD\u5E94\u5021\u8BAE\u3001\u4F5C\u51FA\u627F\u8BFA\uFF08\u6BCF\u4EBA\u4E00\u6B21\uFF0C\u91CD\u590D\u63D0\u4EA4\u4E0D\u91CD\u590D\u8BA1\u6570\uFF09",
  kind: "command",
  access: SIGNED_IN,
  input: PledgeInput
}).returns();
var ManageArticlesInput = import_zod3.z.object({
  status: import_zod3.z.enum(ARTICLE_STATUSES).optional(),
  category: import_zod3.z.enum(ARTICLE_CATEGORIES).optional(),
  /** Words in the title. */
  q: import_zod3.z.string().trim().max(40).optional(),
  page: import_zod3.z.number().int().min(1).max(1e4).default(1),
  pageSize: import_zod3.z.number().int().min(1).max(100).default(20)
});
var manageArticles = defineContract({
  name: "articles.manage",
  summary: "\u540E\u53F0\u8D44\u8BAF\u5217\u8868\uFF1A\u7BA1\u8F96\u8303\u56F4\u5185\u7684\u8349\u7A3F\u3001\u5B9A\u65F6\u3001\u5DF2\u53D1\u5E03\u4E0E\u5DF2\u4E0B\u7EBF",
  kind: "query",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: ManageArticlesInput
}).returns();
var articlesContracts = [
  manageArticles,
  listArticles,
  getArticle,
  createArticle,
  updateArticle,
  publishArticle,
  unpublishArticle,
  pledgeArticle
];

// types/auth.ts
var import_zod4 = require("zod");
var LogoutInput = import_zod4.z.object({});
var logout = defineContract({
  name: "auth.logout",
  summary: "\u9000\u51FA\u767B\u5F55\uFF08\u4F5C\u5E9F\u5F53\u524D\u4F1A\u8BDD\uFF09",
  kind: "command",
  access: SIGNED_IN,
  input: LogoutInput
}).returns();
var PASSWORD_RULE = import_zod4.z.string().min(10, "\u65B0\u5BC6\u7801\u81F3\u5C1110\u4F4D").max(128, "\u65B0\u5BC6\u7801\u6700\u591A128\u4F4D").regex(/[A-Za-z]/, "\u65B0\u5BC6\u7801\u9700\u5305\u542B\u5B57\u6BCD").regex(/[0-9]/, "\u65B0\u5BC6\u7801\u9700\u5305\u542B\u6570\u5B57");
var ChangePasswordInput = import_zod4.z.object({
  currentPassword: import_zod4.z.string().min(1, "\u8BF7\u8F93\u5165\u5F53\u524D\u5BC6\u7801").max(128),
  newPassword: PASSWORD_RULE
});
var changePassword = defineContract({
  name: "auth.changePassword",
  summary: "\u4FEE\u6539\u540E\u53F0\u8D26\u53F7\u5BC6\u7801\uFF08\u5176\u4ED6\u4F1A\u8BDD\u968F\u4E4B\u5931\u6548\uFF09",
  kind: "command",
  access: SIGNED_IN,
  input: ChangePasswordInput
}).returns();
var authContracts = [logout, changePassword];

// types/bookings.ts
var import_zod5 = require("zod");

// types/bookings-model.ts
var RESOURCE_KINDS = ["room", "hall"];
var BOOKING_FLOW = {
  pending: { text: "\u5F85\u5BA1\u6838", actions: { approve: "approved", reject: "rejected", cancel: "cancelled", reschedule: "pending" } },
  approved: { text: "\u5DF2\u9884\u7EA6", actions: { cancel: "cancelled", reschedule: "approved", checkIn: "checked_in", markNoShow: "no_show" } },
  checked_in: { text: "\u5DF2\u5230\u573A", actions: {} },
  rejected: { text: "\u672A\u901A\u8FC7", actions: {} },
  cancelled: { text: "\u5DF2\u53D6\u6D88", actions: {} },
  no_show: { text: "\u672A\u5230\u573A", actions: {} }
};
function bookingNext(status, action) {
  const actions = BOOKING_FLOW[status].actions;
  return actions[action] ?? null;
}
var HALL_STEPS = {
  booked: { text: "\u5DF2\u9884\u7EA6", next: ["arrived"] },
  arrived: { text: "\u5DF2\u5230\u573A", next: ["processing"] },
  processing: { text: "\u53D7\u7406\u4E2D", next: ["done", "needs_material"] },
  needs_material: { text: "\u9700\u8865\u6750\u6599", next: ["processing"] },
  done: { text: "\u5DF2\u529E\u7ED3", next: [] }
};
function hallStepAllowed(from, to) {
  return HALL_STEPS[from].next.includes(to);
}
var NO_SHOW_GRACE_MINUTES = 15;

// types/bookings.ts
var id2 = import_zod5.z.string().min(1, "\u4E0D\u80FD\u4E3A\u7A7A").max(64);
var day = import_zod5.z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "\u65E5\u671F\u683C\u5F0F\u5E94\u4E3A YYYY-MM-DD");
var hhmm = import_zod5.z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "\u65F6\u95F4\u683C\u5F0F\u5E94\u4E3A HH:mm");
var ListResourcesInput = import_zod5.z.object({ communityId: id2, kind: import_zod5.z.enum(RESOURCE_KINDS).optional() });
var listResources = defineContract({
  name: "bookings.resources",
  summary: "\u793E\u533A\u515A\u7FA4\u670D\u52A1\u4E2D\u5FC3\u7684\u529F\u80FD\u5BA4\u4E0E\u4FBF\u6C11\u670D\u52A1\u5927\u5385\u4E8B\u9879",
  kind: "query",
  access: PUBLIC,
  input: ListResourcesInput
}).returns();
var AvailabilityInput = import_zod5.z.object({ resourceId: id2, date: day });
var availability = defineContract({
  name: "bookings.availability",
  summary: "\u67D0\u4E00\u5929\u7684\u5168\u90E8\u65F6\u6BB5\u4E0E\u5269\u4F59\u540D\u989D\uFF08\u5317\u4EAC\u65F6\u95F4\uFF09",
  kind: "query",
  access: PUBLIC,
  input: AvailabilityInput
}).returns();
var CreateBookingInput = import_zod5.z.object({
  resourceId: id2,
  start: import_zod5.z.coerce.date({ message: "\u8BF7\u9009\u62E9\u65F6\u6BB5" }),
  purpose: import_zod5.z.string().trim().max(100, "\u7528\u9014\u6700\u591A100\u5B57").default(""),
  partySize: import_zod5.z.number().int().min(1, "\u4EBA\u6570\u81F3\u5C111\u4EBA").max(500).default(1)
});
var createBooking = defineContract({
  name: "bookings.create",
  summary: "\u9884\u7EA6\u529F\u80FD\u5BA4\u65F6\u6BB5\u6216\u5927\u5385\u529E\u4E8B\u65F6\u6BB5",
  kind: "command",
  access: SIGNED_IN,
  input: CreateBookingInput
}).returns();
var CancelBookingInput = import_zod5.z.object({ id: id2 });
var cancelBooking = defineContract({
  name: "bookings.cancel",
  summary: "\u53D6\u6D88\u9884\u7EA6\uFF0C\u65F6\u6BB5\u7ACB\u5373\u91CA\u653E",
  kind: "command",
  access: SIGNED_IN,
  input: CancelBookingInput
}).returns();
var RescheduleInput = import_zod5.z.object({ id: id2, start: import_zod5.z.coerce.date({ message: "\u8BF7\u9009\u62E9\u65B0\u7684\u65F6\u6BB5" }) });
var rescheduleBooking = defineContract({
  name: "bookings.reschedule",
  summary: "\u6539\u7EA6\u5230\u53E6\u4E00\u4E2A\u65F6\u6BB5\uFF08\u539F\u65F6\u6BB5\u4E0E\u65B0\u65F6\u6BB5\u5728\u540C\u4E00\u4E8B\u52A1\u4E2D\u4EA4\u6362\uFF09",
  kind: "command",
  access: SIGNED_IN,
  input: RescheduleInput
}).returns();
var MyBookingsInput = import_zod5.z.object({ when: import_zod5.z.enum(["upcoming", "past"]).default("upcoming") });
var myBookings = defineContract({
  name: "bookings.mine",
  summary: "\u6211\u7684\u9884\u7EA6\u3001\u529E\u7406\u8FDB\u5EA6\uFF0C\u4EE5\u53CA\u662F\u5426\u88AB\u6682\u505C\u9884\u7EA6",
  kind: "query",
  access: SIGNED_IN,
  input: MyBookingsInput
}).returns();
var STAFF = rolesOnly("gridWorker", "agent", "communityAdmin", "districtAdmin");
var ADMINS = rolesOnly("communityAdmin", "districtAdmin");
var TodayInput = import_zod5.z.object({ communityId: id2.optional(), date: day.optional() });
var todayBookings = defineContract({
  name: "bookings.today",
  summary: "\u5DE5\u4F5C\u4EBA\u5458\uFF1A\u672C\u793E\u533A\u5F53\u5929\u7684\u9884\u7EA6",
  kind: "query",
  access: STAFF,
  input: TodayInput
}).returns();
var BookingIdInput = import_zod5.z.object({ id: id2 });
var checkInBooking = defineContract({
  name: "bookings.checkIn",
  summary: "\u5DE5\u4F5C\u4EBA\u5458\u767B\u8BB0\u5230\u573A",
  kind: "command",
  access: STAFF,
  input: BookingIdInput
}).returns();
var markNoShow = defineContract({
  name: "bookings.markNoShow",
  summary: "\u5F00\u59CB15\u5206\u949F\u540E\u4ECD\u672A\u5230\u573A\uFF0C\u8BB0\u4E3A\u672A\u5230\uFF1B30\u5929\u51853\u6B21\u6682\u505C\u529F\u80FD\u5BA4\u9884\u7EA614\u5929",
  kind: "command",
  access: STAFF,
  input: BookingIdInput
}).returns();
var AdvanceInput = import_zod5.z.object({
  id: id2,
  to: import_zod5.z.enum(Object.keys(HALL_STEPS)),
  note: import_zod5.z.string().trim().max(200).optional(),
  missingMaterials: import_zod5.z.array(import_zod5.z.string().trim().min(1).max(40)).max(10).optional()
});
var advanceBooking = defineContract({
  name: "bookings.advance",
  summary: "\u63A8\u8FDB\u5927\u5385\u4E8B\u9879\u7684\u529E\u7406\u6B65\u9AA4\uFF0C\u5E76\u901A\u77E5\u5C45\u6C11",
  kind: "command",
  access: STAFF,
  input: AdvanceInput
}).returns();
var approveBooking = defineContract({
  name: "bookings.approve",
  summary: "\u901A\u8FC7\u5F85\u5BA1\u6838\u7684\u9884\u7EA6",
  kind: "command",
  access: ADMINS,
  input: BookingIdInput
}).returns();
var RejectInput = import_zod5.z.object({ id: id2, reason: import_zod5.z.string().trim().min(2, "\u8BF7\u586B\u5199\u4E0D\u901A\u8FC7\u7684\u539F\u56E0").max(100) });
var rejectBooking = defineContract({
  name: "bookings.reject",
  summary: "\u4E0D\u901A\u8FC7\u9884\u7EA6\u5E76\u8BF4\u660E\u539F\u56E0\uFF0C\u65F6\u6BB5\u91CA\u653E",
  kind: "command",
  access: ADMINS,
  input: RejectInput
}).returns();
var PendingInput = import_zod5.z.object({ communityId: id2.optional() });
var pendingBookings = defineContract({
  name: "bookings.pending",
  summary: "\u5F85\u5BA1\u6838\u7684\u9884\u7EA6",
  kind: "query",
  access: ADMINS,
  input: PendingInput
}).returns();
var Range = import_zod5.z.object({ start: hhmm, end: hhmm });
var SaveResourceInput = import_zod5.z.object({
  id: id2.optional(),
  centerId: id2,
  kind: import_zod5.z.enum(RESOURCE_KINDS),
  name: import_zod5.z.string().trim().min(2, "\u540D\u79F0\u81F3\u5C112\u4E2A\u5B57").max(30),
  description: import_zod5.z.string().trim().max(500).default(""),
  capacity: import_zod5.z.number().int().min(1).max(2e3).default(1),
  hours: import_zod5.z.partialRecord(import_zod5.z.enum(["1", "2", "3", "4", "5", "6", "7"]), import_zod5.z.array(Range).max(48, "\u4E00\u5929\u6700\u591A48\u4E2A\u5F00\u653E\u65F6\u6BB5")),
  slotMinutes: import_zod5.z.number().int().min(15).max(480).default(60),
  windowSize: import_zod5.z.number().int().min(1).max(200).default(1),
  daysAhead: import_zod5.z.number().int().min(1).max(90).default(14),
  minNoticeMinutes: import_zod5.z.number().int().min(0).max(7 * 24 * 60).default(60),
  cancelCutoffMinutes: import_zod5.z.number().int().min(0).max(7 * 24 * 60).default(60),
  weeklyQuota: import_zod5.z.number().int().min(0).max(50).default(0),
  requiresApproval: import_zod5.z.boolean().default(false),
  documents: import_zod5.z.array(import_zod5.z.string().trim().min(1).max(60)).max(20).default([]),
  active: import_zod5.z.boolean().default(true)
});
var saveResource = defineContract({
  name: "bookings.saveResource",
  summary: "\u65B0\u5EFA\u6216\u4FEE\u6539\u529F\u80FD\u5BA4\u3001\u5927\u5385\u4E8B\u9879\uFF08\u5F00\u653E\u65F6\u95F4\u3001\u5BB9\u91CF\u3001\u89C4\u5219\uFF09",
  kind: "command",
  access: ADMINS,
  input: SaveResourceInput
}).returns();
var CloseDatesInput = import_zod5.z.object({
  resourceId: id2,
  close: import_zod5.z.array(import_zod5.z.object({ date: day, reason: import_zod5.z.string().trim().min(2, "\u8BF7\u586B\u5199\u6682\u505C\u539F\u56E0").max(40) })).max(60).default([]),
  reopen: import_zod5.z.array(day).max(60).default([])
});
var closeDates = defineContract({
  name: "bookings.closeDates",
  summary: "\u8BBE\u7F6E\u6682\u505C\u5F00\u653E\u7684\u65E5\u671F\uFF08\u5DF2\u6709\u9884\u7EA6\u81EA\u52A8\u53D6\u6D88\u5E76\u901A\u77E5\uFF09\uFF0C\u6216\u6062\u590D\u5F00\u653E",
  kind: "command",
  access: ADMINS,
  input: CloseDatesInput
}).returns();
var ManageResourcesInput = import_zod5.z.object({ communityId: id2.optional() });
var manageResources = defineContract({
  name: "bookings.manageResources",
  summary: "\u540E\u53F0\uFF1A\u7BA1\u8F96\u8303\u56F4\u5185\u7684\u670D\u52A1\u4E2D\u5FC3\u53CA\u5176\u5168\u90E8\u529F\u80FD\u5BA4\u4E0E\u5927\u5385\u4E8B\u9879\uFF08\u542B\u505C\u7528\u7684\uFF09",
  kind: "query",
  access: ADMINS,
  input: ManageResourcesInput
}).returns();
var bookingsContracts = [
  manageResources,
  listResources,
  availability,
  createBooking,
  cancelBooking,
  rescheduleBooking,
  myBookings,
  todayBookings,
  checkInBooking,
  markNoShow,
  advanceBooking,
  approveBooking,
  rejectBooking,
  pendingBookings,
  saveResource,
  closeDates
];

// types/communities.ts
var import_zod6 = require("zod");
var REGION_LEVELS = ["district", "street", "community", "grid"];
var ListCommunitiesInput = import_zod6.z.object({
  level: import_zod6.z.enum(REGION_LEVELS).optional(),
  parentId: import_zod6.z.string().max(64).optional()
});
var listCommunities = defineContract({
  name: "communities.list",
  summary: "\u533A\u3001\u8857\u9053/\u9547\u3001\u793E\u533A/\u6751\u4E0E\u7F51\u683C\u7684\u5217\u8868",
  kind: "query",
  access: PUBLIC,
  input: ListCommunitiesInput
}).returns();
var communitiesContracts = [listCommunities];

// types/events.ts
var import_zod7 = require("zod");

// types/events-model.ts
var EVENT_CATEGORIES = ["\u4E49\u8BCA", "\u8BB2\u5EA7", "\u6587\u4F53\u6D3B\u52A8", "\u5FD7\u613F\u670D\u52A1", "\u5BA3\u4F20", "\u515A\u8BFE"];
var EVENT_STATUS_TEXT = {
  upcoming: "\u5373\u5C06\u5F00\u653E\u62A5\u540D",
  open: "\u62A5\u540D\u4E2D",
  full: "\u5DF2\u6EE1\xB7\u53EF\u5019\u8865",
  signupClosed: "\u62A5\u540D\u622A\u6B62",
  noSignup: "\u65E0\u9700\u62A5\u540D",
  ongoing: "\u8FDB\u884C\u4E2D",
  ended: "\u5DF2\u7ED3\u675F",
  cancelled: "\u5DF2\u53D6\u6D88"
};
function eventStatus(e, now) {
  if (e.state === "cancelled") return "cancelled";
  if (e.state === "closed" || now >= e.endsAt) return "ended";
  if (now >= e.startsAt) return "ongoing";
  if (!e.requiresSignup) return "noSignup";
  if (now < e.signupOpensAt) return "upcoming";
  if (now >= e.signupClosesAt) return "signupClosed";
  if (e.capacity > 0 && e.confirmedCount >= e.capacity) return "full";
  return "open";
}
var REGISTRATION_STATUS_TEXT = {
  confirmed: "\u5DF2\u62A5\u540D",
  waitlisted: "\u5019\u8865\u4E2D",
  cancelled: "\u5DF2\u53D6\u6D88",
  removed: "\u5DF2\u88AB\u79FB\u51FA"
};

// types/events.ts
var id3 = import_zod7.z.string().min(1, "\u4E0D\u80FD\u4E3A\u7A7A").max(64);
var ListEventsInput = import_zod7.z.object({
  when: import_zod7.z.enum(["upcoming", "ongoing", "past"]).default("upcoming"),
  communityId: id3.optional(),
  category: import_zod7.z.enum(EVENT_CATEGORIES).optional(),
  cursor: import_zod7.z.string().max(200).optional(),
  limit: import_zod7.z.number().int().min(1).max(50).default(20)
});
var listEvents = defineContract({
  name: "events.list",
  summary: "\u6D3B\u52A8\u5217\u8868\uFF1A\u5373\u5C06\u5F00\u59CB / \u8FDB\u884C\u4E2D / \u5DF2\u7ED3\u675F\uFF0C\u6309\u793E\u533A\u4E0E\u7C7B\u522B",
  kind: "query",
  access: PUBLIC,
  input: ListEventsInput
}).returns();
var GetEventInput = import_zod7.z.object({ id: id3, sharer: import_zod7.z.string().max(64).optional() });
var getEvent = defineContract({
  name: "events.get",
  summary: "\u6D3B\u52A8\u8BE6\u60C5\uFF1A\u5269\u4F59\u540D\u989D\u3001\u5019\u8865\u4EBA\u6570\u4E0E\u6211\u7684\u62A5\u540D",
  kind: "query",
  access: PUBLIC,
  input: GetEventInput
}).returns();
var RegisterInput = import_zod7.z.object({
  eventId: id3,
  /** The sharer id from the share card the resident came through. */
  sharer: import_zod7.z.string().max(64).optional()
});
var registerForEvent = defineContract({
  name: "events.register",
  summary: "\u62A5\u540D\uFF1B\u6EE1\u5458\u65F6\u8FDB\u5165\u5019\u8865\u5E76\u544A\u77E5\u4F4D\u6B21\uFF1B\u91CD\u590D\u62A5\u540D\u8FD4\u56DE\u539F\u62A5\u540D",
  kind: "command",
  access: SIGNED_IN,
  input: RegisterInput
}).returns();
var CancelRegistrationInput = import_zod7.z.object({ eventId: id3 });
var cancelRegistration = defineContract({
  name: "events.cancelRegistration",
  summary: "\u53D6\u6D88\u62A5\u540D\uFF08\u622A\u6B62\u524D\uFF09\uFF1B\u7A7A\u51FA\u7684\u540D\u989D\u81EA\u52A8\u7ED9\u5019\u8865\u7B2C\u4E00\u4F4D",
  kind: "command",
  access: SIGNED_IN,
  input: CancelRegistrationInput
}).returns();
var MyEventsInput = import_zod7.z.object({ when: import_zod7.z.enum(["upcoming", "past"]).default("upcoming") });
var myEvents = defineContract({
  name: "events.mine",
  summary: "\u6211\u7684\u6D3B\u52A8\u4E0E\u7B7E\u5230\u7801",
  kind: "query",
  access: SIGNED_IN,
  input: MyEventsInput
}).returns();
var CheckInInput = import_zod7.z.object({
  code: import_zod7.z.string().trim().transform((s) => s.toUpperCase().replace(/[\s-]/g, "")).pipe(import_zod7.z.string().regex(/^[A-Z0-9]{8}$/, "\u7B7E\u5230\u7801\u662F8\u4F4D\u5B57\u6BCD\u6216\u6570\u5B57"))
});
var checkIn = defineContract({
  name: "events.checkIn",
  summary: "\u5DE5\u4F5C\u4EBA\u5458\u626B\u7801\u6216\u8F93\u5165\u7B7E\u5230\u7801\u4E3A\u5C45\u6C11\u7B7E\u5230",
  kind: "command",
  access: rolesOnly("gridWorker", "agent", "communityAdmin", "districtAdmin"),
  input: CheckInInput
}).returns();
var RegistrantsInput = import_zod7.z.object({ eventId: id3 });
var listRegistrants = defineContract({
  name: "events.registrants",
  summary: "\u672C\u793E\u533A\u6D3B\u52A8\u7684\u62A5\u540D\u4E0E\u5019\u8865\u540D\u5355",
  kind: "query",
  access: rolesOnly("gridWorker", "agent", "communityAdmin", "districtAdmin"),
  input: RegistrantsInput
}).returns();
var EventFields = import_zod7.z.object({
  title: import_zod7.z.string().trim().min(2, "\u6807\u9898\u81F3\u5C112\u4E2A\u5B57").max(40, "\u6807\u9898\u6700\u591A40\u4E2A\u5B57"),
  category: import_zod7.z.enum(EVENT_CATEGORIES, { message: "\u8BF7\u9009\u62E9\u6D3B\u52A8\u7C7B\u522B" }),
  scopeId: id3,
  description: import_zod7.z.string().trim().max(5e3, "\u4ECB\u7ECD\u6700\u591A5000\u5B57").default(""),
  organizer: import_zod7.z.string().trim().min(2, "\u8BF7\u586B\u5199\u4E3B\u529E\u5355\u4F4D").max(40),
  partners: import_zod7.z.array(import_zod7.z.string().trim().min(1).max(40)).max(10).default([]),
  venue: import_zod7.z.string().trim().min(2, "\u8BF7\u586B\u5199\u6D3B\u52A8\u5730\u70B9").max(80),
  startsAt: import_zod7.z.coerce.date({ message: "\u5F00\u59CB\u65F6\u95F4\u4E0D\u6B63\u786E" }),
  endsAt: import_zod7.z.coerce.date({ message: "\u7ED3\u675F\u65F6\u95F4\u4E0D\u6B63\u786E" }),
  requiresSignup: import_zod7.z.boolean().default(true),
  /** 0 = unlimited. */
  capacity: import_zod7.z.number().int().min(0, "\u540D\u989D\u4E0D\u80FD\u4E3A\u8D1F").max(1e5).default(0),
  signupOpensAt: import_zod7.z.coerce.date().optional(),
  signupClosesAt: import_zod7.z.coerce.date().optional(),
  /** Residents may cancel until this many minutes before the start. */
  cancelCutoffMinutes: import_zod7.z.number().int().min(0).max(7 * 24 * 60).default(120)
});
var CreateEventInput = EventFields;
var createEvent = defineContract({
  name: "events.create",
  summary: "\u65B0\u5EFA\u6D3B\u52A8\uFF08\u8349\u7A3F\uFF09",
  kind: "command",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: CreateEventInput
}).returns();
var UpdateEventInput = import_zod7.z.object({ id: id3 }).extend(
  Object.fromEntries(Object.entries(EventFields.shape).map(([k, v]) => [k, v.optional()]))
);
var updateEvent = defineContract({
  name: "events.update",
  summary: "\u4FEE\u6539\u6D3B\u52A8\uFF1B\u52A0\u540D\u989D\u65F6\u5019\u8865\u81EA\u52A8\u9012\u8865",
  kind: "command",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: UpdateEventInput
}).returns();
var PublishEventInput = import_zod7.z.object({ id: id3 });
var publishEvent = defineContract({
  name: "events.publish",
  summary: "\u53D1\u5E03\u6D3B\u52A8",
  kind: "command",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: PublishEventInput
}).returns();
var CancelEventInput = import_zod7.z.object({ id: id3, reason: import_zod7.z.string().trim().min(2, "\u8BF7\u586B\u5199\u53D6\u6D88\u539F\u56E0").max(60) });
var cancelEvent = defineContract({
  name: "events.cancel",
  summary: "\u53D6\u6D88\u6D3B\u52A8\u5E76\u901A\u77E5\u6240\u6709\u62A5\u540D\u4E0E\u5019\u8865\u7684\u5C45\u6C11",
  kind: "command",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: CancelEventInput
}).returns();
var CloseEventInput = import_zod7.z.object({
  id: id3,
  attendance: import_zod7.z.number().int().min(0).max(1e6).optional(),
  residentsServed: import_zod7.z.number().int().min(0, "\u670D\u52A1\u4EBA\u6570\u4E0D\u80FD\u4E3A\u8D1F").max(1e6)
});
var closeEvent = defineContract({
  name: "events.close",
  summary: "\u6D3B\u52A8\u7ED3\u675F\u540E\u8BB0\u5F55\u5230\u573A\u4EBA\u6570\u4E0E\u670D\u52A1\u5C45\u6C11\u4EBA\u6570",
  kind: "command",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: CloseEventInput
}).returns();
var RemoveRegistrationInput = import_zod7.z.object({ registrationId: id3 });
var removeRegistration = defineContract({
  name: "events.removeRegistration",
  summary: "\u7BA1\u7406\u5458\u79FB\u51FA\u4E00\u540D\u62A5\u540D\u8005\uFF1B\u5019\u8865\u7B2C\u4E00\u4F4D\u81EA\u52A8\u9012\u8865",
  kind: "command",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: RemoveRegistrationInput
}).returns();
var ManageEventsInput = import_zod7.z.object({
  state: import_zod7.z.enum(["draft", "published", "cancelled", "closed"]).optional(),
  category: import_zod7.z.enum(EVENT_CATEGORIES).optional(),
  q: import_zod7.z.string().trim().max(40).optional(),
  page: import_zod7.z.number().int().min(1).max(1e4).default(1),
  pageSize: import_zod7.z.number().int().min(1).max(100).default(20)
});
var manageEvents = defineContract({
  name: "events.manage",
  summary: "\u540E\u53F0\u6D3B\u52A8\u5217\u8868\uFF1A\u7BA1\u8F96\u8303\u56F4\u5185\u5168\u90E8\u72B6\u6001\u7684\u6D3B\u52A8\uFF08\u542B\u8349\u7A3F\uFF09",
  kind: "query",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: ManageEventsInput
}).returns();
var eventsContracts = [
  manageEvents,
  listEvents,
  getEvent,
  registerForEvent,
  cancelRegistration,
  myEvents,
  checkIn,
  listRegistrants,
  createEvent,
  updateEvent,
  publishEvent,
  cancelEvent,
  closeEvent,
  removeRegistration
];

// types/honors.ts
var import_zod8 = require("zod");

// types/honors-model.ts
var NOMINATION_STATUS_TEXT = { pending: "\u5F85\u5BA1\u6838", accepted: "\u5DF2\u5165\u9009", declined: "\u672A\u5165\u9009" };
var THANKS_TARGETS = ["staff", "unit", "volunteer"];
var THANKS_FLOW = {
  pending: { text: "\u5F85\u5BA1\u6838", decisions: { approve: "approved", reject: "rejected" } },
  approved: { text: "\u5DF2\u5C55\u793A", decisions: { reject: "rejected" } },
  hidden: { text: "\u88AB\u4E3E\u62A5\uFF0C\u5F85\u590D\u6838", decisions: { approve: "approved", reject: "rejected" } },
  rejected: { text: "\u672A\u901A\u8FC7", decisions: {} }
};
var REPORTS_TO_HIDE = 3;

// types/honors.ts
var id4 = import_zod8.z.string().min(1, "\u4E0D\u80FD\u4E3A\u7A7A").max(64);
var ListHonorListsInput = import_zod8.z.object({ year: import_zod8.z.number().int().min(2e3).max(2100).optional(), communityId: id4.optional() });
var listHonorLists = defineContract({
  name: "honors.lists",
  summary: "\u5149\u8363\u699C\uFF1A\u5404\u5E74\u5EA6\u3001\u5404\u793E\u533A\u4E0E\u5168\u533A\u7684\u699C\u5355",
  kind: "query",
  access: PUBLIC,
  input: ListHonorListsInput
}).returns();
var GetHonorListInput = import_zod8.z.object({ id: id4 });
var getHonorList = defineContract({
  name: "honors.list",
  summary: "\u4E00\u4E2A\u699C\u5355\u53CA\u5176\u6309\u7C7B\u522B\u6392\u5217\u7684\u4EBA\u7269",
  kind: "query",
  access: PUBLIC,
  input: GetHonorListInput
}).returns();
var GetHonorEntryInput = import_zod8.z.object({ id: id4, sharer: import_zod8.z.string().max(64).optional() });
var getHonorEntry = defineContract({
  name: "honors.entry",
  summary: "\u5149\u8363\u699C\u4EBA\u7269\u7684\u4E8B\u8FF9",
  kind: "query",
  access: PUBLIC,
  input: GetHonorEntryInput
}).returns();
var LikeInput = import_zod8.z.object({ id: id4 });
var likeHonorEntry = defineContract({
  name: "honors.like",
  summary: "\u4E3A\u5149\u8363\u699C\u4EBA\u7269\u70B9\u8D5E\uFF08\u6BCF\u4EBA\u4E00\u6B21\uFF09",
  kind: "command",
  access: SIGNED_IN,
  input: LikeInput
}).returns();
var PosterCodeInput = import_zod8.z.object({ id: id4 });
var honorPosterCode = defineContract({
  name: "honors.posterCode",
  summary: "\u6D77\u62A5\u7528\u7684\u5C0F\u7A0B\u5E8F\u7801\uFF08PNG data URL\uFF09",
  kind: "query",
  access: PUBLIC,
  input: PosterCodeInput
}).returns();
var NominateInput = import_zod8.z.object({
  communityId: id4.optional(),
  nomineeName: import_zod8.z.string().trim().min(1, "\u8BF7\u586B\u5199\u88AB\u63A8\u8350\u4EBA\u7684\u59D3\u540D").max(20),
  category: import_zod8.z.string().trim().min(2, "\u8BF7\u9009\u62E9\u7C7B\u522B").max(20),
  reason: import_zod8.z.string().trim().min(10, "\u8BF7\u5199\u5199\u63A8\u8350\u7406\u7531\uFF0C\u81F3\u5C1110\u4E2A\u5B57").max(1e3)
});
var nominate = defineContract({
  name: "honors.nominate",
  summary: "\u63A8\u8350\u8EAB\u8FB9\u7684\u597D\u4EBA\u8FDB\u5165\u660E\u5E74\u7684\u5149\u8363\u699C",
  kind: "command",
  access: SIGNED_IN,
  input: NominateInput
}).returns();
var MyNominationsInput = import_zod8.z.object({});
var myNominations = defineContract({
  name: "honors.myNominations",
  summary: "\u6211\u63A8\u8350\u7684\u4EBA\u4E0E\u5BA1\u6838\u7ED3\u679C",
  kind: "query",
  access: SIGNED_IN,
  input: MyNominationsInput
}).returns();
var ThanksListInput = import_zod8.z.object({ communityId: id4.optional(), cursor: import_zod8.z.string().max(200).optional(), limit: import_zod8.z.number().int().min(1).max(50).default(20) });
var listThanks = defineContract({
  name: "thanks.list",
  summary: "\u611F\u8C22\u5899\uFF1A\u5BA1\u6838\u901A\u8FC7\u7684\u611F\u8C22\u4E0E\u9526\u65D7",
  kind: "query",
  access: PUBLIC,
  input: ThanksListInput
}).returns();
var PostThanksInput = import_zod8.z.object({
  targetKind: import_zod8.z.enum(THANKS_TARGETS),
  /** For a staff member: their user id (from a list of the community's staff). */
  targetUserId: id4.optional(),
  /** For a unit or volunteer: the name. */
  targetName: import_zod8.z.string().trim().min(2, "\u8BF7\u5199\u660E\u8981\u611F\u8C22\u7684\u5355\u4F4D\u6216\u4EBA").max(30).optional(),
  communityId: id4.optional(),
  text: import_zod8.z.string().trim().min(4, "\u611F\u8C22\u7684\u8BDD\u81F3\u5C114\u4E2A\u5B57").max(500),
  photoId: id4.optional()
});
var postThanks = defineContract({
  name: "thanks.post",
  summary: "\u53D1\u4E00\u6761\u611F\u8C22\uFF08\u53EF\u9644\u9526\u65D7\u7167\u7247\uFF09\uFF0C\u5BA1\u6838\u540E\u4E0A\u5899",
  kind: "command",
  access: SIGNED_IN,
  input: PostThanksInput
}).returns();
var ReportThanksInput = import_zod8.z.object({ id: id4, reason: import_zod8.z.string().trim().min(2, "\u8BF7\u8BF4\u660E\u4E3E\u62A5\u539F\u56E0").max(200) });
var reportThanks = defineContract({
  name: "thanks.report",
  summary: "\u4E3E\u62A5\u4E00\u6761\u611F\u8C22\uFF1B3\u4EBA\u4E3E\u62A5\u540E\u6682\u65F6\u9690\u85CF\u5F85\u590D\u6838",
  kind: "command",
  access: SIGNED_IN,
  input: ReportThanksInput
}).returns();
var ThanksMineInput = import_zod8.z.object({});
var thanksReceived = defineContract({
  name: "thanks.mine",
  summary: "\u5DE5\u4F5C\u4EBA\u5458\uFF1A\u6211\u6536\u5230\u7684\u611F\u8C22",
  kind: "query",
  access: rolesOnly("gridWorker", "agent", "communityAdmin", "districtAdmin"),
  input: ThanksMineInput
}).returns();
var StaffToThankInput = import_zod8.z.object({ communityId: id4 });
var staffToThank = defineContract({
  name: "thanks.staff",
  summary: "\u53EF\u4EE5\u611F\u8C22\u7684\u793E\u533A\u5DE5\u4F5C\u4EBA\u5458\uFF08\u59D3\u540D\u4E0E\u5C97\u4F4D\uFF09",
  kind: "query",
  access: PUBLIC,
  input: StaffToThankInput
}).returns();
var ADMINS2 = rolesOnly("communityAdmin", "districtAdmin");
var SaveListInput = import_zod8.z.object({
  id: id4.optional(),
  year: import_zod8.z.number().int().min(2e3).max(2100),
  scopeId: id4,
  title: import_zod8.z.string().trim().min(4, "\u6807\u9898\u81F3\u5C114\u4E2A\u5B57").max(40),
  categories: import_zod8.z.array(import_zod8.z.string().trim().min(2).max(20)).min(1, "\u81F3\u5C11\u4E00\u4E2A\u7C7B\u522B").max(20)
});
var saveHonorList = defineContract({
  name: "honors.saveList",
  summary: "\u65B0\u5EFA\u6216\u4FEE\u6539\u699C\u5355",
  kind: "command",
  access: ADMINS2,
  input: SaveListInput
}).returns();
var SaveEntryInput = import_zod8.z.object({
  id: id4.optional(),
  listId: id4,
  name: import_zod8.z.string().trim().min(1, "\u8BF7\u586B\u5199\u59D3\u540D").max(20),
  category: import_zod8.z.string().trim().min(2).max(20),
  communityId: id4,
  photoId: id4.nullable().optional(),
  storyHtml: import_zod8.z.string().min(1, "\u8BF7\u586B\u5199\u4E8B\u8FF9").max(5e4),
  sort: import_zod8.z.number().int().min(0).max(1e4).default(0)
});
var saveHonorEntry = defineContract({
  name: "honors.saveEntry",
  summary: "\u65B0\u5EFA\u6216\u4FEE\u6539\u699C\u5355\u4EBA\u7269",
  kind: "command",
  access: ADMINS2,
  input: SaveEntryInput
}).returns();
var PublishListInput = import_zod8.z.object({ id: id4, published: import_zod8.z.boolean() });
var publishHonorList = defineContract({
  name: "honors.publish",
  summary: "\u53D1\u5E03\u6216\u64A4\u4E0B\u699C\u5355",
  kind: "command",
  access: ADMINS2,
  input: PublishListInput
}).returns();
var NominationsInput = import_zod8.z.object({ status: import_zod8.z.enum(["pending", "accepted", "declined"]).default("pending") });
var listNominations = defineContract({
  name: "honors.nominations",
  summary: "\u7BA1\u8F96\u8303\u56F4\u5185\u7684\u63A8\u8350",
  kind: "query",
  access: ADMINS2,
  input: NominationsInput
}).returns();
var ReviewNominationInput = import_zod8.z.object({
  id: id4,
  decision: import_zod8.z.enum(["accept", "decline"]),
  /** accept: the list the nominee joins (an entry is created from the reason). */
  listId: id4.optional(),
  reason: import_zod8.z.string().trim().max(200).optional()
});
var reviewNomination = defineContract({
  name: "honors.reviewNomination",
  summary: "\u5BA1\u6838\u63A8\u8350\uFF1A\u5165\u9009\u67D0\u4E2A\u699C\u5355\uFF0C\u6216\u8BF4\u660E\u7406\u7531\u4E0D\u5165\u9009",
  kind: "command",
  access: ADMINS2,
  input: ReviewNominationInput
}).returns();
var ThanksQueueInput = import_zod8.z.object({ status: import_zod8.z.enum(["pending", "hidden"]).default("pending") });
var thanksQueue = defineContract({
  name: "thanks.queue",
  summary: "\u5F85\u5BA1\u6838\u4E0E\u88AB\u4E3E\u62A5\u9690\u85CF\u7684\u611F\u8C22",
  kind: "query",
  access: ADMINS2,
  input: ThanksQueueInput
}).returns();
var ReviewThanksInput = import_zod8.z.object({ id: id4, decision: import_zod8.z.enum(["approve", "reject"]), reason: import_zod8.z.string().trim().max(200).optional() });
var reviewThanks = defineContract({
  name: "thanks.review",
  summary: "\u5BA1\u6838\u611F\u8C22\uFF1A\u4E0A\u5899\u6216\u4E0D\u901A\u8FC7",
  kind: "command",
  access: ADMINS2,
  input: ReviewThanksInput
}).returns();
var ManageHonorListsInput = import_zod8.z.object({});
var manageHonorLists = defineContract({
  name: "honors.manage",
  summary: "\u540E\u53F0\u699C\u5355\u5217\u8868\uFF1A\u7BA1\u8F96\u8303\u56F4\u5185\u5DF2\u53D1\u5E03\u4E0E\u672A\u53D1\u5E03\u7684\u699C\u5355",
  kind: "query",
  access: ADMINS2,
  input: ManageHonorListsInput
}).returns();
var honorsContracts = [
  manageHonorLists,
  listHonorLists,
  getHonorList,
  getHonorEntry,
  likeHonorEntry,
  honorPosterCode,
  nominate,
  myNominations,
  listThanks,
  postThanks,
  reportThanks,
  thanksReceived,
  staffToThank,
  saveHonorList,
  saveHonorEntry,
  publishHonorList,
  listNominations,
  reviewNomination,
  thanksQueue,
  reviewThanks
];

// types/petitions.ts
var import_zod9 = require("zod");

// types/petitions-model.ts
var PETITION_KINDS = ["petition", "request"];
var PETITION_KIND_TEXT = { petition: "\u4FE1\u8BBF\u4EE3\u529E", request: "\u6211\u8981\u53CD\u6620" };
var PETITION_CATEGORIES = ["\u9053\u8DEF\u8BBE\u65BD", "\u52B3\u52A8\u4FDD\u969C/\u6B20\u85AA", "\u517B\u8001\u52A9\u8001", "\u73AF\u5883\u536B\u751F", "\u90BB\u91CC\u7EA0\u7EB7", "\u5176\u4ED6"];
var RESOLUTION_TARGET_WORKDAYS = {
  \u9053\u8DEF\u8BBE\u65BD: 15,
  "\u52B3\u52A8\u4FDD\u969C/\u6B20\u85AA": 10,
  \u517B\u8001\u52A9\u8001: 5,
  \u73AF\u5883\u536B\u751F: 5,
  \u90BB\u91CC\u7EA0\u7EB7: 10,
  \u5176\u4ED6: 10
};
var PETITION_FLOW = {
  submitted: { text: "\u5DF2\u63D0\u4EA4", actions: { assign: "submitted", accept: "accepted", transfer: "transferred", decline: "declined" } },
  accepted: { text: "\u5DF2\u53D7\u7406", actions: { note: "in_progress", resolve: "resolved", transfer: "transferred", decline: "declined" } },
  in_progress: { text: "\u529E\u7406\u4E2D", actions: { note: "in_progress", resolve: "resolved", transfer: "transferred", decline: "declined" } },
  resolved: { text: "\u5DF2\u529E\u7ED3", actions: { confirm: "closed", reopen: "in_progress", autoClose: "closed" } },
  closed: { text: "\u5DF2\u7ED3\u6848", actions: {} },
  transferred: { text: "\u5DF2\u8F6C\u529E", actions: {} },
  declined: { text: "\u4E0D\u4E88\u53D7\u7406", actions: {} }
};
function petitionNext(status, action) {
  return PETITION_FLOW[status].actions[action] ?? null;
}
var REOPEN_DAYS = 7;

// types/petitions.ts
var id5 = import_zod9.z.string().min(1, "\u4E0D\u80FD\u4E3A\u7A7A").max(64);
var phone = import_zod9.z.string().trim().regex(/^1\d{10}$/, "\u8BF7\u586B\u519911\u4F4D\u624B\u673A\u53F7");
var Location = import_zod9.z.object({ latitude: import_zod9.z.number().min(-90).max(90), longitude: import_zod9.z.number().min(-180).max(180), address: import_zod9.z.string().trim().max(120).default("") });
var SubmitPetitionInput = import_zod9.z.object({
  kind: import_zod9.z.enum(PETITION_KINDS),
  category: import_zod9.z.enum(PETITION_CATEGORIES, { message: "\u8BF7\u9009\u62E9\u7C7B\u522B" }),
  title: import_zod9.z.string().trim().min(4, "\u6807\u9898\u81F3\u5C114\u4E2A\u5B57").max(40, "\u6807\u9898\u6700\u591A40\u4E2A\u5B57"),
  description: import_zod9.z.string().trim().min(10, "\u8BF7\u628A\u60C5\u51B5\u5199\u6E05\u695A\uFF0C\u81F3\u5C1110\u4E2A\u5B57").max(2e3, "\u6700\u591A2000\u5B57"),
  /** File ids from `POST /api/uploads`. */
  photoIds: import_zod9.z.array(id5).max(9, "\u6700\u591A\u4E0A\u4F209\u5F20\u7167\u7247").default([]),
  location: Location.nullable().default(null),
  contactPhone: phone,
  /** Required for 信访代办. */
  idNumber: import_zod9.z.string().trim().max(18).optional(),
  anonymous: import_zod9.z.boolean().default(false),
  /** Defaults to the resident's home community. */
  communityId: id5.optional()
});
var submitPetition = defineContract({
  name: "petitions.submit",
  summary: "\u63D0\u4EA4\u4FE1\u8BBF\u4EE3\u529E\u6216\u8BC9\u6C42\uFF1B\u6309\u793E\u533A\u5206\u6D3E\u7ED9\u5F53\u5929\u503C\u73ED\u4EE3\u529E\u5458",
  kind: "command",
  access: SIGNED_IN,
  input: SubmitPetitionInput
}).returns();
var MyPetitionsInput = import_zod9.z.object({});
var myPetitions = defineContract({
  name: "petitions.mine",
  summary: "\u6211\u63D0\u4EA4\u7684\u4E8B\u9879\u4E0E\u529E\u7406\u4EBA",
  kind: "query",
  access: SIGNED_IN,
  input: MyPetitionsInput
}).returns();
var GetPetitionInput = import_zod9.z.object({ id: id5 });
var getPetition = defineContract({
  name: "petitions.get",
  summary: "\u4E8B\u9879\u8BE6\u60C5\u4E0E\u65F6\u95F4\u7EBF\uFF08\u4EC5\u63D0\u4EA4\u4EBA\u3001\u627F\u529E\u4EE3\u529E\u5458\u4E0E\u672C\u793E\u533A\u7BA1\u7406\u5458\u53EF\u89C1\uFF09",
  kind: "query",
  access: SIGNED_IN,
  input: GetPetitionInput
}).returns();
var ConfirmInput = import_zod9.z.object({
  id: id5,
  stars: import_zod9.z.number().int().min(1, "\u8BF7\u62531\u52305\u661F").max(5, "\u8BF7\u62531\u52305\u661F"),
  comment: import_zod9.z.string().trim().max(200).default("")
});
var confirmPetition = defineContract({
  name: "petitions.confirm",
  summary: "\u5C45\u6C11\u786E\u8BA4\u95EE\u9898\u5DF2\u89E3\u51B3\u5E76\u8BC4\u4EF7",
  kind: "command",
  access: SIGNED_IN,
  input: ConfirmInput
}).returns();
var ReopenInput = import_zod9.z.object({ id: id5, reason: import_zod9.z.string().trim().min(2, "\u8BF7\u8BF4\u660E\u8FD8\u6709\u4EC0\u4E48\u95EE\u9898").max(500) });
var reopenPetition = defineContract({
  name: "petitions.reopen",
  summary: "\u5C45\u6C11\u8BA4\u4E3A\u6CA1\u6709\u89E3\u51B3\uFF0C7\u5929\u5185\u53EF\u91CD\u65B0\u6253\u5F00\u4E00\u6B21",
  kind: "command",
  access: SIGNED_IN,
  input: ReopenInput
}).returns();
var STAFF2 = rolesOnly("agent", "communityAdmin", "districtAdmin");
var ADMINS3 = rolesOnly("communityAdmin", "districtAdmin");
var InboxInput = import_zod9.z.object({ status: import_zod9.z.enum(["open", "all"]).default("open") });
var petitionInbox = defineContract({
  name: "petitions.inbox",
  summary: "\u4EE3\u529E\u5458\u4E0E\u7BA1\u7406\u5458\u7684\u5F85\u529E\u4E8B\u9879\uFF0C\u8D85\u671F\u5728\u524D",
  kind: "query",
  access: STAFF2,
  input: InboxInput
}).returns();
var PetitionIdInput = import_zod9.z.object({ id: id5 });
var acceptPetition = defineContract({
  name: "petitions.accept",
  summary: "\u4EE3\u529E\u5458\u4EE5\u672C\u4EBA\u540D\u4E49\u53D7\u7406",
  kind: "command",
  access: rolesOnly("agent"),
  input: PetitionIdInput
}).returns();
var NoteInput = import_zod9.z.object({ id: id5, note: import_zod9.z.string().trim().min(2, "\u8BF7\u5199\u4E0B\u8FDB\u5C55").max(500) });
var notePetition = defineContract({
  name: "petitions.note",
  summary: "\u8BB0\u5F55\u529E\u7406\u8FDB\u5C55\uFF08\u5C45\u6C11\u53EF\u89C1\uFF09",
  kind: "command",
  access: rolesOnly("agent"),
  input: NoteInput
}).returns();
var ResolveInput = import_zod9.z.object({ id: id5, resolution: import_zod9.z.string().trim().min(4, "\u8BF7\u5199\u660E\u529E\u7406\u7ED3\u679C").max(1e3) });
var resolvePetition = defineContract({
  name: "petitions.resolve",
  summary: "\u529E\u7ED3\u5E76\u5199\u660E\u7ED3\u679C\uFF1B\u5C45\u6C11\u4F1A\u6536\u5230\u201C\u95EE\u9898\u89E3\u51B3\u4E86\u5417\uFF1F\u201D",
  kind: "command",
  access: rolesOnly("agent"),
  input: ResolveInput
}).returns();
var TransferInput = import_zod9.z.object({ id: id5, to: import_zod9.z.string().trim().min(2, "\u8BF7\u5199\u660E\u8F6C\u4EA4\u7684\u793E\u533A\u6216\u5355\u4F4D").max(60), reason: import_zod9.z.string().trim().min(2, "\u8BF7\u5199\u660E\u8F6C\u529E\u539F\u56E0").max(300) });
var transferPetition = defineContract({
  name: "petitions.transfer",
  summary: "\u8F6C\u4EA4\u5176\u4ED6\u793E\u533A\u6216\u5355\u4F4D\u529E\u7406\uFF08\u672C\u793E\u533A\u7ED3\u675F\uFF09",
  kind: "command",
  access: STAFF2,
  input: TransferInput
}).returns();
var DeclineInput = import_zod9.z.object({ id: id5, reason: import_zod9.z.string().trim().min(2, "\u8BF7\u5199\u660E\u4E0D\u4E88\u53D7\u7406\u7684\u539F\u56E0").max(300) });
var declinePetition = defineContract({
  name: "petitions.decline",
  summary: "\u4E0D\u4E88\u53D7\u7406\u5E76\u8BF4\u660E\u539F\u56E0",
  kind: "command",
  access: STAFF2,
  input: DeclineInput
}).returns();
var FileOnBehalfInput = SubmitPetitionInput.omit({ anonymous: true, communityId: true }).extend({
  residentName: import_zod9.z.string().trim().min(1, "\u8BF7\u586B\u5199\u5C45\u6C11\u59D3\u540D").max(20),
  communityId: id5
});
var fileOnBehalf = defineContract({
  name: "petitions.fileOnBehalf",
  summary: "\u5DE5\u4F5C\u4EBA\u5458\u4E3A\u6CA1\u6709\u667A\u80FD\u624B\u673A\u7684\u5C45\u6C11\u4EE3\u4E3A\u767B\u8BB0\uFF08\u51ED\u624B\u673A\u53F7\u53EF\u8BA4\u9886\uFF09",
  kind: "command",
  access: rolesOnly("gridWorker", "agent", "communityAdmin", "districtAdmin"),
  input: FileOnBehalfInput
}).returns();
var AssignInput = import_zod9.z.object({ id: id5, agentId: id5 });
var assignPetition = defineContract({
  name: "petitions.assign",
  summary: "\u7BA1\u7406\u5458\u628A\u4E8B\u9879\u5206\u6D3E\u7ED9\u672C\u793E\u533A\u7684\u4EE3\u529E\u5458",
  kind: "command",
  access: ADMINS3,
  input: AssignInput
}).returns();
var RosterInput = import_zod9.z.object({
  communityId: id5,
  /** Replaces the roster when given: the agent on duty for each ISO weekday ('1' = Monday). */
  set: import_zod9.z.partialRecord(import_zod9.z.enum(["1", "2", "3", "4", "5", "6", "7"]), id5).optional()
});
var petitionRoster = defineContract({
  name: "petitions.roster",
  summary: "\u4EE3\u529E\u5458\u503C\u73ED\u8868\uFF1A\u67E5\u770B\u6216\u8BBE\u7F6E",
  kind: "command",
  access: ADMINS3,
  input: RosterInput
}).returns();
var OverdueInput = import_zod9.z.object({ communityId: id5.optional() });
var overduePetitions = defineContract({
  name: "petitions.overdue",
  summary: "\u8D85\u671F\u672A\u53D7\u7406\u6216\u672A\u529E\u7ED3\u7684\u4E8B\u9879",
  kind: "query",
  access: ADMINS3,
  input: OverdueInput
}).returns();
var petitionsContracts = [
  submitPetition,
  myPetitions,
  getPetition,
  confirmPetition,
  reopenPetition,
  petitionInbox,
  acceptPetition,
  notePetition,
  resolvePetition,
  transferPetition,
  declinePetition,
  fileOnBehalf,
  assignPetition,
  petitionRoster,
  overduePetitions
];

// types/roles.ts
var import_zod10 = require("zod");
var id6 = import_zod10.z.string().min(1, "\u4E0D\u80FD\u4E3A\u7A7A").max(64);
var GrantRoleInput = import_zod10.z.object({ userId: id6, role: import_zod10.z.enum(STAFF_ROLES), scopeId: id6 });
var grantRole = defineContract({
  name: "roles.grant",
  summary: "\u5728\u7BA1\u8F96\u8303\u56F4\u5185\u6388\u4E88\u5DE5\u4F5C\u4EBA\u5458\u89D2\u8272",
  kind: "command",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: GrantRoleInput
}).returns();
var RevokeRoleInput = GrantRoleInput;
var revokeRole = defineContract({
  name: "roles.revoke",
  summary: "\u5728\u7BA1\u8F96\u8303\u56F4\u5185\u6536\u56DE\u5DE5\u4F5C\u4EBA\u5458\u89D2\u8272",
  kind: "command",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: RevokeRoleInput
}).returns();
var ListStaffInput = import_zod10.z.object({ scopeId: id6.optional() });
var listStaff = defineContract({
  name: "roles.list",
  summary: "\u7BA1\u8F96\u8303\u56F4\u5185\u7684\u5DE5\u4F5C\u4EBA\u5458\u53CA\u5176\u89D2\u8272",
  kind: "query",
  access: rolesOnly("communityAdmin", "districtAdmin"),
  input: ListStaffInput
}).returns();
var rolesContracts = [grantRole, revokeRole, listStaff];

// types/shares.ts
var import_zod11 = require("zod");
var MySharesInput = import_zod11.z.object({});
var myShares = defineContract({
  name: "shares.mine",
  summary: "\u6211\u5206\u4EAB\u7684\u5361\u7247\u5E26\u6765\u7684\u6D4F\u89C8\u4E0E\u62A5\u540D\uFF08\u4EC5\u672C\u4EBA\u53EF\u89C1\uFF09",
  kind: "query",
  access: SIGNED_IN,
  input: MySharesInput
}).returns();
var sharesContracts = [myShares];

// types/users.ts
var import_zod12 = require("zod");
var GetProfileInput = import_zod12.z.object({});
var getProfile = defineContract({
  name: "users.me",
  summary: "\u6211\u7684\u8D44\u6599",
  kind: "query",
  access: SIGNED_IN,
  input: GetProfileInput
}).returns();
var UpdateProfileInput = import_zod12.z.object({
  nickname: import_zod12.z.string().trim().min(1, "\u6635\u79F0\u4E0D\u80FD\u4E3A\u7A7A").max(20, "\u6635\u79F0\u6700\u591A20\u4E2A\u5B57").optional(),
  avatarUrl: import_zod12.z.string().url("\u5934\u50CF\u5730\u5740\u4E0D\u6B63\u786E").max(500).startsWith("https://", "\u5934\u50CF\u5730\u5740\u9700\u4EE5 https:// \u5F00\u5934").nullable().optional(),
  homeCommunityId: import_zod12.z.string().min(1).max(64).nullable().optional()
}).strict();
var updateProfile = defineContract({
  name: "users.updateProfile",
  summary: "\u4FEE\u6539\u6635\u79F0\u3001\u5934\u50CF\u4E0E\u6240\u5728\u793E\u533A",
  kind: "command",
  access: SIGNED_IN,
  input: UpdateProfileInput
}).returns();
var BindPhoneInput = import_zod12.z.object({
  /** The code from a `getPhoneNumber` button, exchanged on the host. */
  code: import_zod12.z.string().min(1, "\u7F3A\u5C11\u624B\u673A\u53F7\u6388\u6743\u7801").max(128)
});
var bindPhone = defineContract({
  name: "users.bindPhone",
  summary: "\u7528\u5FAE\u4FE1\u624B\u673A\u53F7\u6388\u6743\u7801\u7ED1\u5B9A\u624B\u673A\u53F7",
  kind: "command",
  access: SIGNED_IN,
  input: BindPhoneInput
}).returns();
var DeleteAccountInput = import_zod12.z.object({
  confirm: import_zod12.z.literal("\u6CE8\u9500", { message: "\u8BF7\u8F93\u5165\u201C\u6CE8\u9500\u201D\u4EE5\u786E\u8BA4" })
});
var deleteAccount = defineContract({
  name: "users.deleteAccount",
  summary: "\u6CE8\u9500\u8D26\u53F7\u5E76\u5220\u9664\u4E2A\u4EBA\u4FE1\u606F",
  kind: "command",
  access: SIGNED_IN,
  input: DeleteAccountInput
}).returns();
var usersContracts = [getProfile, updateProfile, bindPhone, deleteAccount];

// types/errors.ts
var ERRORS = {
  INTERNAL: { code: 1, status: 500, message: "\u670D\u52A1\u5668\u5F00\u5C0F\u5DEE\u4E86\uFF0C\u8BF7\u7A0D\u540E\u518D\u8BD5" },
  INVALID_JSON: { code: 107, status: 400, message: "\u8BF7\u6C42\u683C\u5F0F\u4E0D\u6B63\u786E" },
  INVALID_INPUT: { code: 142, status: 400, message: "\u586B\u5199\u7684\u5185\u5BB9\u6709\u8BEF\uFF0C\u8BF7\u68C0\u67E5\u540E\u518D\u63D0\u4EA4" },
  RATE_LIMITED: { code: 155, status: 429, message: "\u64CD\u4F5C\u592A\u9891\u7E41\u4E86\uFF0C\u8BF7\u7A0D\u7B49\u4E00\u4F1A\u513F\u518D\u8BD5" },
  LOGIN_FAILED: { code: 210, status: 400, message: "\u7528\u6237\u540D\u6216\u5BC6\u7801\u4E0D\u6B63\u786E" },
  SESSION_INVALID: { code: 211, status: 401, message: "\u767B\u5F55\u5DF2\u5931\u6548\uFF0C\u8BF7\u91CD\u65B0\u767B\u5F55" },
  ACCOUNT_LOCKED: { code: 219, status: 429, message: "\u5BC6\u7801\u9519\u8BEF\u6B21\u6570\u8FC7\u591A\uFF0C\u8D26\u53F7\u5DF2\u6682\u65F6\u9501\u5B9A\uFF0C\u8BF7\u7A0D\u540E\u518D\u8BD5" },
  APP_SIGNATURE_INVALID: { code: 401, status: 401, message: "\u5E94\u7528\u7B7E\u540D\u65E0\u6548\uFF0C\u8BF7\u68C0\u67E5\u5E94\u7528\u914D\u7F6E\u6216\u8BBE\u5907\u65F6\u95F4" },
  ROLE_REQUIRED: { code: 403, status: 403, message: "\u60A8\u6CA1\u6709\u4F7F\u7528\u8FD9\u9879\u529F\u80FD\u7684\u6743\u9650" },
  NOT_FOUND: { code: 404, status: 404, message: "\u5185\u5BB9\u4E0D\u5B58\u5728\u6216\u5DF2\u88AB\u5220\u9664" },
  FUNCTION_NOT_FOUND: { code: 405, status: 404, message: "\u6CA1\u6709\u8FD9\u9879\u529F\u80FD\uFF0C\u8BF7\u66F4\u65B0\u5C0F\u7A0B\u5E8F\u540E\u518D\u8BD5" },
  PAYLOAD_TOO_LARGE: { code: 413, status: 413, message: "\u63D0\u4EA4\u7684\u5185\u5BB9\u592A\u5927\u4E86" },
  OUT_OF_SCOPE: { code: 1403, status: 403, message: "\u53EA\u80FD\u529E\u7406\u672C\u4EBA\u7BA1\u8F96\u8303\u56F4\u5185\u7684\u4E8B\u52A1" },
  ROLE_NOT_GRANTABLE: { code: 1404, status: 403, message: "\u60A8\u4E0D\u80FD\u6388\u4E88\u6216\u6536\u56DE\u8FD9\u4E2A\u89D2\u8272" },
  WECHAT_CODE_INVALID: { code: 1101, status: 400, message: "\u5FAE\u4FE1\u767B\u5F55\u51ED\u8BC1\u65E0\u6548\u6216\u5DF2\u4F7F\u7528\uFF0C\u8BF7\u91CD\u65B0\u8FDB\u5165\u5C0F\u7A0B\u5E8F" },
  WECHAT_UNAVAILABLE: { code: 1102, status: 502, message: "\u5FAE\u4FE1\u670D\u52A1\u6682\u65F6\u4E0D\u53EF\u7528\uFF0C\u8BF7\u7A0D\u540E\u518D\u8BD5" },
  PHONE_CODE_INVALID: { code: 1103, status: 400, message: "\u624B\u673A\u53F7\u6388\u6743\u5DF2\u5931\u6548\uFF0C\u8BF7\u91CD\u65B0\u6388\u6743" },
  COMMUNITY_NOT_FOUND: { code: 1201, status: 400, message: "\u6240\u9009\u793E\u533A\u4E0D\u5B58\u5728\uFF0C\u8BF7\u91CD\u65B0\u9009\u62E9" },
  USER_NOT_FOUND: { code: 1202, status: 404, message: "\u627E\u4E0D\u5230\u8FD9\u4F4D\u7528\u6237" },
  EVENT_CANCELLED: { code: 2001, status: 409, message: "\u6D3B\u52A8\u5DF2\u53D6\u6D88\uFF0C\u4E0D\u80FD\u62A5\u540D" },
  EVENT_NO_SIGNUP: { code: 2002, status: 409, message: "\u8FD9\u4E2A\u6D3B\u52A8\u65E0\u9700\u62A5\u540D\uFF0C\u76F4\u63A5\u5230\u573A\u53C2\u52A0\u5373\u53EF" },
  EVENT_SIGNUP_NOT_OPEN: { code: 2003, status: 409, message: "\u62A5\u540D\u8FD8\u6CA1\u6709\u5F00\u59CB\uFF0C\u8BF7\u5230\u65F6\u518D\u6765" },
  EVENT_SIGNUP_CLOSED: { code: 2004, status: 409, message: "\u62A5\u540D\u5DF2\u7ECF\u622A\u6B62" },
  EVENT_REGISTRATION_REMOVED: { code: 2005, status: 409, message: "\u60A8\u5DF2\u88AB\u5DE5\u4F5C\u4EBA\u5458\u79FB\u51FA\u672C\u6B21\u6D3B\u52A8\uFF0C\u5982\u6709\u7591\u95EE\u8BF7\u8054\u7CFB\u793E\u533A" },
  EVENT_CANCEL_CUTOFF_PASSED: { code: 2006, status: 409, message: "\u5DF2\u8FC7\u53D6\u6D88\u622A\u6B62\u65F6\u95F4\uFF0C\u5982\u4E0D\u80FD\u53C2\u52A0\u8BF7\u8054\u7CFB\u793E\u533A" },
  CHECKIN_UNKNOWN_CODE: { code: 2007, status: 404, message: "\u7B7E\u5230\u7801\u4E0D\u6B63\u786E\uFF0C\u8BF7\u6838\u5BF9\u540E\u91CD\u65B0\u8F93\u5165" },
  CHECKIN_ALREADY: { code: 2008, status: 409, message: "\u8FD9\u4E2A\u7B7E\u5230\u7801\u5DF2\u7ECF\u7B7E\u5230\u8FC7\u4E86" },
  CHECKIN_NOT_OPEN: { code: 2009, status: 409, message: "\u6D3B\u52A8\u5F00\u59CB\u524D1\u5C0F\u65F6\u624D\u80FD\u7B7E\u5230" },
  CHECKIN_CLOSED: { code: 2010, status: 409, message: "\u6D3B\u52A8\u5DF2\u7ED3\u675F\uFF0C\u4E0D\u80FD\u518D\u7B7E\u5230" },
  CHECKIN_NOT_CONFIRMED: { code: 2011, status: 409, message: "\u8FD9\u4F4D\u5C45\u6C11\u8FD8\u5728\u5019\u8865\u6216\u5DF2\u53D6\u6D88\u62A5\u540D\uFF0C\u4E0D\u80FD\u7B7E\u5230" },
  EVENT_TIME_INVALID: { code: 2012, status: 400, message: "\u7ED3\u675F\u65F6\u95F4\u8981\u665A\u4E8E\u5F00\u59CB\u65F6\u95F4\uFF0C\u62A5\u540D\u622A\u6B62\u4E0D\u80FD\u665A\u4E8E\u5F00\u59CB" },
  EVENT_CAPACITY_TOO_SMALL: { code: 2013, status: 409, message: "\u540D\u989D\u4E0D\u80FD\u5C11\u4E8E\u5DF2\u62A5\u540D\u7684\u4EBA\u6570" },
  EVENT_NOT_EDITABLE: { code: 2014, status: 409, message: "\u6D3B\u52A8\u5DF2\u53D6\u6D88\u6216\u5DF2\u7ED3\u675F\uFF0C\u4E0D\u80FD\u518D\u4FEE\u6539" },
  EVENT_NOT_ENDED: { code: 2015, status: 409, message: "\u6D3B\u52A8\u7ED3\u675F\u540E\u624D\u80FD\u767B\u8BB0\u5230\u573A\u548C\u670D\u52A1\u4EBA\u6570" },
  BOOKING_SLOT_TAKEN: { code: 3001, status: 409, message: "\u8FD9\u4E2A\u65F6\u6BB5\u5DF2\u88AB\u9884\u7EA6\uFF0C\u8BF7\u6362\u4E00\u4E2A\u65F6\u6BB5" },
  BOOKING_WINDOW_FULL: { code: 3002, status: 409, message: "\u8FD9\u4E2A\u65F6\u6BB5\u5DF2\u7EA6\u6EE1\uFF0C\u8BF7\u6362\u4E00\u4E2A\u65F6\u6BB5" },
  BOOKING_NOT_A_SLOT: { code: 3003, status: 400, message: "\u6240\u9009\u65F6\u95F4\u4E0D\u5728\u5F00\u653E\u65F6\u6BB5\u5185" },
  BOOKING_CLOSED_DATE: { code: 3004, status: 409, message: "\u8FD9\u4E00\u5929\u6682\u505C\u5F00\u653E" },
  BOOKING_TOO_SOON: { code: 3005, status: 409, message: "\u9884\u7EA6\u65F6\u95F4\u592A\u8FD1\u4E86\uFF0C\u8BF7\u9009\u62E9\u7A0D\u665A\u7684\u65F6\u6BB5" },
  BOOKING_TOO_FAR: { code: 3006, status: 409, message: "\u8FD8\u4E0D\u80FD\u9884\u7EA6\u8FD9\u4E48\u8FDC\u7684\u65E5\u671F" },
  BOOKING_PAST: { code: 3007, status: 409, message: "\u8FD9\u4E2A\u65F6\u6BB5\u5DF2\u7ECF\u8FC7\u53BB\u4E86" },
  BOOKING_QUOTA: { code: 3008, status: 409, message: "\u672C\u5468\u7684\u9884\u7EA6\u6B21\u6570\u5DF2\u7528\u5B8C" },
  BOOKING_SUSPENDED: { code: 3009, status: 409, message: "\u56E0\u591A\u6B21\u9884\u7EA6\u672A\u5230\uFF0C\u529F\u80FD\u5BA4\u9884\u7EA6\u6682\u505C\u4F7F\u7528" },
  BOOKING_CANCEL_CUTOFF: { code: 3010, status: 409, message: "\u5DF2\u8FC7\u53D6\u6D88\u622A\u6B62\u65F6\u95F4\uFF0C\u5982\u4E0D\u80FD\u524D\u6765\u8BF7\u8054\u7CFB\u793E\u533A" },
  BOOKING_NOT_ALLOWED_NOW: { code: 3011, status: 409, message: "\u9884\u7EA6\u5F53\u524D\u7684\u72B6\u6001\u4E0D\u80FD\u8FDB\u884C\u8FD9\u4E2A\u64CD\u4F5C" },
  BOOKING_NOSHOW_TOO_EARLY: { code: 3012, status: 409, message: "\u5F00\u59CB15\u5206\u949F\u540E\u4ECD\u672A\u5230\u573A\uFF0C\u624D\u80FD\u8BB0\u4E3A\u672A\u5230" },
  BOOKING_PARTY_TOO_LARGE: { code: 3013, status: 400, message: "\u4EBA\u6570\u8D85\u8FC7\u4E86\u529F\u80FD\u5BA4\u7684\u5BB9\u91CF" },
  BOOKING_RESOURCE_INVALID: { code: 3014, status: 400, message: "\u5F00\u653E\u65F6\u95F4\u6216\u65F6\u6BB5\u8BBE\u7F6E\u6709\u8BEF" },
  PETITION_NOT_ALLOWED_NOW: { code: 4001, status: 409, message: "\u4E8B\u9879\u5F53\u524D\u7684\u72B6\u6001\u4E0D\u80FD\u8FDB\u884C\u8FD9\u4E2A\u64CD\u4F5C" },
  PETITION_ID_REQUIRED: { code: 4002, status: 400, message: "\u4FE1\u8BBF\u4EE3\u529E\u9700\u8981\u586B\u5199\u4FE1\u8BBF\u4EBA\u7684\u8EAB\u4EFD\u8BC1\u53F7" },
  PETITION_ID_INVALID: { code: 4003, status: 400, message: "\u8EAB\u4EFD\u8BC1\u53F7\u4E0D\u6B63\u786E\uFF0C\u8BF7\u6838\u5BF9\u540E\u91CD\u65B0\u586B\u5199" },
  PETITION_PHONE_INVALID: { code: 4004, status: 400, message: "\u624B\u673A\u53F7\u4E0D\u6B63\u786E\uFF0C\u8BF7\u586B\u519911\u4F4D\u624B\u673A\u53F7" },
  PETITION_ASSIGNED_TO_OTHER: { code: 4005, status: 409, message: "\u8FD9\u4EF6\u4E8B\u5DF2\u5206\u6D3E\u7ED9\u5176\u4ED6\u4EE3\u529E\u5458" },
  PETITION_REOPEN_USED: { code: 4006, status: 409, message: "\u6BCF\u4EF6\u4E8B\u53EA\u80FD\u91CD\u65B0\u6253\u5F00\u4E00\u6B21\uFF0C\u5982\u4ECD\u672A\u89E3\u51B3\u8BF7\u91CD\u65B0\u63D0\u4EA4" },
  PETITION_REOPEN_EXPIRED: { code: 4007, status: 409, message: "\u529E\u7ED3\u8D85\u8FC77\u5929\uFF0C\u5DF2\u81EA\u52A8\u7ED3\u6848\uFF0C\u5982\u4ECD\u672A\u89E3\u51B3\u8BF7\u91CD\u65B0\u63D0\u4EA4" },
  PETITION_NOT_AN_AGENT: { code: 4008, status: 400, message: "\u53EA\u80FD\u5206\u6D3E\u7ED9\u672C\u793E\u533A\u7684\u4EE3\u529E\u5458" },
  HONOR_CATEGORY_UNKNOWN: { code: 5001, status: 400, message: "\u8FD9\u4E2A\u699C\u5355\u6CA1\u6709\u8FD9\u4E2A\u7C7B\u522B" },
  NOMINATION_NOT_PENDING: { code: 5002, status: 409, message: "\u8FD9\u6761\u63A8\u8350\u5DF2\u7ECF\u5BA1\u6838\u8FC7\u4E86" },
  THANKS_NOT_ALLOWED_NOW: { code: 5003, status: 409, message: "\u8FD9\u6761\u611F\u8C22\u5F53\u524D\u7684\u72B6\u6001\u4E0D\u80FD\u8FDB\u884C\u8FD9\u4E2A\u64CD\u4F5C" },
  THANKS_TARGET_UNKNOWN: { code: 5004, status: 400, message: "\u627E\u4E0D\u5230\u8981\u611F\u8C22\u7684\u5DE5\u4F5C\u4EBA\u5458" },
  FILE_TYPE_NOT_ALLOWED: { code: 4101, status: 400, message: "\u53EA\u80FD\u4E0A\u4F20 JPG\u3001PNG \u6216 WebP \u683C\u5F0F\u7684\u7167\u7247" },
  FILE_TOO_LARGE: { code: 4102, status: 413, message: "\u7167\u7247\u4E0D\u80FD\u8D85\u8FC7 10MB" },
  FILE_NOT_FOUND: { code: 4103, status: 404, message: "\u7167\u7247\u4E0D\u5B58\u5728\u6216\u94FE\u63A5\u5DF2\u8FC7\u671F" },
  FILE_UNUSABLE: { code: 4104, status: 400, message: "\u7167\u7247\u5DF2\u88AB\u4F7F\u7528\u6216\u4E0D\u5C5E\u4E8E\u60A8\uFF0C\u8BF7\u91CD\u65B0\u4E0A\u4F20" }
};
var AppError = class extends Error {
  constructor(kind, message, fields2 = []) {
    super(message ?? ERRORS[kind].message);
    this.kind = kind;
    this.fields = fields2;
    this.code = ERRORS[kind].code;
    this.status = ERRORS[kind].status;
  }
  kind;
  fields;
  code;
  status;
  name = "AppError";
};
var byCode = new Map(
  Object.keys(ERRORS).map((name) => [ERRORS[name].code, name])
);

// types/index.ts
var contracts = [
  ...authContracts,
  ...communitiesContracts,
  ...usersContracts,
  ...rolesContracts,
  ...articlesContracts,
  ...eventsContracts,
  ...sharesContracts,
  ...bookingsContracts,
  ...petitionsContracts,
  ...honorsContracts,
  ...adminContracts
];
var contractsByName = new Map(contracts.map((c) => [c.name, c]));

// cloud/bookings/bookings.storage.ts
function resourcesWithCenter(db) {
  return db.selectFrom("resources as r").innerJoin("service_centers as c", "c.id", "r.center_id").selectAll("r").select(["c.name as center_name", "c.community_id"]);
}
async function getResourceRow(db, id7) {
  return resourcesWithCenter(db).where("r.id", "=", id7).executeTakeFirst();
}
async function listResourceRows(db, communityId, kind) {
  let q = resourcesWithCenter(db).where("c.community_id", "=", communityId).where("r.active", "=", 1).orderBy("r.sort").orderBy("r.name");
  if (kind) q = q.where("r.kind", "=", kind);
  return q.execute();
}
async function getCenter(db, id7) {
  return db.selectFrom("service_centers").selectAll().where("id", "=", id7).executeTakeFirst();
}
async function upsertCenter(db, row) {
  await db.insertInto("service_centers").values(row).onConflict((oc) => oc.column("id").doUpdateSet({ name: row.name, address: row.address, area_m2: row.area_m2, phone: row.phone })).execute();
}
async function saveResourceRow(db, row) {
  const { id: _id, ...rest } = row;
  await db.insertInto("resources").values(row).onConflict((oc) => oc.column("id").doUpdateSet(rest)).execute();
}
async function closedDatesOf(db, resourceId, fromDate) {
  return db.selectFrom("closed_dates").select(["date", "reason"]).where("resource_id", "=", resourceId).where("date", ">=", fromDate).orderBy("date").execute();
}
async function closedReason(db, resourceId, date) {
  const row = await db.selectFrom("closed_dates").select("reason").where("resource_id", "=", resourceId).where("date", "=", date).executeTakeFirst();
  return row?.reason ?? null;
}
async function heldPlaces(db, resourceId, from, to) {
  const rows = await db.selectFrom("slot_holds").select("slot_start").select((eb) => eb.fn.countAll().as("n")).where("resource_id", "=", resourceId).where("slot_start", ">=", from.toISOString()).where("slot_start", "<", to.toISOString()).groupBy("slot_start").execute();
  return new Map(rows.map((r) => [r.slot_start, Number(r.n)]));
}
async function takePlace(tx, hold) {
  for (let seat = 0; seat < hold.size; seat++) {
    const result = await tx.insertInto("slot_holds").values({ resource_id: hold.resourceId, slot_start: hold.slotStart, seat, booking_id: hold.bookingId }).onConflict((oc) => oc.columns(["resource_id", "slot_start", "seat"]).doNothing()).executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  }
  return false;
}
async function releasePlace(tx, bookingId) {
  await tx.deleteFrom("slot_holds").where("booking_id", "=", bookingId).execute();
}
async function lockUser(tx, userId) {
  await tx.updateTable("users").set({ failed_logins: import_kysely3.sql`failed_logins` }).where("id", "=", userId).execute();
}
async function addStep(tx, step) {
  const last = await tx.selectFrom("booking_steps").select((eb) => eb.fn.max("seq").as("seq")).where("booking_id", "=", step.booking_id).executeTakeFirst();
  await tx.insertInto("booking_steps").values({ id: newId(), seq: Number(last?.seq ?? 0) + 1, ...step }).execute();
}
async function activeSuspension(db, userId, now) {
  const row = await db.selectFrom("booking_suspensions").select("until").where("user_id", "=", userId).where("until", ">", now.toISOString()).executeTakeFirst();
  return row?.until ?? null;
}
async function createBookingRow(db, b) {
  await db.transaction().execute(async (tx) => {
    await lockUser(tx, b.row.user_id);
    if (b.checkSuspension && await activeSuspension(tx, b.row.user_id, b.now)) throw new AppError("BOOKING_SUSPENDED");
    if (b.quota) {
      const row = await tx.selectFrom("bookings as k").innerJoin("resources as r", "r.id", "k.resource_id").select((eb) => eb.fn.countAll().as("n")).where("k.user_id", "=", b.row.user_id).where("r.kind", "=", b.kind).where("k.status", "in", ["pending", "approved", "checked_in"]).where("k.slot_start", ">=", b.quota.from.toISOString()).where("k.slot_start", "<", b.quota.to.toISOString()).executeTakeFirstOrThrow();
      if (Number(row.n) >= b.quota.limit) throw new AppError("BOOKING_QUOTA", `\u6BCF\u4EBA\u6BCF\u5468\u6700\u591A\u9884\u7EA6${b.quota.limit}\u6B21\uFF0C\u672C\u5468\u5DF2\u7528\u5B8C`);
    }
    await tx.insertInto("bookings").values(b.row).execute();
    if (!await takePlace(tx, { resourceId: b.row.resource_id, slotStart: b.row.slot_start, size: b.size, bookingId: b.row.id })) {
      throw new AppError(b.size === 1 ? "BOOKING_SLOT_TAKEN" : "BOOKING_WINDOW_FULL");
    }
    await addStep(tx, { booking_id: b.row.id, step: b.firstStep, note: null, by_user_id: b.row.user_id, at: b.now.toISOString() });
    await enqueue(tx, b.messages, b.now);
  });
}
async function transitionBooking(db, t) {
  return db.transaction().execute(async (tx) => {
    let q = tx.updateTable("bookings").set({ status: t.to, ...t.changes, updated_at: t.now.toISOString() }).where("id", "=", t.id).where("status", "=", t.from);
    if (t.fromStep !== void 0) q = t.fromStep === null ? q.where("step", "is", null) : q.where("step", "=", t.fromStep);
    const result = await q.executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    if (t.release) await releasePlace(tx, t.id);
    if (t.step) await addStep(tx, { booking_id: t.id, step: t.step.step, note: t.step.note, by_user_id: t.step.by, at: t.now.toISOString() });
    await enqueue(tx, t.messages, t.now);
    return true;
  });
}
async function moveBooking(db, m) {
  await db.transaction().execute(async (tx) => {
    const result = await tx.updateTable("bookings").set({ status: m.to, slot_start: m.slotStart, slot_end: m.slotEnd, updated_at: m.now.toISOString() }).where("id", "=", m.id).where("status", "=", m.from).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError("BOOKING_NOT_ALLOWED_NOW");
    await releasePlace(tx, m.id);
    if (!await takePlace(tx, { resourceId: m.resourceId, slotStart: m.slotStart, size: m.size, bookingId: m.id })) {
      throw new AppError(m.size === 1 ? "BOOKING_SLOT_TAKEN" : "BOOKING_WINDOW_FULL");
    }
    await addStep(tx, { booking_id: m.id, step: "rescheduled", note: m.note, by_user_id: m.by, at: m.now.toISOString() });
  });
}
function bookingsWithNames(db) {
  return db.selectFrom("bookings as k").innerJoin("resources as r", "r.id", "k.resource_id").innerJoin("service_centers as c", "c.id", "r.center_id").innerJoin("users as u", "u.id", "k.user_id").selectAll("k").select(["r.name as resource_name", "r.kind", "c.name as center_name", "c.community_id", "u.nickname"]);
}
async function getBookingRow(db, id7) {
  return bookingsWithNames(db).where("k.id", "=", id7).executeTakeFirst();
}
async function bookingsOfUser(db, userId, q) {
  return bookingsWithNames(db).where("k.user_id", "=", userId).where("k.slot_end", q.past ? "<=" : ">", q.now.toISOString()).orderBy("k.slot_start", q.past ? "desc" : "asc").limit(100).execute();
}
async function bookingsOfCommunities(db, q) {
  let query = bookingsWithNames(db).orderBy("k.slot_start").limit(500);
  if (q.communityIds !== "all") {
    if (q.communityIds.length === 0) return [];
    query = query.where("c.community_id", "in", q.communityIds);
  }
  if (q.from) query = query.where("k.slot_start", ">=", q.from.toISOString());
  if (q.to) query = query.where("k.slot_start", "<", q.to.toISOString());
  if (q.statuses) query = query.where("k.status", "in", q.statuses);
  return query.execute();
}
async function activeBookingsOn(db, resourceId, from, to) {
  return db.selectFrom("bookings").selectAll().where("resource_id", "=", resourceId).where("status", "in", ["pending", "approved"]).where("slot_start", ">=", from.toISOString()).where("slot_start", "<", to.toISOString()).execute();
}
async function stepsOf(db, bookingIds) {
  if (bookingIds.length === 0) return [];
  return db.selectFrom("booking_steps as s").leftJoin("users as u", "u.id", "s.by_user_id").selectAll("s").select("u.nickname as by_name").where("s.booking_id", "in", bookingIds).orderBy("s.booking_id").orderBy("s.seq").execute();
}
async function setClosedDates(db, resourceId, close, reopen) {
  await db.transaction().execute(async (tx) => {
    if (reopen.length) await tx.deleteFrom("closed_dates").where("resource_id", "=", resourceId).where("date", "in", reopen).execute();
    for (const c of close) {
      await tx.insertInto("closed_dates").values({ resource_id: resourceId, date: c.date, reason: c.reason }).onConflict((oc) => oc.columns(["resource_id", "date"]).doUpdateSet({ reason: c.reason })).execute();
    }
  });
}
async function noShowsSince(db, userId, since) {
  const row = await db.selectFrom("bookings").select((eb) => eb.fn.countAll().as("n")).where("user_id", "=", userId).where("status", "=", "no_show").where("slot_start", ">=", since.toISOString()).executeTakeFirstOrThrow();
  return Number(row.n);
}
async function suspend(db, userId, until, reason) {
  await db.insertInto("booking_suspensions").values({ user_id: userId, until: until.toISOString(), reason }).onConflict((oc) => oc.column("user_id").doUpdateSet({ until: until.toISOString(), reason })).execute();
}
async function centersOf(db, communityIds) {
  let q = db.selectFrom("service_centers").selectAll().orderBy("community_id").orderBy("name");
  if (communityIds !== "all") q = q.where("community_id", "in", communityIds.length ? communityIds : ["-"]);
  return q.execute();
}
async function resourcesOfCenter(db, centerId) {
  return resourcesWithCenter(db).where("r.center_id", "=", centerId).orderBy("r.kind").orderBy("r.sort").orderBy("r.name").execute();
}

// cloud/honors/honors.storage.ts
var import_kysely4 = require("kysely");
function listsWithCounts(db) {
  return db.selectFrom("honor_lists as l").innerJoin("regions as r", "r.id", "l.scope_id").selectAll("l").select("r.name as scope_name").select((eb) => eb.selectFrom("honor_entries as e").whereRef("e.list_id", "=", "l.id").select(eb.fn.countAll().as("n")).as("entry_count"));
}
var counted = (r) => ({ ...r, entry_count: Number(r.entry_count ?? 0) });
async function listHonorListRows(db, q) {
  let query = listsWithCounts(db).orderBy("l.year", "desc").orderBy("r.sort");
  if (q.year) query = query.where("l.year", "=", q.year);
  if (q.scopeIds) query = query.where("l.scope_id", "in", q.scopeIds);
  if (q.publishedOnly) query = query.where("l.published", "=", 1);
  return (await query.execute()).map(counted);
}
async function getHonorListRow(db, id7) {
  const row = await listsWithCounts(db).where("l.id", "=", id7).executeTakeFirst();
  return row && counted(row);
}
async function saveHonorListRow(db, row) {
  const { id: _id, created_at: _c, ...rest } = row;
  await db.insertInto("honor_lists").values(row).onConflict((oc) => oc.column("id").doUpdateSet(rest)).execute();
}
function entriesWithLikes(db) {
  return db.selectFrom("honor_entries as e").innerJoin("honor_lists as l", "l.id", "e.list_id").innerJoin("regions as c", "c.id", "e.community_id").selectAll("e").select(["c.name as community_name", "l.title as list_title", "l.year", "l.published", "l.scope_id"]).select((eb) => eb.selectFrom("honor_likes as k").whereRef("k.entry_id", "=", "e.id").select(eb.fn.countAll().as("n")).as("likes"));
}
var liked = (r) => ({ ...r, likes: Number(r.likes ?? 0) });
async function entriesOfList(db, listId) {
  return (await entriesWithLikes(db).where("e.list_id", "=", listId).orderBy("e.category").orderBy("e.sort").orderBy("e.name").execute()).map(liked);
}
async function getHonorEntryRow(db, id7) {
  const row = await entriesWithLikes(db).where("e.id", "=", id7).executeTakeFirst();
  return row && liked(row);
}
async function saveHonorEntryRow(db, row) {
  const { id: _id, created_at: _c, ...rest } = row;
  await db.insertInto("honor_entries").values(row).onConflict((oc) => oc.column("id").doUpdateSet(rest)).execute();
}
async function insertLike(db, entryId, userId, now) {
  await db.insertInto("honor_likes").values({ entry_id: entryId, user_id: userId, created_at: now.toISOString() }).onConflict((oc) => oc.columns(["entry_id", "user_id"]).doNothing()).execute();
}
async function hasLiked(db, entryId, userId) {
  return await db.selectFrom("honor_likes").select("user_id").where("entry_id", "=", entryId).where("user_id", "=", userId).executeTakeFirst() !== void 0;
}
function nominationsWithNames(db) {
  return db.selectFrom("nominations as n").innerJoin("regions as r", "r.id", "n.community_id").leftJoin("users as u", "u.id", "n.nominator_id").selectAll("n").select(["r.name as community_name", "u.nickname as nominator_name"]);
}
async function insertNomination(db, row) {
  await db.insertInto("nominations").values(row).execute();
}
async function getNominationRow(db, id7) {
  return nominationsWithNames(db).where("n.id", "=", id7).executeTakeFirst();
}
async function nominationRows(db, q) {
  let query = nominationsWithNames(db).orderBy("n.created_at", "desc").limit(500);
  if (q.nominatorId) query = query.where("n.nominator_id", "=", q.nominatorId);
  if (q.communityIds && q.communityIds !== "all") {
    if (q.communityIds.length === 0) return [];
    query = query.where("n.community_id", "in", q.communityIds);
  }
  if (q.status) query = query.where("n.status", "=", q.status);
  return query.execute();
}
var AlreadySettled = class extends Error {
};
async function settleNomination(db, s) {
  try {
    return await db.transaction().execute(async (tx) => {
      if (s.entry) await tx.insertInto("honor_entries").values(s.entry).execute();
      const result = await tx.updateTable("nominations").set({ status: s.status, decline_reason: s.declineReason, entry_id: s.entry?.id ?? null, reviewed_by: s.by, reviewed_at: s.now.toISOString() }).where("id", "=", s.id).where("status", "=", "pending").executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new AlreadySettled();
      return true;
    });
  } catch (error) {
    if (error instanceof AlreadySettled) return false;
    throw error;
  }
}
function thanksWithNames(db) {
  return db.selectFrom("thanks_posts as t").innerJoin("regions as r", "r.id", "t.community_id").leftJoin("users as u", "u.id", "t.author_id").selectAll("t").select(["u.nickname as author_name", "r.name as community_name"]).select((eb) => eb.selectFrom("thanks_reports as p").whereRef("p.post_id", "=", "t.id").select(eb.fn.countAll().as("n")).as("reports"));
}
var reported = (r) => ({ ...r, reports: Number(r.reports ?? 0) });
async function insertThanks(db, row) {
  await db.insertInto("thanks_posts").values(row).execute();
}
async function getThanksRow(db, id7) {
  const row = await thanksWithNames(db).where("t.id", "=", id7).executeTakeFirst();
  return row && reported(row);
}
async function thanksRows(db, q) {
  let query = thanksWithNames(db).where("t.status", "in", q.statuses).orderBy("t.created_at", "desc").orderBy("t.id", "desc").limit(q.limit);
  if (q.scopeIds && q.scopeIds !== "all") {
    if (q.scopeIds.length === 0) return [];
    query = query.where("t.community_id", "in", q.scopeIds);
  }
  if (q.targetUserId) query = query.where("t.target_user_id", "=", q.targetUserId);
  const before = q.before;
  if (before) {
    query = query.where((eb) => eb.or([eb("t.created_at", "<", before.createdAt), eb.and([eb("t.created_at", "=", before.createdAt), eb("t.id", "<", before.id)])]));
  }
  return (await query.execute()).map(reported);
}
async function reportAndMaybeHide(db, r) {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable("thanks_posts").set({ status: import_kysely4.sql`status` }).where("id", "=", r.postId).execute();
    await tx.insertInto("thanks_reports").values({ post_id: r.postId, user_id: r.userId, reason: r.reason, created_at: r.now.toISOString() }).onConflict((oc) => oc.columns(["post_id", "user_id"]).doNothing()).execute();
    await tx.updateTable("thanks_posts").set({ status: "hidden" }).where("id", "=", r.postId).where("status", "=", "approved").where(import_kysely4.sql`(SELECT COUNT(*) FROM thanks_reports WHERE post_id = ${r.postId})`, ">=", r.threshold).execute();
  });
}
async function decideThanks(db, d) {
  return db.transaction().execute(async (tx) => {
    const result = await tx.updateTable("thanks_posts").set({ status: d.to, reject_reason: d.reason, reviewed_by: d.by, reviewed_at: d.now.toISOString() }).where("id", "=", d.id).where("status", "=", d.from).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    if (d.clearReports) await tx.deleteFrom("thanks_reports").where("post_id", "=", d.id).execute();
    return true;
  });
}

// types/time.ts
var import_dayjs = __toESM(require("dayjs"));
var import_utc = __toESM(require("dayjs/plugin/utc"));
var import_zh_cn = require("dayjs/locale/zh-cn");
import_dayjs.default.extend(import_utc.default);
import_dayjs.default.locale("zh-cn");
var SHANGHAI_OFFSET_MINUTES = 8 * 60;
function inShanghai(date) {
  return (0, import_dayjs.default)(date).utcOffset(SHANGHAI_OFFSET_MINUTES);
}
function formatDateTime(date) {
  return inShanghai(date).format("M\u6708D\u65E5 HH:mm");
}
function formatFullDateTime(date) {
  return inShanghai(date).format("YYYY\u5E74M\u6708D\u65E5 HH:mm");
}
function shanghaiDay(date) {
  return inShanghai(date).format("YYYY-MM-DD");
}
function shanghaiTime(day2, time) {
  return /* @__PURE__ */ new Date(`${day2}T${time.length === 5 ? `${time}:00` : time}+08:00`);
}

// cloud/core/password.ts
var import_node_crypto2 = __toESM(require("node:crypto"));
var import_node_util = require("node:util");
var scrypt = (0, import_node_util.promisify)(import_node_crypto2.default.scrypt);
var PARAMS = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
var KEY_LENGTH = 32;
async function hashPassword(password) {
  const salt = import_node_crypto2.default.randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}
async function verifyPassword(password, stored) {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem
  });
  return import_node_crypto2.default.timingSafeEqual(actual, expected);
}

// cloud/petitions/petitions.storage.ts
function petitionsWithNames(db) {
  return db.selectFrom("petitions as p").innerJoin("regions as r", "r.id", "p.community_id").leftJoin("users as s", "s.id", "p.submitter_id").leftJoin("users as a", "a.id", "p.agent_id").selectAll("p").select(["r.name as community_name", "s.nickname as submitter_name", "a.nickname as agent_name", "a.phone_enc as agent_phone_enc"]);
}
async function getPetitionRow(db, id7) {
  return petitionsWithNames(db).where("p.id", "=", id7).executeTakeFirst();
}
async function petitionsOfSubmitter(db, userId) {
  return petitionsWithNames(db).where("p.submitter_id", "=", userId).orderBy("p.created_at", "desc").limit(200).execute();
}
var OPEN = ["submitted", "accepted", "in_progress", "resolved"];
async function petitionsForStaff(db, q) {
  let query = petitionsWithNames(db).orderBy("p.created_at", "asc").limit(500);
  if (q.openOnly) query = query.where("p.status", "in", OPEN);
  if (q.communityIds !== "all") {
    const communities = q.communityIds;
    const agentId = q.agentId;
    if (!agentId && communities.length === 0) return [];
    query = query.where((eb) => {
      const either = [];
      if (agentId) either.push(eb("p.agent_id", "=", agentId));
      if (communities.length) either.push(eb("p.community_id", "in", communities));
      return eb.or(either);
    });
  }
  return query.execute();
}
async function eventsOf(db, petitionId) {
  return db.selectFrom("petition_events as e").leftJoin("users as u", "u.id", "e.by_user_id").selectAll("e").select("u.nickname as by_name").where("e.petition_id", "=", petitionId).orderBy("e.seq").execute();
}
async function addEvent(tx, e) {
  const last = await tx.selectFrom("petition_events").select((eb) => eb.fn.max("seq").as("seq")).where("petition_id", "=", e.petition_id).executeTakeFirst();
  await tx.insertInto("petition_events").values({ id: newId(), seq: Number(last?.seq ?? 0) + 1, ...e }).execute();
}
async function insertPetition(db, p) {
  return db.transaction().execute(async (tx) => {
    await tx.insertInto("petitions").values(p.row).execute();
    if (!await p.attach(tx)) throw new FilesUnusable();
    for (const e of p.events) await addEvent(tx, { petition_id: p.row.id, ...e });
    await enqueue(tx, p.messages, p.now);
    return true;
  });
}
var FilesUnusable = class extends Error {
};
async function transitionPetition(db, t) {
  return db.transaction().execute(async (tx) => {
    const result = await tx.updateTable("petitions").set({ ...t.changes, status: t.to, updated_at: t.now.toISOString() }).where("id", "=", t.id).where("status", "=", t.from).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await addEvent(tx, { petition_id: t.id, action: t.action, from_status: t.from, to_status: t.to, note: t.note, by_user_id: t.by, at: t.now.toISOString() });
    await enqueue(tx, t.messages, t.now);
    return true;
  });
}
async function resolvedBefore(db, cutoff) {
  return db.selectFrom("petitions").selectAll().where("status", "=", "resolved").where("resolved_at", "<", cutoff.toISOString()).limit(200).execute();
}
async function claimByPhone(db, userId, phoneIndex) {
  const result = await db.updateTable("petitions").set({ submitter_id: userId }).where("phone_index", "=", phoneIndex).where("submitter_id", "is", null).where("filed_by", "is not", null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
async function rosterOf(db, communityId) {
  return db.selectFrom("duty_roster as d").innerJoin("users as u", "u.id", "d.agent_id").select(["d.weekday", "d.agent_id", "u.nickname as agent_name"]).where("d.community_id", "=", communityId).orderBy("d.weekday").execute();
}
async function setRoster(db, communityId, days) {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom("duty_roster").where("community_id", "=", communityId).execute();
    for (const d of days) await tx.insertInto("duty_roster").values({ community_id: communityId, weekday: d.weekday, agent_id: d.agentId }).execute();
  });
}
async function onDutyAgent(db, communityId, weekday) {
  const row = await db.selectFrom("duty_roster").select("agent_id").where("community_id", "=", communityId).where("weekday", "=", weekday).executeTakeFirst();
  return row?.agent_id ?? null;
}
async function agentsOf(db, communityId) {
  const rows = await db.selectFrom("role_grants as g").innerJoin("users as u", "u.id", "g.user_id").select(["u.id", "u.nickname"]).where("g.role", "=", "agent").where("g.scope_id", "=", communityId).where("u.deleted_at", "is", null).orderBy("u.nickname").execute();
  return rows.map((r) => ({ id: r.id, name: r.nickname }));
}

// cloud/roles/roles.storage.ts
async function grantsOf(db, userId) {
  const rows = await db.selectFrom("role_grants").select(["role", "scope_id"]).where("user_id", "=", userId).execute();
  return rows.map((r) => ({ role: r.role, scopeId: r.scope_id }));
}
async function insertGrant(db, grant) {
  await db.insertInto("role_grants").values({
    user_id: grant.userId,
    role: grant.role,
    scope_id: grant.scopeId,
    granted_by: grant.grantedBy,
    granted_at: grant.now.toISOString()
  }).onConflict((oc) => oc.columns(["user_id", "role", "scope_id"]).doNothing()).execute();
}
async function deleteGrant(db, grant) {
  const result = await db.deleteFrom("role_grants").where("user_id", "=", grant.userId).where("role", "=", grant.role).where("scope_id", "=", grant.scopeId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
async function listGrants(db, scopeIds, options = {}) {
  if (scopeIds !== "all" && scopeIds.length === 0) return [];
  let q = db.selectFrom("role_grants as g").innerJoin("users as u", "u.id", "g.user_id").innerJoin("regions as r", "r.id", "g.scope_id").select(["g.user_id", "u.nickname", "g.role", "g.scope_id", "r.name as scope_name", "g.granted_at"]).orderBy("r.sort").orderBy("g.role").orderBy("u.nickname");
  if (scopeIds !== "all") q = q.where("g.scope_id", "in", scopeIds);
  if (options.wechatOnly) q = q.where("u.openid", "is not", null);
  const rows = await q.execute();
  return rows.map((r) => ({
    userId: r.user_id,
    nickname: r.nickname,
    role: r.role,
    scopeId: r.scope_id,
    scopeName: r.scope_name,
    grantedAt: r.granted_at
  }));
}

// cloud/users/users.storage.ts
var import_kysely5 = require("kysely");
async function getUser(db, id7) {
  return db.selectFrom("users").selectAll().where("id", "=", id7).where("deleted_at", "is", null).executeTakeFirst();
}
async function findOrCreateByOpenid(db, openid, now, nickname) {
  const at = now.toISOString();
  await db.insertInto("users").values({
    id: newId(),
    openid,
    username: null,
    password_hash: null,
    nickname,
    avatar_url: null,
    home_community_id: null,
    phone_enc: null,
    phone_index: null,
    failed_logins: 0,
    locked_until: null,
    created_at: at,
    updated_at: at,
    deleted_at: null
  }).onConflict((oc) => oc.column("openid").doNothing()).execute();
  return db.selectFrom("users").selectAll().where("openid", "=", openid).executeTakeFirstOrThrow();
}
async function findByUsername(db, username) {
  return db.selectFrom("users").selectAll().where("username", "=", username).where("deleted_at", "is", null).executeTakeFirst();
}
async function createConsoleAccount(db, account) {
  const at = account.now.toISOString();
  const row = {
    id: newId(),
    openid: null,
    username: account.username,
    password_hash: account.passwordHash,
    nickname: account.nickname,
    avatar_url: null,
    home_community_id: account.homeCommunityId,
    phone_enc: null,
    phone_index: null,
    failed_logins: 0,
    locked_until: null,
    created_at: at,
    updated_at: at,
    deleted_at: null
  };
  await db.insertInto("users").values(row).execute();
  return row;
}
var LOCK_AFTER_FAILURES = 5;
async function recordLoginFailure(db, id7, lockUntil) {
  await db.updateTable("users").set({
    failed_logins: import_kysely5.sql`failed_logins + 1`,
    locked_until: import_kysely5.sql`CASE WHEN failed_logins + 1 >= ${LOCK_AFTER_FAILURES} THEN ${lockUntil.toISOString()} ELSE locked_until END`
  }).where("id", "=", id7).execute();
}
async function clearLoginFailures(db, id7) {
  await db.updateTable("users").set({ failed_logins: 0, locked_until: null }).where("id", "=", id7).execute();
}
async function setPasswordHash(db, id7, passwordHash, now) {
  await db.updateTable("users").set({ password_hash: passwordHash, updated_at: now.toISOString() }).where("id", "=", id7).execute();
}
async function updateUser(db, id7, changes, now) {
  await db.updateTable("users").set({ ...changes, updated_at: now.toISOString() }).where("id", "=", id7).where("deleted_at", "is", null).execute();
}
async function eraseUser(db, id7, now) {
  const at = now.toISOString();
  await db.transaction().execute(async (tx) => {
    await tx.updateTable("users").set({
      openid: null,
      username: null,
      password_hash: null,
      nickname: "\u5DF2\u6CE8\u9500\u7528\u6237",
      avatar_url: null,
      home_community_id: null,
      phone_enc: null,
      phone_index: null,
      updated_at: at,
      deleted_at: at
    }).where("id", "=", id7).execute();
    await tx.deleteFrom("role_grants").where("user_id", "=", id7).execute();
    await tx.updateTable("sessions").set({ revoked_at: at }).where("user_id", "=", id7).where("revoked_at", "is", null).execute();
  });
}

// cloud/wechat/fake-server.ts
var import_node_crypto3 = __toESM(require("node:crypto"));
var import_fastify = __toESM(require("fastify"));
var import_qrcode = __toESM(require("qrcode"));

// cloud/wechat/client.ts
var WechatError = class extends Error {
  constructor(errcode, errmsg) {
    super(`WeChat ${errcode}: ${errmsg}`);
    this.errcode = errcode;
    this.errmsg = errmsg;
  }
  errcode;
  errmsg;
};
var WECHAT_CODE_INVALID = 40029;
var WECHAT_CODE_USED = 40163;
var WECHAT_TOKEN_INVALID = 40001;
var WECHAT_TOKEN_EXPIRED = 42001;
var WECHAT_SUBSCRIPTION_REFUSED = 43101;
function createWechatClient(options) {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/$/, "");
  let token = null;
  async function request(path4, init) {
    const url = new URL(base + path4);
    for (const [k, v] of Object.entries(init?.query ?? {})) url.searchParams.set(k, v);
    const response = await doFetch(url, {
      method: init?.body === void 0 ? "GET" : "POST",
      headers: init?.body === void 0 ? void 0 : { "content-type": "application/json" },
      body: init?.body === void 0 ? void 0 : JSON.stringify(init.body),
      signal: AbortSignal.timeout(1e4)
    });
    if (!response.ok) throw new WechatError(-1, `HTTP ${response.status}`);
    return response;
  }
  async function json(path4, init) {
    const reply = await (await request(path4, init)).json();
    if (reply.errcode) throw new WechatError(reply.errcode, reply.errmsg ?? "");
    return reply;
  }
  async function getAccessToken(forceRefresh = false) {
    const now = options.clock.now().getTime();
    if (!forceRefresh && token && token.expiresAt > now) return token.value;
    const reply = await json("/cgi-bin/stable_token", {
      body: { grant_type: "client_credential", appid: options.appId, secret: options.secret, force_refresh: forceRefresh }
    });
    token = { value: reply.access_token, expiresAt: now + (reply.expires_in - 300) * 1e3 };
    return token.value;
  }
  async function withToken(call) {
    try {
      return await call(await getAccessToken());
    } catch (error) {
      if (error instanceof WechatError && (error.errcode === WECHAT_TOKEN_INVALID || error.errcode === WECHAT_TOKEN_EXPIRED)) {
        return call(await getAccessToken(true));
      }
      throw error;
    }
  }
  return {
    async code2Session(code) {
      const reply = await json("/sns/jscode2session", {
        query: { appid: options.appId, secret: options.secret, js_code: code, grant_type: "authorization_code" }
      });
      return { openid: reply.openid, unionid: reply.unionid };
    },
    getAccessToken: () => getAccessToken(),
    sendSubscribeMessage(message) {
      return withToken(async (accessToken) => {
        const reply = await json("/cgi-bin/message/subscribe/send", {
          query: { access_token: accessToken },
          body: {
            touser: message.toOpenid,
            template_id: message.templateId,
            page: message.page,
            miniprogram_state: message.state ?? "formal",
            lang: "zh_CN",
            data: Object.fromEntries(Object.entries(message.data).map(([k, v]) => [k, { value: v }]))
          }
        });
        return { msgid: String(reply.msgid) };
      });
    },
    getPhoneNumber(code) {
      return withToken(async (accessToken) => {
        const reply = await json(
          "/wxa/business/getuserphonenumber",
          { query: { access_token: accessToken }, body: { code } }
        );
        return { phoneNumber: reply.phone_info.purePhoneNumber, countryCode: reply.phone_info.countryCode };
      });
    },
    getUnlimitedQrCode({ scene, page, width }) {
      return withToken(async (accessToken) => {
        const response = await request("/wxa/getwxacodeunlimit", {
          query: { access_token: accessToken },
          body: { scene, page, width: width ?? 430, check_path: false }
        });
        if ((response.headers.get("content-type") ?? "").includes("json")) {
          const reply = await response.json();
          throw new WechatError(reply.errcode ?? -1, reply.errmsg ?? "");
        }
        return Buffer.from(await response.arrayBuffer());
      });
    }
  };
}

// cloud/wechat/fake-server.ts
function openidOf(persona) {
  return `fake-${persona}`;
}
var PERSONA = /^[A-Za-z0-9_.-]{1,40}$/;
function buildFakeWechat() {
  const app = (0, import_fastify.default)({ logger: false });
  const usedCodes = /* @__PURE__ */ new Set();
  const tokens = /* @__PURE__ */ new Set();
  const messages = [];
  const refusing = /* @__PURE__ */ new Set();
  const failuresLeft = /* @__PURE__ */ new Map();
  const validToken = (t) => typeof t === "string" && tokens.has(t);
  const tokenError = { errcode: WECHAT_TOKEN_INVALID, errmsg: "invalid credential, access_token is invalid or not latest" };
  app.get("/sns/jscode2session", async (req) => {
    const code = String(req.query.js_code ?? "");
    const match = /^dev:([^#]+)(#.+)?$/.exec(code);
    if (!match || !PERSONA.test(match[1])) return { errcode: WECHAT_CODE_INVALID, errmsg: "invalid code" };
    if (match[2]) {
      if (usedCodes.has(code)) return { errcode: WECHAT_CODE_USED, errmsg: "code been used" };
      usedCodes.add(code);
    }
    return { openid: openidOf(match[1]), session_key: import_node_crypto3.default.randomBytes(16).toString("base64") };
  });
  app.post("/cgi-bin/stable_token", async () => {
    const token = import_node_crypto3.default.randomBytes(24).toString("hex");
    tokens.add(token);
    return { access_token: token, expires_in: 7200 };
  });
  app.post("/cgi-bin/message/subscribe/send", async (req) => {
    if (!validToken(req.query.access_token)) return tokenError;
    const body = req.body;
    const pending = failuresLeft.get(body.touser) ?? 0;
    if (pending > 0) {
      failuresLeft.set(body.touser, pending - 1);
      return { errcode: -1, errmsg: "system error" };
    }
    if (refusing.has(body.touser)) return { errcode: WECHAT_SUBSCRIPTION_REFUSED, errmsg: "user refuse to accept the msg" };
    const msgid = String(1e6 + messages.length);
    messages.push({ ...body, msgid, at: (/* @__PURE__ */ new Date()).toISOString() });
    return { errcode: 0, errmsg: "ok", msgid: Number(msgid) };
  });
  app.post("/wxa/business/getuserphonenumber", async (req) => {
    if (!validToken(req.query.access_token)) return tokenError;
    const code = String(req.body.code ?? "");
    const match = /^phone:(1\d{10})$/.exec(code);
    if (!match) return { errcode: WECHAT_CODE_INVALID, errmsg: "invalid code" };
    return {
      errcode: 0,
      errmsg: "ok",
      phone_info: { phoneNumber: match[1], purePhoneNumber: match[1], countryCode: "86" }
    };
  });
  app.post("/wxa/getwxacodeunlimit", async (req, reply) => {
    if (!validToken(req.query.access_token)) return tokenError;
    const { scene, page, width } = req.body;
    if (!scene || scene.length > 32) return { errcode: 40169, errmsg: "invalid length for scene" };
    const png = await import_qrcode.default.toBuffer(`${page ?? "pages/index/index"}?scene=${scene}`, {
      width: Math.min(Math.max(width ?? 430, 280), 1280),
      margin: 2
    });
    return reply.type("image/png").send(png);
  });
  app.get("/__fake/messages", async () => messages);
  app.delete("/__fake/messages", async () => {
    messages.length = 0;
    return { ok: true };
  });
  app.post("/__fake/refuse", async (req) => {
    refusing.add(String(req.body.openid));
    return { ok: true };
  });
  app.post("/__fake/fail", async (req) => {
    const { openid, times } = req.body;
    failuresLeft.set(openid, times);
    return { ok: true };
  });
  app.post("/__fake/expire-tokens", async () => {
    tokens.clear();
    return { ok: true };
  });
  return app;
}
async function startFakeWechat(port = 0, host = "127.0.0.1") {
  const app = buildFakeWechat();
  const address = await app.listen({ host, port });
  return { app, url: address, close: () => app.close() };
}

// cloud/demo/articles.ts
var DEMO_ARTICLES = [
  {
    id: "demo-series-intro",
    scopeId: "shangjie",
    category: "\u4E13\u9898\u62A5\u9053",
    title: "\u515A\u5EFA\u5F15\u9886\u201C\u4E09\u6CBB\u878D\u5408\u201D\uFF1A\u57CE\u4E61\u793E\u533A\u6CBB\u7406\u4EAE\u70B9\u7CFB\u5217\u62A5\u9053\u5F00\u680F",
    summary: "\u533A\u878D\u5A92\u4F53\u4E2D\u5FC3\u8054\u5408\u533A\u59D4\u793E\u6CBB\u59D4\u63A8\u51FA\u7CFB\u5217\u62A5\u9053\uFF0C\u5C55\u793A\u5404\u793E\u533A\u3001\u6751\u5728\u81EA\u6CBB\u3001\u6CD5\u6CBB\u3001\u5FB7\u6CBB\u4E0A\u7684\u597D\u505A\u6CD5\u3002",
    bodyHtml: "<p>\u8FD1\u5E74\u6765\uFF0C\u4E0A\u8857\u533A\u575A\u6301\u4EE5\u4EBA\u6C11\u4E3A\u4E2D\u5FC3\uFF0C\u53D1\u6325\u793E\u533A\u515A\u7EC4\u7EC7\u7684\u9886\u5BFC\u4F5C\u7528\u3001\u515A\u5458\u7684\u5148\u950B\u4F5C\u7528\u548C\u5C45\u6C11\u7684\u4E3B\u4F53\u4F5C\u7528\uFF0C\u8D70\u51FA\u4E86\u4E00\u6761\u201C\u515A\u5EFA\u5F15\u9886\u3001\u4E09\u6CBB\u878D\u5408\u201D\u7684\u793E\u533A\u6CBB\u7406\u65B0\u8DEF\u3002</p><p>\u4E3A\u4E86\u8BA9\u5404\u793E\u533A\u76F8\u4E92\u5B66\u4E60\u3001\u53D6\u957F\u8865\u77ED\uFF0C\u533A\u878D\u5A92\u4F53\u4E2D\u5FC3\u8054\u5408\u533A\u59D4\u793E\u6CBB\u59D4\u63A8\u51FA\u57CE\u4E61\u793E\u533A\u53D1\u5C55\u6CBB\u7406\u4EAE\u70B9\u5DE5\u4F5C\u7CFB\u5217\u62A5\u9053\uFF0C\u9646\u7EED\u4ECB\u7ECD\u671D\u9633\u793E\u533A\u3001\u4E09\u6E7E\u8857\u793E\u533A\u3001\u5927\u5761\u9876\u6751\u7B49\u5730\u7684\u7ECF\u9A8C\u3002</p>",
    reporters: ["\u6797\u6653"],
    correspondents: [],
    pinned: true,
    daysAgo: 6
  },
  {
    id: "demo-chaoyang-center",
    scopeId: "chaoyang",
    category: "\u4E13\u9898\u62A5\u9053",
    title: "\u671D\u9633\u793E\u533A\u65B0\u515A\u7FA4\u670D\u52A1\u4E2D\u5FC3\uFF1A19\u95F4\u529F\u80FD\u5BA4\u5411\u5C45\u6C11\u5F00\u653E",
    summary: "\u5360\u57301500\u5E73\u65B9\u7C73\uFF0C\u8BBE\u4FBF\u6C11\u670D\u52A1\u5927\u5385\u3001\u515A\u5458\u6D3B\u52A8\u5BA4\u3001\u6F14\u827A\u7A7A\u95F4\u3001\u79D1\u666E\u5927\u5B66\u7B4919\u95F4\u529F\u80FD\u5BA4\u3002",
    bodyHtml: "<p>\u671D\u9633\u793E\u533A\u515A\u7FA4\u670D\u52A1\u4E2D\u5FC3\u5360\u57301500\u5E73\u65B9\u7C73\uFF0C\u8BBE\u6709\u4FBF\u6C11\u670D\u52A1\u5927\u5385\u3001\u515A\u5458\u6D3B\u52A8\u5BA4\u3001\u6F14\u827A\u7A7A\u95F4\u3001\u79D1\u666E\u5927\u5B66\u4EE5\u53CA\u4E66\u753B\u3001\u526A\u7EB8\u3001\u5408\u5531\u7B49\u6D3B\u52A8\u5BA4\uFF0C\u517119\u95F4\u529F\u80FD\u5BA4\uFF0C\u6210\u4E3A\u5C45\u6C11\u8EAB\u8FB9\u5F00\u653E\u5171\u4EAB\u7684\u516C\u5171\u7A7A\u95F4\u3002</p><h3>\u201C\u4E00\u7AD9\u5F0F\u201D\u670D\u52A1\u5927\u5385</h3><p>\u670D\u52A1\u5927\u5385\u64A4\u6389\u4E86\u9694\u79BB\u5F0F\u67DC\u53F0\uFF0C\u5C45\u6C11\u53EF\u4EE5\u5750\u5728\u5DE5\u4F5C\u4EBA\u5458\u8EAB\u65C1\uFF0C\u770B\u7740\u7535\u8111\u5C4F\u5E55\u4E86\u89E3\u81EA\u5DF1\u4E8B\u9879\u7684\u529E\u7406\u8FDB\u5EA6\u3002\u201C\u76F8\u805A\u515A\u65D7\u4E0B\uFF0C\u670D\u52A1\u96F6\u8DDD\u79BB\u201D\u662F\u5927\u5385\u7684\u670D\u52A1\u5B97\u65E8\u3002</p><h3>\u8001\u6709\u6240\u5B66\u3001\u8001\u6709\u6240\u4E50</h3><p>\u515A\u5458\u6D3B\u52A8\u5BA4\u5168\u5929\u5F00\u653E\uFF0C\u4E66\u753B\u3001\u526A\u7EB8\u3001\u6839\u5851\u7B49\u8BFE\u7A0B\u53EF\u53C2\u4E0E\u3001\u53EF\u4E92\u52A8\u3002\u5E38\u6765\u8BB2\u515A\u8BFE\u7684\u9648\u7237\u7237\u8BF4\uFF1A\u201C\u6D3B\u52A8\u573A\u5730\u591A\u4E86\uFF0C\u5927\u5BB6\u7684\u65E5\u5B50\u4E5F\u66F4\u5F00\u5FC3\u4E86\u3002\u201D</p><p>\u529F\u80FD\u5BA4\u53EF\u5728\u5C0F\u7A0B\u5E8F\u201C\u670D\u52A1\u201D\u9875\u9884\u7EA6\u3002</p>",
    reporters: ["\u6797\u6653"],
    correspondents: ["\u90ED\u5B81"],
    daysAgo: 5
  },
  {
    id: "demo-chaoyang-hours",
    scopeId: "chaoyang",
    category: "\u901A\u77E5\u516C\u544A",
    title: "\u671D\u9633\u793E\u533A\u515A\u7FA4\u670D\u52A1\u4E2D\u5FC3\u5F00\u653E\u65F6\u95F4",
    summary: "\u4FBF\u6C11\u670D\u52A1\u5927\u5385\u5468\u4E00\u81F3\u5468\u4E94 8:30\u201412:00\u300114:30\u201417:30\uFF1B\u6D3B\u52A8\u5BA4\u6BCF\u5929 8:00\u201421:00\u3002",
    bodyHtml: "<p>\u4FBF\u6C11\u670D\u52A1\u5927\u5385\uFF1A\u5468\u4E00\u81F3\u5468\u4E94 8:30\u201412:00\u300114:30\u201417:30\uFF08\u6CD5\u5B9A\u8282\u5047\u65E5\u4F11\u606F\uFF09\u3002</p><p>\u515A\u5458\u6D3B\u52A8\u5BA4\u3001\u4E66\u753B\u5BA4\u3001\u526A\u7EB8\u5BA4\u3001\u5408\u5531\u5BA4\u7B49\u6D3B\u52A8\u5BA4\uFF1A\u6BCF\u5929 8:00\u201421:00\uFF0C\u8BF7\u63D0\u524D\u5728\u5C0F\u7A0B\u5E8F\u9884\u7EA6\u3002</p><p>\u529E\u7406\u5C45\u4F4F\u8BC1\u660E\u3001\u9AD8\u9F84\u6D25\u8D34\u7533\u8BF7\u3001\u8001\u5E74\u4F18\u5F85\u8BC1\u7B49\u4E8B\u9879\uFF0C\u53EF\u5148\u5728\u5C0F\u7A0B\u5E8F\u9884\u7EA6\u5230\u5927\u5385\u7684\u65F6\u6BB5\uFF0C\u6309\u63D0\u793A\u5E26\u9F50\u6750\u6599\uFF0C\u5C11\u8DD1\u4E00\u8D9F\u3002</p>",
    reporters: [],
    correspondents: [],
    pinned: true,
    daysAgo: 4
  },
  {
    id: "demo-sanwanjie-petition",
    scopeId: "sanwanjie",
    category: "\u793E\u533A\u52A8\u6001",
    title: "\u4E09\u6E7E\u8857\u793E\u533A\u63A8\u51FA\u201C\u4FE1\u8BBF\u4EE3\u529E\u201D\uFF1A\u53EA\u8FDB\u4E00\u6247\u95E8\u3001\u8BA4\u51C6\u4E00\u4E2A\u4EBA",
    summary: "\u793E\u533A\u4E66\u8BB0\u3001\u201C\u4E24\u59D4\u201D\u6210\u5458\u3001\u793E\u533A\u6C11\u8B66\u548C\u4EBA\u6C11\u8C03\u89E3\u5458\u62C5\u4EFB\u4EE3\u529E\u5458\uFF0C\u7FA4\u4F17\u6709\u8BC9\u6C42\u53EF\u5C31\u8FD1\u627E\u5230\u4EBA\u3002",
    bodyHtml: "<p>\u4E3A\u7545\u901A\u4FE1\u8BBF\u6E20\u9053\u3001\u5C31\u5730\u89E3\u51B3\u7FA4\u4F17\u5408\u7406\u8BC9\u6C42\uFF0C\u4E09\u6E7E\u8857\u793E\u533A\u5728\u8D85\u5E02\u95E8\u524D\u5F00\u5C55\u4FE1\u8BBF\u4EE3\u529E\u5BA3\u4F20\uFF0C\u7528\u6A2A\u5E45\u3001\u5BA3\u4F20\u9875\u4ECB\u7ECD\u4EE3\u529E\u5458\u961F\u4F0D\u3001\u4EE3\u529E\u5236\u5EA6\u548C\u529E\u7406\u7A0B\u5E8F\u3002</p><p>\u4FE1\u8BBF\u4EE3\u529E\u8BA9\u7FA4\u4F17\u201C\u53EA\u8FDB\u4E00\u6247\u95E8\u3001\u8BA4\u51C6\u4E00\u4E2A\u4EBA\u3001\u4E8B\u9879\u4E00\u6B21\u529E\u201D\u3002\u793E\u533A\u4E66\u8BB0\u3001\u201C\u4E24\u59D4\u201D\u6210\u5458\u3001\u793E\u533A\u6C11\u8B66\u3001\u4EBA\u6C11\u8C03\u89E3\u5458\u62C5\u4EFB\u4EE3\u529E\u5458\uFF0C\u8BA9\u7FA4\u4F17\u5C11\u8DD1\u817F\u3001\u5C11\u64CD\u5FC3\u3002</p><p>\u53C2\u52A0\u6D3B\u52A8\u7684\u5F20\u5148\u751F\u8BF4\uFF1A\u201C\u4EE5\u540E\u6709\u4E8B\u5E26\u4E0A\u8EAB\u4EFD\u8BC1\u5C31\u884C\uFF0C\u4ECE\u53D7\u7406\u5230\u529E\u7ED3\u4E0D\u7528\u56DB\u5904\u8DD1\uFF0C\u592A\u65B9\u4FBF\u4E86\u3002\u201D</p><p>\u5728\u5C0F\u7A0B\u5E8F\u201C\u670D\u52A1\u2014\u4FE1\u8BBF\u4EE3\u529E\u201D\u53EF\u4EE5\u76F4\u63A5\u628A\u4E8B\u9879\u4EA4\u7ED9\u4EE3\u529E\u5458\uFF0C\u5E76\u968F\u65F6\u67E5\u770B\u8FDB\u5EA6\u3002</p>",
    reporters: ["\u5468\u5C9A"],
    correspondents: ["\u4F55\u654F", "\u5B8B\u9633"],
    daysAgo: 3
  },
  {
    id: "demo-dapoding-road",
    scopeId: "dapoding",
    category: "\u793E\u533A\u52A8\u6001",
    title: "\u5927\u5761\u9876\u6751\u5F00\u901A\u4E24\u4E2A\u8DEF\u53E3\uFF0C\u5C45\u6C11\u51FA\u95E8\u4E0D\u518D\u7ED5\u884C800\u7C73",
    summary: "\u9A7B\u6751\u5DE5\u4F5C\u961F\u5728\u201C\u5927\u8D70\u8BBF\u201D\u4E2D\u542C\u5230\u5C45\u6C11\u548C\u5546\u6237\u7684\u96BE\u5904\uFF0C\u534F\u8C03\u591A\u90E8\u95E8\u5F00\u8BBE\u8DEF\u53E3\uFF0C\u65BD\u5DE5\u5355\u4F4D\u514D\u8D39\u65BD\u5DE5\u3002",
    bodyHtml: "<p>\u5728\u201C\u5927\u8D70\u8BBF\u201D\u4E2D\uFF0C\u9A7B\u6751\u5DE5\u4F5C\u961F\u4E86\u89E3\u5230\uFF1A\u5B89\u7F6E\u533A\u5317\u95E8\u5916\u6CA1\u6709\u76F4\u901A\u7684\u9053\u8DEF\uFF0C\u5C45\u6C11\u51FA\u95E8\u8981\u7ED5\u884C\u8FD1800\u7C73\uFF0C\u4E00\u65E6\u6709\u9669\u60C5\u4E5F\u4F1A\u803D\u8BEF\u6551\u63F4\uFF1B\u897F\u4FA7\u548C\u5357\u4FA7\u7684\u5546\u6237\u95E8\u524D\u9694\u774010\u7C73\u5BBD\u7684\u7EFF\u5316\u5E26\uFF0C\u5E0C\u671B\u589E\u8BBE\u8DEF\u53E3\u65B9\u4FBF\u987E\u5BA2\u3002</p><p>\u5DE5\u4F5C\u961F\u4E0E\u6751\u201C\u4E24\u59D4\u201D\u5546\u8BAE\u540E\uFF0C\u51B3\u5B9A\u5728\u5317\u95E8\u5916\u6700\u8FD1\u5904\u548C\u5B89\u7F6E\u533A\u897F\u4FA7\u4E2D\u95F4\u5404\u5F00\u4E00\u4E2A\u8DEF\u53E3\uFF0C\u968F\u540E\u534F\u8C03\u533A\u57CE\u7BA1\u5C40\u529E\u7406\u624B\u7EED\u3001\u533A\u7EFF\u5316\u7BA1\u7406\u4E2D\u5FC3\u79FB\u683D\u6811\u6728\uFF0C\u4E24\u5BB6\u65BD\u5DE5\u5355\u4F4D\u514D\u8D39\u65BD\u5DE5\u3002</p><p>\u8DEF\u53E3\u5F00\u901A\u540E\uFF0C\u5C45\u6C11\u51FA\u884C\u65B9\u4FBF\u4E86\uFF0C\u5468\u8FB9\u95E8\u9762\u623F\u4E5F\u66F4\u597D\u51FA\u79DF\u4E86\u3002</p>",
    reporters: ["\u5434\u660A"],
    correspondents: ["\u9093\u5DDD"],
    daysAgo: 3
  },
  {
    id: "demo-dongfang-water",
    scopeId: "dongfang",
    category: "\u5021\u8BAE",
    title: "\u8282\u6C34\u7231\u6C34 \u4F60\u6211\u540C\u884C\uFF1A\u4E1C\u65B9\u793E\u533A\u53D1\u51FA\u8282\u6C34\u5021\u8BAE",
    summary: "\u4E16\u754C\u6C34\u65E5\u524D\u540E\uFF0C\u4E1C\u65B9\u793E\u533A\u8D70\u8FDB\u697C\u9662\u3001\u95E8\u5E97\u53D1\u653E\u5021\u8BAE\u4E66\uFF0C\u9080\u8BF7\u6BCF\u6237\u5C45\u6C11\u4E00\u8D77\u8282\u6C34\u3002",
    bodyHtml: "<p>\u56F4\u7ED5\u201C\u4E16\u754C\u6C34\u65E5\u201D\uFF0C\u4E1C\u65B9\u793E\u533A\u901A\u8FC7\u5FAE\u4FE1\u7FA4\u3001LED\u5C4F\u6EDA\u52A8\u64AD\u653E\u548C\u5165\u6237\u53D1\u653E\u5021\u8BAE\u4E66\u7B49\u65B9\u5F0F\uFF0C\u5411\u5C45\u6C11\u8BB2\u89E3\u4E16\u754C\u6C34\u65E5\u7684\u7531\u6765\u548C\u6211\u56FD\u7684\u57FA\u672C\u6C34\u60C5\u3002</p><p>\u793E\u533A\u5021\u8BAE\u5927\u5BB6\u4ECE\u81EA\u8EAB\u505A\u8D77\u3001\u4ECE\u70B9\u6EF4\u505A\u8D77\uFF1A</p><ul><li>\u6D17\u83DC\u6C34\u7559\u4E0B\u6765\u6D47\u82B1\u3001\u51B2\u5395\u6240\uFF1B</li><li>\u5237\u7259\u3001\u62B9\u6D17\u624B\u6DB2\u65F6\u968F\u624B\u5173\u9F99\u5934\uFF1B</li><li>\u53D1\u73B0\u6F0F\u6C34\u7684\u6C34\u7BA1\u3001\u6C34\u9F99\u5934\u53CA\u65F6\u62A5\u4FEE\uFF1B</li><li>\u6D17\u8863\u673A\u6512\u591F\u4E00\u6876\u518D\u6D17\u3002</li></ul><p>\u70B9\u4E0B\u65B9\u201C\u6211\u627F\u8BFA\u201D\uFF0C\u548C\u90BB\u5C45\u4EEC\u4E00\u8D77\u517B\u6210\u8282\u6C34\u7684\u597D\u4E60\u60EF\u3002</p>",
    reporters: ["\u8BB8\u5B81"],
    correspondents: ["\u97E9\u60A6"],
    pledgePrompt: "\u6211\u627F\u8BFA\uFF1A\u8282\u7EA6\u6BCF\u4E00\u6EF4\u6C34\uFF0C\u4ECE\u6211\u5BB6\u505A\u8D77",
    daysAgo: 2
  },
  {
    id: "demo-huifeng-clinic",
    scopeId: "huifeng",
    category: "\u793E\u533A\u52A8\u6001",
    title: "\u6C47\u4E30\u793E\u533A\u7231\u5FC3\u4E49\u8BCA\uFF1A150\u4F59\u4F4D\u5C45\u6C11\u5728\u5BB6\u95E8\u53E3\u770B\u4E13\u5BB6",
    summary: "\u517B\u8001\u673A\u6784\u533B\u7597\u5FD7\u613F\u8005\u548C\u534F\u4F5C\u533B\u9662\u4E13\u5BB6\u4E3A\u5C45\u6C11\u514D\u8D39\u6D4B\u8840\u7CD6\u8840\u538B\uFF0C\u63D0\u4F9B\u5FC3\u5185\u79D1\u3001\u53E3\u8154\u79D1\u68C0\u67E5\u548C\u5065\u5EB7\u54A8\u8BE2\u3002",
    bodyHtml: "<p>\u6C47\u4E30\u793E\u533A\u515A\u603B\u652F\u5F00\u5C55\u201C\u7231\u5FC3\u4E49\u8BCA\u8FDB\u793E\u533A \u4FBF\u6C11\u670D\u52A1\u9001\u5065\u5EB7\u201D\u6D3B\u52A8\uFF0C\u9080\u8BF7\u517B\u8001\u673A\u6784\u7684\u533B\u7597\u5FD7\u613F\u8005\u548C\u534F\u4F5C\u533B\u9662\u4E13\u5BB6\u8D70\u8FDB\u793E\u533A\u3002</p><p>\u4E13\u5BB6\u4EEC\u4E3A\u5C45\u6C11\u514D\u8D39\u6D4B\u91CF\u8840\u7CD6\u3001\u8840\u538B\uFF0C\u63D0\u4F9B\u5FC3\u5185\u79D1\u3001\u53E3\u8154\u79D1\u68C0\u67E5\u548C\u5065\u5EB7\u54A8\u8BE2\uFF0C\u5E76\u9488\u5BF9\u6BCF\u4F4D\u5C45\u6C11\u7684\u8EAB\u4F53\u72B6\u51B5\u7ED9\u51FA\u5EFA\u8BAE\u3002\u5F53\u5929\u4E0A\u5348\u53D7\u76CA\u5C45\u6C11150\u4F59\u4EBA\u3002</p><p>\u793E\u533A\u8868\u793A\uFF0C\u4ECA\u540E\u5C06\u5B9A\u671F\u5F00\u5C55\u4E49\u8BCA\uFF0C\u6D3B\u52A8\u62A5\u540D\u8BF7\u7559\u610F\u5C0F\u7A0B\u5E8F\u201C\u6D3B\u52A8\u201D\u9875\u3002</p>",
    reporters: ["\u51AF\u5029"],
    correspondents: ["\u9A6C\u9A8F"],
    daysAgo: 2
  },
  {
    id: "demo-kangle-banner",
    scopeId: "kangle",
    category: "\u793E\u533A\u52A8\u6001",
    title: "\u5E2E\u8001\u4E24\u53E3\u91CD\u7F6E\u94F6\u884C\u5361\u5BC6\u7801\uFF0C81\u5C81\u5C45\u6C11\u7ED9\u5EB7\u4E50\u793E\u533A\u9001\u6765\u9526\u65D7",
    summary: "\u8001\u4EBA\u817F\u811A\u4E0D\u4FBF\u3001\u5B50\u5973\u4E0D\u5728\u8EAB\u8FB9\uFF0C\u793E\u533A\u5DE5\u4F5C\u4EBA\u5458\u8054\u7CFB\u94F6\u884C\uFF0C\u7528\u89C6\u9891\u65B9\u5F0F\u529E\u5B8C\u4E86\u4E1A\u52A1\u3002",
    bodyHtml: "<p>81\u5C81\u7684\u6768\u5927\u7237\u6765\u5230\u5EB7\u4E50\u793E\u533A\u5C45\u59D4\u4F1A\uFF0C\u628A\u4E00\u9762\u5199\u7740\u201C\u70ED\u5FC3\u52A9\u8001\u732E\u771F\u60C5 \u65E0\u79C1\u5949\u732E\u4F20\u7F8E\u5FB7\u201D\u7684\u9526\u65D7\u9001\u5230\u5DE5\u4F5C\u4EBA\u5458\u624B\u4E2D\u3002</p><p>\u539F\u6765\uFF0C\u6768\u5927\u7237\u7684\u8001\u4F34\u5FD8\u4E86\u94F6\u884C\u5361\u5BC6\u7801\uFF0C\u56E0\u817F\u811A\u4E0D\u4FBF\u3001\u5B50\u5973\u4E0D\u5728\u8EAB\u8FB9\uFF0C\u6CA1\u6CD5\u53BB\u94F6\u884C\u67DC\u53F0\u529E\u7406\u3002\u793E\u533A\u5DE5\u4F5C\u4EBA\u5458\u5F97\u77E5\u540E\uFF0C\u7B2C\u4E00\u65F6\u95F4\u8054\u7CFB\u94F6\u884C\uFF0C\u6700\u7EC8\u901A\u8FC7\u5FAE\u4FE1\u89C6\u9891\u4E3A\u8001\u4EBA\u529E\u597D\u4E86\u4E1A\u52A1\u3002</p>",
    reporters: ["\u5B59\u5353"],
    correspondents: ["\u8D75\u7433"],
    daysAgo: 1
  },
  {
    id: "demo-minan-wages",
    scopeId: "minan",
    category: "\u793E\u533A\u52A8\u6001",
    title: "172\u540D\u519C\u6C11\u5DE5\u62FF\u56DE200\u4E07\u5143\u5DE5\u8D44\uFF0C\u4EE3\u8868\u7ED9\u6C11\u5B89\u793E\u533A\u9001\u9526\u65D7",
    summary: "\u793E\u533A\u4E86\u89E3\u60C5\u51B5\u540E\u7ACB\u5373\u4E0A\u62A5\uFF0C\u8857\u9053\u4FE1\u8BBF\u529E\u3001\u4FBF\u6C11\u670D\u52A1\u4E2D\u5FC3\u548C\u793E\u533A\u7EC4\u6210\u8C03\u67E5\u7EC4\uFF0C\u591A\u6B21\u534F\u5546\u540E\u5DE5\u8D44\u5168\u90E8\u7ED3\u6E05\u3002",
    bodyHtml: "<p>\u6625\u8282\u524D\uFF0C\u6C11\u5B89\u793E\u533A\u8F96\u533A\u5185\u4E00\u4E2A\u623F\u5730\u4EA7\u9879\u76EE\u62D6\u6B20172\u540D\u519C\u6C11\u5DE5\u5DE5\u8D44\u5171200\u4E07\u5143\uFF0C\u5DE5\u4EBA\u4EEC\u591A\u6B21\u8BA8\u8981\u672A\u679C\u3002</p><p>\u793E\u533A\u4E86\u89E3\u60C5\u51B5\u540E\u7ACB\u5373\u5411\u4E0A\u7EA7\u53CD\u6620\uFF0C\u6D4E\u6E90\u8DEF\u8857\u9053\u4FE1\u8BBF\u529E\u3001\u4FBF\u6C11\u670D\u52A1\u4E2D\u5FC3\u548C\u793E\u533A\u5F53\u5373\u6210\u7ACB\u8C03\u67E5\u7EC4\uFF0C\u5230\u9879\u76EE\u73B0\u573A\u6838\u5B9E\uFF0C\u67E5\u660E\u627F\u5305\u5546\u632A\u7528\u4E86\u5DE5\u4EBA\u5DE5\u8D44\u3002\u7ECF\u8FC7\u591A\u6B21\u534F\u5546\uFF0C\u627F\u5305\u5546\u6700\u7EC8\u4ED8\u6E05\u4E86\u6B20\u6B3E\u3002</p><p>\u519C\u6C11\u5DE5\u4EE3\u8868\u4E13\u7A0B\u6765\u5230\u6C11\u5B89\u793E\u533A\u515A\u7FA4\u670D\u52A1\u4E2D\u5FC3\uFF0C\u9001\u4E0A\u5199\u6709\u201C\u4E00\u5FC3\u4E00\u610F\u4E3A\u4EBA\u6C11 \u5C3D\u5FC3\u7AED\u529B\u529E\u5B9E\u4E8B\u201D\u7684\u9526\u65D7\u3002\u9047\u5230\u6B20\u85AA\uFF0C\u53EF\u5728\u5C0F\u7A0B\u5E8F\u201C\u670D\u52A1\u2014\u6211\u8981\u53CD\u6620\u201D\u9009\u62E9\u201C\u52B3\u52A8\u4FDD\u969C/\u6B20\u85AA\u201D\u3002</p>",
    reporters: ["\u51AF\u5029"],
    correspondents: ["\u6C6A\u6D0B"],
    daysAgo: 1
  },
  {
    id: "demo-lost-elder",
    scopeId: "shangjie",
    category: "\u793E\u533A\u52A8\u6001",
    title: "\u516B\u65EC\u8001\u4EBA\u516C\u56ED\u8FF7\u8DEF\uFF0C\u5DE1\u9632\u961F\u5458\u548C\u6C11\u8B66\u63A5\u529B\u9001\u56DE\u5BB6",
    summary: "\u8001\u4EBA\u72EC\u81EA\u4E58\u516C\u4EA4\u51FA\u95E8\u540E\u5FD8\u4E86\u56DE\u5BB6\u7684\u8DEF\uFF0C\u5DE1\u9632\u961F\u5458\u53D1\u73B0\u540E\u8054\u7CFB\u6D3E\u51FA\u6240\uFF0C\u6C11\u8B66\u67E5\u5230\u5BB6\u5C5E\u628A\u8001\u4EBA\u9001\u56DE\u3002",
    bodyHtml: "<p>\u508D\u665A\u65F6\u5206\uFF0C\u6D4E\u6E90\u8DEF\u8857\u9053\u5DE1\u9632\u961F\u5728\u94DD\u57CE\u516C\u56ED\u5357\u95E8\u5DE1\u903B\u65F6\uFF0C\u53D1\u73B0\u4E00\u4F4D\u9AD8\u9F84\u8001\u4EBA\u6765\u56DE\u6253\u8F6C\u3001\u795E\u60C5\u7126\u6025\u3002\u539F\u6765\u8001\u4EBA\u72EC\u81EA\u4E58\u516C\u4EA4\u8F66\u51FA\u6765\u905B\u5F2F\uFF0C\u5FD8\u4E86\u56DE\u5BB6\u7684\u8DEF\uFF0C\u5DF2\u7ECF\u5728\u9644\u8FD1\u8F6C\u4E86\u8FD1\u4E00\u4E2A\u5C0F\u65F6\u3002</p><p>\u8001\u4EBA\u8BF4\u4E0D\u6E05\u59D3\u540D\u548C\u4F4F\u5740\uFF0C\u961F\u5458\u4EEC\u5148\u5E26\u4ED6\u5230\u9644\u8FD1\u5546\u5E97\u4F11\u606F\uFF0C\u518D\u8BF7\u6D3E\u51FA\u6240\u6C11\u8B66\u5E2E\u5FD9\u3002\u6C11\u8B66\u901A\u8FC7\u6237\u7C4D\u4FE1\u606F\u8054\u7CFB\u4E0A\u5BB6\u5C5E\uFF0C\u628A\u8001\u4EBA\u5E73\u5B89\u9001\u56DE\u5BB6\u3002</p><p>\u63D0\u9192\uFF1A\u5BB6\u6709\u9AD8\u9F84\u8001\u4EBA\u7684\uFF0C\u53EF\u4EE5\u5728\u8001\u4EBA\u8863\u515C\u91CC\u653E\u4E00\u5F20\u5199\u6709\u8054\u7CFB\u7535\u8BDD\u7684\u5361\u7247\u3002</p>",
    reporters: ["\u5468\u5C9A"],
    correspondents: ["\u502A\u6D9B"],
    daysAgo: 4
  },
  {
    id: "demo-fire-truck",
    scopeId: "shangjie",
    category: "\u793E\u533A\u52A8\u6001",
    title: "\u6D12\u6C34\u8F66\u79D2\u53D8\u201C\u6D88\u9632\u8F66\u201D\uFF0C\u53CA\u65F6\u6251\u706D\u5F85\u5EFA\u5DE5\u5730\u706B\u60C5",
    summary: "\u79D1\u5B66\u5927\u9053\u4E0E\u901A\u822A\u4E09\u8DEF\u4EA4\u53C9\u53E3\u9644\u8FD1\u5DE5\u5730\u8D77\u706B\uFF0C\u6B63\u5728\u4F5C\u4E1A\u7684\u73AF\u536B\u6D12\u6C34\u8F66\u5148\u884C\u706D\u706B\uFF0C\u907F\u514D\u706B\u52BF\u8513\u5EF6\u3002",
    bodyHtml: "<p>\u4E0A\u534811\u70B9\u591A\uFF0C\u79D1\u5B66\u5927\u9053\u4E0E\u901A\u822A\u4E09\u8DEF\u4EA4\u53C9\u53E3\u9644\u8FD1\u4E00\u5904\u5F85\u5EFA\u5DE5\u5730\u7A81\u53D1\u706B\u60C5\u3002\u533A\u57CE\u7BA1\u5C40\u7B2C\u4E00\u65F6\u95F4\u8054\u7CFB\u73AF\u536B\u516C\u53F8\uFF0C\u6B63\u5728\u9644\u8FD1\u4F5C\u4E1A\u7684\u6D12\u6C34\u8F66\u8FC5\u901F\u8D76\u5230\u73B0\u573A\u706D\u706B\u3002</p><p>\u6D88\u9632\u4EBA\u5458\u968F\u540E\u8D76\u5230\uFF0C\u4E0E\u73AF\u536B\u5DE5\u4EBA\u914D\u5408\u5B8C\u6210\u540E\u671F\u706D\u706B\u3002\u7531\u4E8E\u5904\u7F6E\u8FC5\u901F\uFF0C\u6CA1\u6709\u9020\u6210\u66F4\u5927\u7684\u635F\u5931\u3002</p>",
    reporters: ["\u5B89\u7136"],
    correspondents: ["\u5218\u7545", "\u674E\u6B23"],
    daysAgo: 5
  },
  {
    id: "demo-lease",
    scopeId: "shangjie",
    category: "\u516C\u793A",
    title: "\u4E2D\u5FC3\u8DEF9\u53F7\u9662\u72EC\u7ACB\u5546\u52A1\u697C\u516C\u5F00\u62DB\u79DF",
    summary: "\u72EC\u7ACB\u56DB\u5C42\u5546\u52A1\u697C\uFF0C\u5EFA\u7B51\u9762\u79EF8000\u4F59\u5E73\u65B9\u7C73\uFF0C\u4EA7\u6743\u5C5E\u533A\u5C5E\u56FD\u6709\u72EC\u8D44\u4F01\u4E1A\uFF0C\u73B0\u516C\u5F00\u62DB\u79DF\u3002",
    bodyHtml: "<p>\u4F4D\u4E8E\u4E2D\u5FC3\u8DEF9\u53F7\u9662\uFF08\u4E9A\u661F\u76DB\u4E16\u5C0F\u533A\u5BF9\u9762\uFF09\u7684\u72EC\u7ACB\u56DB\u5C42\u5546\u52A1\u697C\uFF0C\u5EFA\u7B51\u9762\u79EF8000\u4F59\u5E73\u65B9\u7C73\uFF0C\u4EA4\u901A\u4FBF\u5229\uFF0C\u5546\u5708\u6210\u719F\uFF0C\u5468\u8FB9\u5C45\u4F4F\u4EBA\u53E3\u5BC6\u96C6\u3002\u4EA7\u6743\u4E3A\u533A\u5C5E\u56FD\u6709\u72EC\u8D44\u4F01\u4E1A\u6240\u6709\u3002</p><p>\u73B0\u516C\u5F00\u62DB\u79DF\uFF0C\u6B22\u8FCE\u610F\u5411\u627F\u79DF\u4EBA\u5230\u533A\u5C5E\u56FD\u6709\u4F01\u4E1A\u62DB\u5546\u90E8\u95E8\u54A8\u8BE2\uFF08\u5DE5\u4F5C\u65E5 9:00\u201417:00\uFF09\u3002</p>",
    reporters: [],
    correspondents: [],
    daysAgo: 7
  },
  {
    id: "demo-honor-intro",
    scopeId: "shangjie",
    category: "\u4E13\u9898\u62A5\u9053",
    title: "2020\u5E74\u5EA6\u201C\u4E61\u6751\u5149\u8363\u699C\u201D\u4EBA\u7269\u7CFB\u5217\u62A5\u9053\uFF1A\u6709\u62C5\u5F53\u7684\u597D\u4E08\u592B",
    summary: "\u59BB\u5B50\u662F\u793E\u533A\u5DE5\u4F5C\u8005\uFF0C\u75AB\u60C5\u671F\u95F4\u4E24\u4E2A\u6708\u53EA\u89C1\u4E86\u4E09\u6B21\u9762\uFF0C\u4ED6\u628A\u4E24\u8FB9\u8001\u4EBA\u548C\u5907\u8003\u7684\u5973\u513F\u7167\u987E\u5F97\u59A5\u59A5\u5E16\u5E16\u3002",
    bodyHtml: "<p>\u4ECA\u5E7449\u5C81\u7684\u674E\u5148\u751F\u548C\u59BB\u5B50\u7ED3\u5A5A\u4E8C\u5341\u591A\u5E74\u3002\u59BB\u5B50\u662F\u793E\u533A\u5DE5\u4F5C\u4EBA\u5458\uFF0C\u75AB\u60C5\u9632\u63A7\u6700\u7D27\u5F20\u7684\u65F6\u5019\uFF0C\u4E24\u4EBA\u4E24\u4E2A\u6708\u53EA\u89C1\u8FC7\u4E09\u6B21\u9762\u3002</p><p>\u4ED6\u6CA1\u6709\u4E00\u53E5\u6028\u8A00\uFF0C\u628A\u53CC\u65B9\u8001\u4EBA\u7167\u987E\u5F97\u59A5\u59A5\u5E16\u5E16\uFF0C\u53C8\u5929\u5929\u53D8\u7740\u82B1\u6837\u7ED9\u5907\u6218\u9AD8\u8003\u7684\u5973\u513F\u505A\u996D\u3002\u59BB\u5B50\u503C\u591C\u73ED\uFF0C\u4ED6\u5C31\u966A\u7740\u5728\u529E\u516C\u5BA4\u6253\u5730\u94FA\uFF1B\u59BB\u5B50\u505A\u5B8C\u624B\u672F\u521A\u4E0A\u73ED\uFF0C\u4ED6\u6BCF\u5929\u63A5\u9001\u3001\u4E2D\u5348\u9001\u996D\uFF0C\u575A\u6301\u4E86\u4E00\u4E2A\u591A\u6708\u3002</p><p>\u59BB\u5B50\u8BF4\uFF1A\u201C\u4ED6\u8BDD\u4E0D\u591A\uFF0C\u5374\u662F\u4E2A\u6709\u62C5\u5F53\u7684\u597D\u4E08\u592B\u3002\u6709\u4ED6\u5728\uFF0C\u6211\u5DE5\u4F5C\u624D\u6CA1\u6709\u540E\u987E\u4E4B\u5FE7\u3002\u201D</p>",
    reporters: ["\u8BB8\u5B81"],
    correspondents: [],
    daysAgo: 6
  }
];

// cloud/demo/events.ts
var DEMO_EVENTS = [
  {
    id: "demo-event-clinic",
    scopeId: "chaoyang",
    category: "\u4E49\u8BCA",
    title: "\u7231\u5FC3\u4E49\u8BCA\u8FDB\u793E\u533A",
    description: "\u90D1\u5DDE\u5E02\u7B2C\u5341\u4E94\u4EBA\u6C11\u533B\u9662\u7684\u533B\u751F\u6765\u5230\u793E\u533A\uFF0C\u514D\u8D39\u6D4B\u91CF\u8840\u538B\u3001\u8840\u7CD6\uFF0C\u63D0\u4F9B\u5FC3\u5185\u79D1\u3001\u53E3\u8154\u79D1\u68C0\u67E5\u548C\u7528\u836F\u54A8\u8BE2\u3002\u8BF7\u5E26\u4E0A\u533B\u4FDD\u5361\u548C\u8FD1\u671F\u7684\u68C0\u67E5\u5355\uFF1B\u7A7A\u8179\u6D4B\u8840\u7CD6\u7684\u5C45\u6C11\u8BF7\u65E9\u70B9\u6765\u3002",
    organizer: "\u671D\u9633\u793E\u533A\u515A\u59D4",
    partners: ["\u90D1\u5DDE\u5E02\u7B2C\u5341\u4E94\u4EBA\u6C11\u533B\u9662"],
    venue: "\u671D\u9633\u793E\u533A\u515A\u7FA4\u670D\u52A1\u4E2D\u5FC3 \u4E00\u697C\u4FBF\u6C11\u670D\u52A1\u5927\u5385",
    day: 3,
    start: "08:30",
    end: "11:30",
    capacity: 150,
    requiresSignup: true
  },
  {
    id: "demo-event-haircut",
    scopeId: "chaoyang",
    category: "\u5FD7\u613F\u670D\u52A1",
    title: "\u514D\u8D39\u7406\u53D1 \xB7 \u6696\u5FC3\u52A9\u8001",
    description: "\u5FD7\u613F\u7406\u53D1\u5E08\u4E3A60\u5C81\u4EE5\u4E0A\u8001\u4EBA\u514D\u8D39\u7406\u53D1\uFF0C\u884C\u52A8\u4E0D\u4FBF\u7684\u8001\u4EBA\u53EF\u8BF7\u7F51\u683C\u5458\u767B\u8BB0\u4E0A\u95E8\u3002\u6BCF\u4EBA\u7EA620\u5206\u949F\uFF0C\u6309\u62A5\u540D\u987A\u5E8F\u8FDB\u884C\u3002",
    organizer: "\u671D\u9633\u793E\u533A\u5C45\u59D4\u4F1A",
    partners: ["\u533A\u653F\u5E9C\u529E\u5FD7\u613F\u670D\u52A1\u961F"],
    venue: "\u671D\u9633\u793E\u533A\u515A\u7FA4\u670D\u52A1\u4E2D\u5FC3 \u4E8C\u697C\u515A\u5458\u6D3B\u52A8\u5BA4",
    day: 5,
    start: "09:00",
    end: "11:00",
    capacity: 12,
    requiresSignup: true
  },
  {
    id: "demo-event-law",
    scopeId: "chaoyang",
    category: "\u8BB2\u5EA7",
    title: "\u6CD5\u5F8B\u8FDB\u793E\u533A\uFF1A\u9632\u8303\u517B\u8001\u8BC8\u9A97",
    description: "\u533A\u53F8\u6CD5\u5C40\u7684\u5F8B\u5E08\u8BB2\u89E3\u5E38\u89C1\u7684\u517B\u8001\u8BC8\u9A97\u5957\u8DEF\u3001\u9047\u5230\u6B20\u85AA\u548C\u90BB\u91CC\u7EA0\u7EB7\u600E\u4E48\u4F9D\u6CD5\u7EF4\u6743\uFF0C\u8BB2\u5EA7\u540E\u73B0\u573A\u7B54\u7591\u3002",
    organizer: "\u671D\u9633\u793E\u533A\u515A\u59D4",
    partners: ["\u533A\u53F8\u6CD5\u5C40"],
    venue: "\u671D\u9633\u793E\u533A\u515A\u7FA4\u670D\u52A1\u4E2D\u5FC3 \u79D1\u666E\u5927\u5B66\u6559\u5BA4",
    day: 7,
    start: "14:30",
    end: "16:00",
    capacity: 60,
    requiresSignup: true
  },
  {
    id: "demo-event-party-lecture",
    scopeId: "chaoyang",
    category: "\u515A\u8BFE",
    title: "\u8001\u515A\u5458\u8BB2\u515A\u8BFE\uFF1A\u793E\u533A\u7684\u53D8\u8FC1",
    description: "\u793E\u533A\u8001\u515A\u5458\u8BB2\u8FF0\u671D\u9633\u793E\u533A\u51E0\u5341\u5E74\u6765\u7684\u53D8\u5316\uFF0C\u6B22\u8FCE\u515A\u5458\u548C\u5C45\u6C11\u53C2\u52A0\u3002",
    organizer: "\u671D\u9633\u793E\u533A\u515A\u59D4",
    partners: [],
    venue: "\u671D\u9633\u793E\u533A\u515A\u7FA4\u670D\u52A1\u4E2D\u5FC3 \u6F14\u827A\u7A7A\u95F4",
    day: 10,
    start: "09:30",
    end: "10:30",
    capacity: 0,
    requiresSignup: true
  },
  {
    id: "demo-event-water-day",
    scopeId: "dongfang",
    category: "\u5BA3\u4F20",
    title: "\u8282\u6C34\u7231\u6C34 \u4F60\u6211\u540C\u884C \u5BA3\u4F20\u65E5",
    description: "\u793E\u533A\u5E7F\u573A\u8BBE\u8282\u6C34\u77E5\u8BC6\u5C55\u677F\u548C\u6709\u5956\u95EE\u7B54\uFF0C\u65E0\u9700\u62A5\u540D\uFF0C\u8DEF\u8FC7\u5373\u53EF\u53C2\u52A0\u3002",
    organizer: "\u4E1C\u65B9\u793E\u533A\u5C45\u59D4\u4F1A",
    partners: [],
    venue: "\u4E1C\u65B9\u793E\u533A\u6587\u5316\u5E7F\u573A",
    day: 4,
    start: "09:00",
    end: "11:30",
    capacity: 0,
    requiresSignup: false
  },
  {
    id: "demo-event-cleanup",
    scopeId: "kangle",
    category: "\u5FD7\u613F\u670D\u52A1",
    title: "\u697C\u9662\u73AF\u5883\u6574\u6CBB\u5FD7\u613F\u6D3B\u52A8",
    description: "\u6E05\u7406\u697C\u9053\u6742\u7269\u3001\u7EFF\u5316\u5E26\u5783\u573E\uFF0C\u793E\u533A\u63D0\u4F9B\u624B\u5957\u548C\u5DE5\u5177\u3002",
    organizer: "\u5EB7\u4E50\u793E\u533A\u5C45\u59D4\u4F1A",
    partners: [],
    venue: "\u5EB7\u4E50\u793E\u533A3\u53F7\u9662\u95E8\u53E3\u96C6\u5408",
    day: 6,
    start: "08:00",
    end: "10:00",
    capacity: 30,
    requiresSignup: true
  },
  {
    id: "demo-event-huifeng-clinic",
    scopeId: "huifeng",
    category: "\u4E49\u8BCA",
    title: "\u7231\u5FC3\u4E49\u8BCA\u8FDB\u793E\u533A \u4FBF\u6C11\u670D\u52A1\u9001\u5065\u5EB7",
    description: "\u517B\u8001\u673A\u6784\u7684\u533B\u7597\u5FD7\u613F\u8005\u548C\u534F\u4F5C\u533B\u9662\u4E13\u5BB6\u4E3A\u5C45\u6C11\u514D\u8D39\u6D4B\u8840\u7CD6\u3001\u8840\u538B\uFF0C\u63D0\u4F9B\u5FC3\u5185\u79D1\u3001\u53E3\u8154\u79D1\u68C0\u67E5\u548C\u5065\u5EB7\u54A8\u8BE2\u3002",
    organizer: "\u6C47\u4E30\u793E\u533A\u515A\u603B\u652F",
    partners: ["\u88D5\u5FC3\u5065\u5EB7\u517B\u8001\u673A\u6784", "\u90D1\u5927\u9644\u5C5E\u534F\u4F5C\u533B\u9662"],
    venue: "\u6C47\u4E30\u793E\u533A\u515A\u7FA4\u670D\u52A1\u4E2D\u5FC3",
    day: -20,
    start: "08:30",
    end: "11:30",
    capacity: 0,
    requiresSignup: false,
    closed: { attendance: 152, residentsServed: 150 }
  }
];

// cloud/demo/honors.ts
var DEMO_HONOR_LIST = {
  id: "demo-honors-2020",
  year: 2020,
  scopeId: "shangjie",
  title: "2020\u5E74\u5EA6\u4E61\u6751\u5149\u8363\u699C",
  categories: ["\u597D\u4E08\u592B", "\u597D\u5AB3\u5987", "\u597D\u5A46\u5A46", "\u6587\u660E\u5BB6\u5EAD", "\u4F18\u79C0\u515A\u5458", "\u6700\u7F8E\u5FD7\u613F\u8005"]
};
var DEMO_HONOR_ENTRIES = [
  {
    id: "demo-honor-husband",
    name: "\u674E\u536B\u4E1C",
    category: "\u597D\u4E08\u592B",
    communityId: "chaoyang",
    storyHtml: "<p>\u4ECA\u5E7449\u5C81\u7684\u674E\u536B\u4E1C\u548C\u59BB\u5B50\u7ED3\u5A5A\u4E8C\u5341\u591A\u5E74\u3002\u59BB\u5B50\u662F\u793E\u533A\u5DE5\u4F5C\u4EBA\u5458\uFF0C\u75AB\u60C5\u9632\u63A7\u6700\u5403\u7D27\u7684\u4E24\u4E2A\u6708\u91CC\uFF0C\u4E24\u4EBA\u53EA\u89C1\u8FC7\u4E09\u6B21\u9762\u3002</p><p>\u4ED6\u6CA1\u6709\u4E00\u53E5\u6028\u8A00\uFF0C\u628A\u53CC\u65B9\u8001\u4EBA\u7167\u987E\u5F97\u59A5\u59A5\u5E16\u5E16\uFF0C\u53C8\u5929\u5929\u53D8\u7740\u82B1\u6837\u7ED9\u5907\u6218\u9AD8\u8003\u7684\u5973\u513F\u505A\u996D\u3002\u59BB\u5B50\u505A\u5B8C\u624B\u672F\u521A\u56DE\u5C97\u4F4D\uFF0C\u4ED6\u6BCF\u5929\u63A5\u9001\u3001\u4E2D\u5348\u9001\u996D\uFF0C\u575A\u6301\u4E86\u4E00\u4E2A\u591A\u6708\uFF1B\u59BB\u5B50\u503C\u591C\u73ED\uFF0C\u4ED6\u5C31\u966A\u7740\u5728\u529E\u516C\u5BA4\u6253\u5730\u94FA\u3002</p><p>\u59BB\u5B50\u8BF4\uFF1A\u201C\u4ED6\u8BDD\u4E0D\u591A\uFF0C\u5374\u662F\u4E2A\u6709\u62C5\u5F53\u7684\u597D\u4E08\u592B\u3002\u6709\u4ED6\u5728\uFF0C\u6211\u5DE5\u4F5C\u624D\u6CA1\u6709\u540E\u987E\u4E4B\u5FE7\u3002\u201D</p>"
  },
  {
    id: "demo-honor-daughter-in-law",
    name: "\u9A6C\u6DD1\u7434",
    category: "\u597D\u5AB3\u5987",
    communityId: "kangle",
    storyHtml: "<p>\u5A46\u5A46\u5367\u5E8A\u516D\u5E74\uFF0C\u5979\u6BCF\u5929\u7FFB\u8EAB\u3001\u64E6\u6D17\u3001\u5582\u996D\uFF0C\u4ECE\u6CA1\u8BA9\u8001\u4EBA\u751F\u8FC7\u4E00\u6B21\u8925\u75AE\u3002\u90BB\u5C45\u4EEC\u90FD\u8BF4\uFF1A\u201C\u8FD9\u6837\u7684\u513F\u5AB3\u5987\uFF0C\u6253\u7740\u706F\u7B3C\u4E5F\u96BE\u627E\u3002\u201D</p>"
  },
  {
    id: "demo-honor-family",
    name: "\u8D75\u5EFA\u534E\u4E00\u5BB6",
    category: "\u6587\u660E\u5BB6\u5EAD",
    communityId: "dapoding",
    storyHtml: "<p>\u4E00\u5BB6\u4E09\u4EE3\u548C\u7766\u76F8\u5904\uFF0C\u5BB6\u91CC\u7684\u8001\u4EBA\u5E26\u5934\u53C2\u52A0\u6751\u91CC\u7684\u73AF\u5883\u6574\u6CBB\uFF0C\u5E74\u8F7B\u4EBA\u5468\u672B\u7ED9\u5B89\u7F6E\u533A\u7684\u8001\u4EBA\u4FEE\u7535\u5668\u3001\u6559\u7528\u667A\u80FD\u624B\u673A\u3002</p>"
  },
  {
    id: "demo-honor-volunteer",
    name: "\u5B59\u7389\u5170",
    category: "\u6700\u7F8E\u5FD7\u613F\u8005",
    communityId: "chaoyang",
    storyHtml: "<p>\u9000\u4F11\u540E\u5728\u793E\u533A\u505A\u5FD7\u613F\u8005\u516B\u5E74\uFF0C\u4E49\u8BCA\u3001\u7406\u53D1\u3001\u9632\u8BC8\u9A97\u8BB2\u5EA7\uFF0C\u54EA\u91CC\u9700\u8981\u5C31\u51FA\u73B0\u5728\u54EA\u91CC\uFF0C\u793E\u533A\u5C45\u6C11\u90FD\u53EB\u5979\u201C\u5B59\u5927\u59D0\u201D\u3002</p>"
  }
];
var DEMO_THANKS = [
  {
    id: "demo-thanks-kangle",
    authorPersona: "resident3",
    targetKind: "staff",
    target: { persona: "agent-kangle" },
    communityId: "kangle",
    text: "\u8001\u4F34\u5FD8\u4E86\u94F6\u884C\u5361\u5BC6\u7801\uFF0C\u817F\u811A\u4E0D\u4FBF\u53BB\u4E0D\u4E86\u94F6\u884C\uFF0C\u5468\u4E3D\u540C\u5FD7\u5E2E\u6211\u4EEC\u8054\u7CFB\u94F6\u884C\uFF0C\u7528\u89C6\u9891\u529E\u597D\u4E86\u4E1A\u52A1\u3002\u9001\u4E0A\u9526\u65D7\uFF1A\u70ED\u5FC3\u52A9\u8001\u732E\u771F\u60C5 \u65E0\u79C1\u5949\u732E\u4F20\u7F8E\u5FB7\u3002"
  },
  {
    id: "demo-thanks-minan",
    authorPersona: "resident2",
    targetKind: "unit",
    target: { name: "\u6C11\u5B89\u793E\u533A\u5C45\u59D4\u4F1A" },
    communityId: "minan",
    text: "\u62D6\u6B20\u4E86\u4E00\u5E74\u7684\u5DE5\u8D44\u7EC8\u4E8E\u62FF\u5230\u4E86\uFF0C172\u4E2A\u5DE5\u53CB\u4E00\u8D77\u8C22\u8C22\u793E\u533A\u548C\u8857\u9053\uFF1A\u4E00\u5FC3\u4E00\u610F\u4E3A\u4EBA\u6C11 \u5C3D\u5FC3\u7AED\u529B\u529E\u5B9E\u4E8B\uFF01"
  }
];

// cloud/demo/service-centers.ts
var DEMO_CENTERS = [
  { id: "chaoyang-center", community_id: "chaoyang", name: "\u671D\u9633\u793E\u533A\u515A\u7FA4\u670D\u52A1\u4E2D\u5FC3", address: "\u671D\u9633\u793E\u533A\u670D\u52A1\u4E2D\u5FC3\u697C", area_m2: 1500, phone: "0371-00000000", opened_on: "2020-09" },
  { id: "kangle-center", community_id: "kangle", name: "\u5EB7\u4E50\u793E\u533A\u515A\u7FA4\u670D\u52A1\u4E2D\u5FC3", address: "\u5EB7\u4E50\u793E\u533A\u5C45\u59D4\u4F1A\u9662\u5185", area_m2: null, phone: null, opened_on: null }
];
var everyDay = (start, end) => Object.fromEntries(["1", "2", "3", "4", "5", "6", "7"].map((d) => [d, [{ start, end }]]));
function hallWindows() {
  const windows = [];
  const add = (from, to) => {
    for (let m = from; m < to; m += 30) {
      const hhmm2 = (x) => `${String(Math.floor(x / 60)).padStart(2, "0")}:${String(x % 60).padStart(2, "0")}`;
      windows.push({ start: hhmm2(m), end: hhmm2(m + 30) });
    }
  };
  add(8 * 60 + 30, 12 * 60);
  add(14 * 60 + 30, 17 * 60 + 30);
  return Object.fromEntries(["1", "2", "3", "4", "5"].map((d) => [d, windows]));
}
var CHAOYANG_ROOMS = [
  ["cy-party", "\u515A\u5458\u6D3B\u52A8\u5BA4", 40, 120, true, true, "\u5168\u5929\u5019\u5411\u515A\u5458\u5F00\u653E\uFF0C\u5F00\u5C55\u7EC4\u7EC7\u751F\u6D3B\u3001\u8BAE\u4E8B\u534F\u5546\uFF1B\u9884\u7EA6\u9700\u793E\u533A\u5BA1\u6838"],
  ["cy-stage", "\u6F14\u827A\u7A7A\u95F4", 120, 120, true, true, "\u5C0F\u821E\u53F0\u548C\u97F3\u54CD\uFF0C\u9002\u5408\u6587\u827A\u6392\u7EC3\u3001\u6C47\u62A5\u6F14\u51FA\uFF1B\u9884\u7EA6\u9700\u793E\u533A\u5BA1\u6838"],
  ["cy-science", "\u79D1\u666E\u5927\u5B66\u6559\u5BA4", 50, 120, false, true, "\u6295\u5F71\u4E0E\u8BFE\u684C\uFF0C\u9002\u5408\u8BB2\u5EA7\u3001\u8BFE\u7A0B"],
  ["cy-painting", "\u4E66\u753B\u5BA4", 16, 60, false, true, "\u4E66\u753B\u684C\u3001\u6BDB\u7B14\u5BA3\u7EB8\uFF0C\u9002\u5408\u4E66\u753B\u7EC3\u4E60"],
  ["cy-papercut", "\u526A\u7EB8\u5BA4", 12, 60, false, true, "\u526A\u7EB8\u3001\u624B\u5DE5"],
  ["cy-choir", "\u5408\u5531\u5BA4", 30, 60, false, true, "\u94A2\u7434\u548C\u5408\u5531\u53F0\u9636"],
  ["cy-rootcarving", "\u6839\u5851\u5DE5\u4F5C\u5BA4", 8, 120, false, true, "\u6839\u96D5\u3001\u6CE5\u5851\u5DE5\u5177\u9F50\u5168"],
  ["cy-dance", "\u821E\u8E48\u5BA4", 25, 60, false, true, "\u955C\u5899\u3001\u5730\u80F6\uFF0C\u9002\u5408\u5E7F\u573A\u821E\u6392\u7EC3"],
  ["cy-chess", "\u68CB\u724C\u5BA4", 16, 120, false, true, "\u8C61\u68CB\u3001\u56F4\u68CB\u3001\u6251\u514B"],
  ["cy-meeting", "\u591A\u529F\u80FD\u4F1A\u8BAE\u5BA4", 30, 120, true, true, "\u697C\u9662\u8BAE\u4E8B\u3001\u5C45\u6C11\u4F1A\u8BAE\uFF1B\u9884\u7EA6\u9700\u793E\u533A\u5BA1\u6838"],
  ["cy-reading", "\u9605\u89C8\u5BA4", 20, 60, false, true, "\u56FE\u4E66\u3001\u62A5\u520A\uFF0C\u5B89\u9759\u9605\u8BFB"],
  ["cy-fitness", "\u5065\u8EAB\u5BA4", 10, 60, false, true, "\u8DD1\u6B65\u673A\u3001\u6309\u6469\u6905\u7B49\u9002\u8001\u5668\u6750"],
  ["cy-council", "\u8BAE\u4E8B\u5385", 20, 120, true, true, "\u201C\u540C\u9898\u8BAE\u4E8B\u201D\u534F\u5546\uFF1B\u9884\u7EA6\u9700\u793E\u533A\u5BA1\u6838"],
  ["cy-counsel", "\u5FC3\u7406\u54A8\u8BE2\u5BA4", 3, 60, false, false, "\u7531\u793E\u533A\u793E\u5DE5\u5B89\u6392\uFF0C\u4E0D\u5BF9\u5916\u9884\u7EA6"],
  ["cy-mediation", "\u4EBA\u6C11\u8C03\u89E3\u5BA4", 6, 60, false, false, "\u7531\u4EBA\u6C11\u8C03\u89E3\u5458\u5B89\u6392\uFF0C\u4E0D\u5BF9\u5916\u9884\u7EA6"],
  ["cy-kids", "\u513F\u7AE5\u4E4B\u5BB6", 20, 60, false, false, "\u653E\u5B66\u540E\u6258\u7BA1\uFF0C\u7531\u793E\u533A\u7EDF\u4E00\u5B89\u6392"],
  ["cy-daycare", "\u65E5\u95F4\u7167\u6599\u5BA4", 15, 60, false, false, "\u8001\u4EBA\u65E5\u95F4\u7167\u6599\uFF0C\u7531\u793E\u533A\u7EDF\u4E00\u5B89\u6392"],
  ["cy-volunteer", "\u5FD7\u613F\u8005\u4E4B\u5BB6", 15, 60, false, false, "\u5FD7\u613F\u8005\u4F11\u606F\u3001\u96C6\u5408"]
];
var HALL_ITEMS = [
  ["cy-hall-residence", "\u5C45\u4F4F\u8BC1\u660E", ["\u8EAB\u4EFD\u8BC1", "\u6237\u53E3\u672C\u6216\u623F\u4EA7\u8BC1/\u79DF\u623F\u5408\u540C"], "\u5F00\u5177\u5C45\u4F4F\u8BC1\u660E\uFF0C\u5F53\u573A\u529E\u7ED3"],
  ["cy-hall-allowance", "\u9AD8\u9F84\u6D25\u8D34\u7533\u8BF7", ["\u8001\u4EBA\u8EAB\u4EFD\u8BC1", "\u6237\u53E3\u672C", "\u672C\u4EBA\u94F6\u884C\u5361"], "80\u5468\u5C81\u4EE5\u4E0A\u8001\u4EBA\u7533\u8BF7\u9AD8\u9F84\u6D25\u8D34"],
  ["cy-hall-pension", "\u793E\u4FDD\u5F85\u9047\u8BA4\u8BC1", ["\u8EAB\u4EFD\u8BC1", "\u793E\u4FDD\u5361"], "\u517B\u8001\u91D1\u9886\u53D6\u8D44\u683C\u8BA4\u8BC1\uFF0C\u53EF\u4EE3\u4E3A\u64CD\u4F5C"],
  ["cy-hall-elderly-card", "\u8001\u5E74\u4F18\u5F85\u8BC1", ["\u8EAB\u4EFD\u8BC1", "\u4E00\u5BF8\u7167\u72471\u5F20"], "60\u5468\u5C81\u4EE5\u4E0A\u8001\u4EBA\u529E\u7406\u8001\u5E74\u4F18\u5F85\u8BC1"]
];
function demoResources() {
  const rooms = CHAOYANG_ROOMS.map(([id7, name, capacity, slotMinutes, approval, bookable, description], i) => ({
    id: id7,
    center_id: "chaoyang-center",
    kind: "room",
    name,
    description,
    capacity,
    hours: JSON.stringify(everyDay("08:00", "21:00")),
    slot_minutes: slotMinutes,
    window_size: 1,
    days_ahead: 14,
    min_notice_minutes: 60,
    cancel_cutoff_minutes: 120,
    weekly_quota: 3,
    requires_approval: approval ? 1 : 0,
    documents: "[]",
    active: bookable ? 1 : 0,
    sort: 10 + i
  }));
  const hall = HALL_ITEMS.map(([id7, name, documents, description], i) => ({
    id: id7,
    center_id: "chaoyang-center",
    kind: "hall",
    name,
    description,
    capacity: 1,
    hours: JSON.stringify(hallWindows()),
    slot_minutes: 30,
    window_size: 3,
    days_ahead: 7,
    min_notice_minutes: 30,
    cancel_cutoff_minutes: 30,
    weekly_quota: 0,
    requires_approval: 0,
    documents: JSON.stringify(documents),
    active: 1,
    sort: i
  }));
  const kangle = {
    ...rooms[3],
    id: "kl-activity",
    center_id: "kangle-center",
    name: "\u6D3B\u52A8\u5BA4",
    description: "\u5EB7\u4E50\u793E\u533A\u5C45\u59D4\u4F1A\u6D3B\u52A8\u5BA4",
    sort: 1
  };
  return [...hall, ...rooms, kangle];
}

// cloud/demo/seed.ts
async function seedDemo(services) {
  const { db, clock } = services;
  const now = clock.now();
  await upsertRegions(db, demoRegions());
  for (const p of DEMO_PERSONAS) {
    const user = await findOrCreateByOpenid(db, openidOf(p.persona), now, p.nickname);
    if (user.created_at === now.toISOString()) {
      await updateUser(
        db,
        user.id,
        {
          nickname: p.nickname,
          home_community_id: p.homeCommunityId,
          ...p.phone && { phone_enc: services.cipher.encrypt(p.phone), phone_index: services.cipher.blindIndex(p.phone) }
        },
        now
      );
    }
    for (const g of p.grants) await insertGrant(db, { userId: user.id, ...g, grantedBy: null, now });
  }
  for (const a of DEMO_ACCOUNTS) {
    const existing = await findByUsername(db, a.username);
    const user = existing ?? await createConsoleAccount(db, {
      username: a.username,
      passwordHash: await hashPassword(a.password),
      nickname: a.nickname,
      homeCommunityId: a.grants[0]?.role === "communityAdmin" ? a.grants[0].scopeId : null,
      now
    });
    for (const g of a.grants) await insertGrant(db, { userId: user.id, ...g, grantedBy: null, now });
  }
  for (const a of DEMO_ARTICLES) {
    if (await getArticleRow(db, a.id)) continue;
    const day2 = shanghaiDay(new Date(now.getTime() - a.daysAgo * DAY));
    const published = shanghaiTime(day2, `${String(9 + a.id.length % 8).padStart(2, "0")}:30`);
    const at = new Date(Math.min(published.getTime(), now.getTime())).toISOString();
    await insertArticle(db, {
      id: a.id,
      scope_id: a.scopeId,
      category: a.category,
      title: a.title,
      summary: a.summary,
      cover_url: null,
      body_html: sanitizeArticleHtml(a.bodyHtml),
      reporters: JSON.stringify(a.reporters),
      correspondents: JSON.stringify(a.correspondents),
      pinned: a.pinned ? 1 : 0,
      pledge_prompt: a.pledgePrompt ?? null,
      status: "published",
      publish_at: at,
      created_by: null,
      created_at: at,
      updated_at: at
    });
  }
  for (const [community, persona] of [["chaoyang", "agent"], ["kangle", "agent-kangle"]]) {
    if ((await rosterOf(db, community)).length) continue;
    const agent = await findOrCreateByOpenid(db, openidOf(persona), now, persona);
    await setRoster(db, community, ["1", "2", "3", "4", "5", "6", "7"].map((weekday) => ({ weekday, agentId: agent.id })));
  }
  for (const c of DEMO_CENTERS) await upsertCenter(db, c);
  for (const r of demoResources()) if (!await getResourceRow(db, r.id)) await saveResourceRow(db, r);
  for (const e of DEMO_EVENTS) {
    if (await getEventRow(db, e.id)) continue;
    const day2 = shanghaiDay(new Date(now.getTime() + e.day * DAY));
    const startsAt = shanghaiTime(day2, e.start);
    const at = now.toISOString();
    await insertEvent(db, {
      id: e.id,
      scope_id: e.scopeId,
      category: e.category,
      title: e.title,
      description: e.description,
      organizer: e.organizer,
      partners: JSON.stringify(e.partners),
      venue: e.venue,
      starts_at: startsAt.toISOString(),
      ends_at: shanghaiTime(day2, e.end).toISOString(),
      signup_opens_at: new Date(Math.min(now.getTime(), startsAt.getTime()) - 7 * DAY).toISOString(),
      signup_closes_at: startsAt.toISOString(),
      cancel_cutoff_at: new Date(startsAt.getTime() - 2 * 36e5).toISOString(),
      requires_signup: e.requiresSignup ? 1 : 0,
      capacity: e.capacity,
      confirmed_count: 0,
      waitlist_seq: 0,
      state: e.closed ? "closed" : "published",
      cancel_reason: null,
      attendance: e.closed?.attendance ?? null,
      residents_served: e.closed?.residentsServed ?? null,
      created_by: null,
      created_at: at,
      updated_at: at
    });
  }
  if (!await getHonorListRow(db, DEMO_HONOR_LIST.id)) {
    const at = now.toISOString();
    const l = DEMO_HONOR_LIST;
    await saveHonorListRow(db, { id: l.id, year: l.year, scope_id: l.scopeId, title: l.title, categories: JSON.stringify(l.categories), published: 1, created_at: at, updated_at: at });
  }
  for (const [i, e] of DEMO_HONOR_ENTRIES.entries()) {
    if (await getHonorEntryRow(db, e.id)) continue;
    const at = now.toISOString();
    await saveHonorEntryRow(db, {
      id: e.id,
      list_id: DEMO_HONOR_LIST.id,
      name: e.name,
      category: e.category,
      community_id: e.communityId,
      photo_file_id: null,
      story_html: sanitizeArticleHtml(e.storyHtml),
      sort: i,
      created_at: at,
      updated_at: at
    });
  }
  for (const t of DEMO_THANKS) {
    if (await getThanksRow(db, t.id)) continue;
    const author = await findOrCreateByOpenid(db, openidOf(t.authorPersona), now, t.authorPersona);
    const target = "persona" in t.target ? await findOrCreateByOpenid(db, openidOf(t.target.persona), now, t.target.persona) : null;
    await insertThanks(db, {
      id: t.id,
      author_id: author.id,
      target_kind: t.targetKind,
      target_user_id: target?.id ?? null,
      target_name: target?.nickname ?? ("name" in t.target ? t.target.name : ""),
      community_id: t.communityId,
      text: t.text,
      photo_file_id: null,
      status: "approved",
      reject_reason: null,
      reviewed_by: null,
      reviewed_at: now.toISOString(),
      created_at: new Date(now.getTime() - DAY).toISOString()
    });
  }
}

// cloud/core/define-function.ts
function defineFunction(contract, handler) {
  return { contract, handler };
}

// cloud/core/scope.ts
function holdsRoleIn(grants, roles, communityId) {
  return grants.some(
    (g) => g.role === "districtAdmin" || roles.includes(g.role) && g.scopeId === communityId
  );
}
function isDistrictAdmin(grants) {
  return grants.some((g) => g.role === "districtAdmin");
}
function communitiesWhere(grants, roles) {
  if (isDistrictAdmin(grants)) return "all";
  return [...new Set(grants.filter((g) => roles.includes(g.role)).map((g) => g.scopeId))];
}
function administers(grants, place) {
  if (place.level === "district") return isDistrictAdmin(grants);
  return place.level === "community" && holdsRoleIn(grants, ["communityAdmin"], place.id);
}

// cloud/articles/articles.permissions.ts
function mayEditArticle(grants, scope) {
  return administers(grants, scope);
}

// cloud/articles/article-view.ts
function articleStatus(row, now) {
  if (row.status === "published") return row.publish_at && row.publish_at > now.toISOString() ? "scheduled" : "published";
  return row.status;
}
function isVisibleToReaders(row, now) {
  return articleStatus(row, now) === "published";
}
function toSummary(row, now) {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    coverUrl: row.cover_url,
    category: row.category,
    scopeId: row.scope_id,
    scopeName: row.scope_name,
    scopeLevel: row.scope_level === "district" ? "district" : "community",
    pinned: row.pinned === 1,
    status: articleStatus(row, now),
    publishAt: row.publish_at ? new Date(row.publish_at) : null,
    pledgeCount: row.pledge_prompt ? row.pledge_count : null
  };
}
function toArticle(row, now, viewer) {
  return {
    ...toSummary(row, now),
    bodyHtml: row.body_html,
    reporters: JSON.parse(row.reporters),
    correspondents: JSON.parse(row.correspondents),
    pledge: row.pledge_prompt ? { prompt: row.pledge_prompt, count: row.pledge_count, pledgedByMe: viewer.pledgedByMe } : null,
    canEdit: viewer.canEdit
  };
}

// cloud/articles/load-article.ts
async function scopeOf(services, scopeId) {
  const region = await getRegion(services.db, scopeId);
  if (!region || region.level !== "community" && region.level !== "district") {
    throw new AppError("COMMUNITY_NOT_FOUND", "\u53D1\u5E03\u8303\u56F4\u9700\u4E3A\u4E00\u4E2A\u793E\u533A/\u6751\u6216\u5168\u533A");
  }
  return region;
}
async function editableArticle(services, caller, id7) {
  const row = await getArticleRow(services.db, id7);
  if (!row || !mayEditArticle(caller.grants, await scopeOf(services, row.scope_id))) throw new AppError("NOT_FOUND");
  return row;
}
async function articleFor(services, id7, caller) {
  const row = await getArticleRow(services.db, id7);
  if (!row) throw new AppError("NOT_FOUND");
  const canEdit = caller ? mayEditArticle(caller.grants, await scopeOf(services, row.scope_id)) : false;
  const pledgedByMe = caller && row.pledge_prompt ? await hasPledged(services.db, id7, caller.id) : false;
  return toArticle(row, services.clock.now(), { canEdit, pledgedByMe });
}

// cloud/articles/create-article.ts
var create_article_default = defineFunction(createArticle, async (input, { services, caller }) => {
  if (!mayEditArticle(caller.grants, await scopeOf(services, input.scopeId))) throw new AppError("OUT_OF_SCOPE");
  if (input.pledgePrompt && input.category !== "\u5021\u8BAE") {
    throw new AppError("INVALID_INPUT", "\u53EA\u6709\u201C\u5021\u8BAE\u201D\u680F\u76EE\u53EF\u4EE5\u8BBE\u7F6E\u627F\u8BFA", [{ path: "pledgePrompt", message: "\u53EA\u6709\u201C\u5021\u8BAE\u201D\u680F\u76EE\u53EF\u4EE5\u8BBE\u7F6E\u627F\u8BFA" }]);
  }
  const bodyHtml = sanitizeArticleHtml(input.bodyHtml);
  if (!bodyHtml) throw new AppError("INVALID_INPUT", "\u6B63\u6587\u4E0D\u80FD\u4E3A\u7A7A", [{ path: "bodyHtml", message: "\u6B63\u6587\u4E0D\u80FD\u4E3A\u7A7A" }]);
  const now = services.clock.now().toISOString();
  const id7 = newId();
  await insertArticle(services.db, {
    id: id7,
    scope_id: input.scopeId,
    category: input.category,
    title: input.title,
    summary: input.summary,
    cover_url: input.coverUrl,
    body_html: bodyHtml,
    reporters: JSON.stringify(input.reporters),
    correspondents: JSON.stringify(input.correspondents),
    pinned: input.pinned ? 1 : 0,
    pledge_prompt: input.pledgePrompt,
    status: "draft",
    publish_at: null,
    created_by: caller.id,
    created_at: now,
    updated_at: now
  });
  return articleFor(services, id7, caller);
});

// cloud/shares/shares.storage.ts
async function recordShareVisit(db, visit) {
  await db.insertInto("share_visits").values({
    id: newId(),
    target_kind: visit.targetKind,
    target_id: visit.targetId,
    sharer_id: visit.sharerId,
    visitor_id: visit.visitorId,
    visited_at: visit.now.toISOString()
  }).onConflict((oc) => oc.columns(["target_kind", "target_id", "sharer_id", "visitor_id"]).doNothing()).execute();
}
async function visitsBySharer(db, sharerId) {
  const articles = await db.selectFrom("share_visits as v").innerJoin("articles as t", "t.id", "v.target_id").select(["v.target_id", "t.title"]).select((eb) => eb.fn.countAll().as("n")).where("v.sharer_id", "=", sharerId).where("v.target_kind", "=", "article").groupBy(["v.target_id", "t.title"]).execute();
  const events = await db.selectFrom("share_visits as v").innerJoin("events as t", "t.id", "v.target_id").select(["v.target_id", "t.title"]).select((eb) => eb.fn.countAll().as("n")).where("v.sharer_id", "=", sharerId).where("v.target_kind", "=", "event").groupBy(["v.target_id", "t.title"]).execute();
  const honors = await db.selectFrom("share_visits as v").innerJoin("honor_entries as t", "t.id", "v.target_id").select(["v.target_id", "t.name", "t.category"]).select((eb) => eb.fn.countAll().as("n")).where("v.sharer_id", "=", sharerId).where("v.target_kind", "=", "honor").groupBy(["v.target_id", "t.name", "t.category"]).execute();
  return [
    ...honors.map((r) => ({ kind: "honor", targetId: r.target_id, title: `\u5149\u8363\u699C\xB7${r.category} ${r.name}`, visits: Number(r.n) })),
    ...articles.map((r) => ({ kind: "article", targetId: r.target_id, title: r.title, visits: Number(r.n) })),
    ...events.map((r) => ({ kind: "event", targetId: r.target_id, title: r.title, visits: Number(r.n) }))
  ];
}

// cloud/shares/record-visit.ts
async function recordVisitFromShare(services, visit) {
  if (visit.sharerId === visit.visitorId) return;
  if (!await getUser(services.db, visit.sharerId)) return;
  await recordShareVisit(services.db, { ...visit, now: services.clock.now() });
}

// cloud/articles/get-article.ts
var get_article_default = defineFunction(getArticle, async (input, { services, caller }) => {
  const article = await articleFor(services, input.id, caller);
  if (article.status !== "published" && !article.canEdit) throw new AppError("NOT_FOUND");
  if (input.sharer && article.status === "published") {
    await recordVisitFromShare(services, { targetKind: "article", targetId: article.id, sharerId: input.sharer, visitorId: caller?.id ?? null });
  }
  return article;
});

// cloud/communities/regions.ts
async function loadRegions(db) {
  const rows = await allRegions(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pathOf = (row) => {
    const names = [];
    for (let r = row; r; r = r.parent_id ? byId.get(r.parent_id) : void 0) names.unshift(r.name);
    return names;
  };
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    level: r.level,
    name: r.name,
    kind: r.kind,
    path: pathOf(r)
  }));
}
async function readerScope(db, communityId) {
  if (!communityId) return void 0;
  const community = await getRegion(db, communityId);
  if (!community) throw new AppError("COMMUNITY_NOT_FOUND");
  const district = await getDistrict(db);
  return [community.id, ...district ? [district.id] : []];
}

// cloud/core/cursor.ts
function encodeCursor(values) {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}
function decodeCursor(cursor, types) {
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(values) && values.length === types.length && values.every((v, i) => typeof v === types[i])) {
      return values;
    }
  } catch {
  }
  throw new AppError("INVALID_INPUT", "\u7FFB\u9875\u53C2\u6570\u65E0\u6548\uFF0C\u8BF7\u4E0B\u62C9\u5237\u65B0\u540E\u91CD\u8BD5", [{ path: "cursor", message: "\u7FFB\u9875\u53C2\u6570\u65E0\u6548" }]);
}

// cloud/articles/list-articles.ts
function feedCursor(cursor) {
  const [pinned, publishAt, id7] = decodeCursor(cursor, ["number", "string", "string"]);
  return { pinned, publishAt, id: id7 };
}
var list_articles_default = defineFunction(listArticles, async (input, { services }) => {
  const scopeIds = await readerScope(services.db, input.communityId);
  const now = services.clock.now();
  const rows = await listPublished(services.db, {
    now,
    scopeIds,
    category: input.category,
    pinnedOnly: input.pinnedOnly,
    excludePinned: input.excludePinned,
    after: input.cursor ? feedCursor(input.cursor) : void 0,
    limit: input.limit + 1
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toSummary(r, now)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.pinned, last.publish_at, last.id]) : null
  };
});

// cloud/articles/pledge-article.ts
var pledge_article_default = defineFunction(pledgeArticle, async (input, { services, caller }) => {
  const row = await getArticleRow(services.db, input.id);
  const now = services.clock.now();
  if (!row || !isVisibleToReaders(row, now)) throw new AppError("NOT_FOUND");
  if (!row.pledge_prompt) throw new AppError("NOT_FOUND", "\u8FD9\u7BC7\u8D44\u8BAF\u6CA1\u6709\u53EF\u54CD\u5E94\u7684\u5021\u8BAE");
  await insertPledge(services.db, row.id, caller.id, now);
  return { count: await countPledges(services.db, row.id), pledgedByMe: true };
});

// cloud/articles/publish-article.ts
var MAX_SCHEDULE_AHEAD = 90 * DAY;
var publish_article_default = defineFunction(publishArticle, async (input, { services, caller }) => {
  const row = await editableArticle(services, caller, input.id);
  const now = services.clock.now();
  const at = input.at && input.at > now ? input.at : now;
  if (at.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD) {
    throw new AppError("INVALID_INPUT", "\u5B9A\u65F6\u53D1\u5E03\u6700\u591A\u53EF\u63D0\u524D90\u5929", [{ path: "at", message: "\u5B9A\u65F6\u53D1\u5E03\u6700\u591A\u53EF\u63D0\u524D90\u5929" }]);
  }
  await updateArticleRow(services.db, row.id, { status: "published", publish_at: at.toISOString(), updated_at: now.toISOString() });
  return articleFor(services, row.id, caller);
});

// cloud/articles/unpublish-article.ts
var unpublish_article_default = defineFunction(unpublishArticle, async (input, { services, caller }) => {
  const row = await editableArticle(services, caller, input.id);
  await updateArticleRow(services.db, row.id, { status: "unpublished", updated_at: services.clock.now().toISOString() });
  return articleFor(services, row.id, caller);
});

// cloud/articles/update-article.ts
var update_article_default = defineFunction(updateArticle, async (input, { services, caller }) => {
  const row = await editableArticle(services, caller, input.id);
  if (input.scopeId !== void 0 && !mayEditArticle(caller.grants, await scopeOf(services, input.scopeId))) {
    throw new AppError("OUT_OF_SCOPE");
  }
  const category = input.category ?? row.category;
  const pledgePrompt = input.pledgePrompt !== void 0 ? input.pledgePrompt : row.pledge_prompt;
  if (pledgePrompt && category !== "\u5021\u8BAE") {
    throw new AppError("INVALID_INPUT", "\u53EA\u6709\u201C\u5021\u8BAE\u201D\u680F\u76EE\u53EF\u4EE5\u8BBE\u7F6E\u627F\u8BFA", [{ path: "pledgePrompt", message: "\u53EA\u6709\u201C\u5021\u8BAE\u201D\u680F\u76EE\u53EF\u4EE5\u8BBE\u7F6E\u627F\u8BFA" }]);
  }
  const bodyHtml = input.bodyHtml !== void 0 ? sanitizeArticleHtml(input.bodyHtml) : void 0;
  if (bodyHtml === "") throw new AppError("INVALID_INPUT", "\u6B63\u6587\u4E0D\u80FD\u4E3A\u7A7A", [{ path: "bodyHtml", message: "\u6B63\u6587\u4E0D\u80FD\u4E3A\u7A7A" }]);
  await updateArticleRow(services.db, row.id, {
    ...input.title !== void 0 && { title: input.title },
    ...input.summary !== void 0 && { summary: input.summary },
    ...input.coverUrl !== void 0 && { cover_url: input.coverUrl },
    ...bodyHtml !== void 0 && { body_html: bodyHtml },
    ...input.category !== void 0 && { category: input.category },
    ...input.scopeId !== void 0 && { scope_id: input.scopeId },
    ...input.reporters !== void 0 && { reporters: JSON.stringify(input.reporters) },
    ...input.correspondents !== void 0 && { correspondents: JSON.stringify(input.correspondents) },
    ...input.pinned !== void 0 && { pinned: input.pinned ? 1 : 0 },
    ...input.pledgePrompt !== void 0 && { pledge_prompt: input.pledgePrompt },
    updated_at: services.clock.now().toISOString()
  });
  return articleFor(services, row.id, caller);
});

// cloud/auth/sessions.storage.ts
async function insertSession(db, row) {
  await db.insertInto("sessions").values({
    token_hash: row.tokenHash,
    user_id: row.userId,
    created_at: row.now.toISOString(),
    expires_at: row.expiresAt.toISOString(),
    revoked_at: null
  }).execute();
}
async function findLiveSession(db, tokenHash, now) {
  const row = await db.selectFrom("sessions").innerJoin("users", "users.id", "sessions.user_id").select("sessions.user_id").where("sessions.token_hash", "=", tokenHash).where("sessions.revoked_at", "is", null).where("sessions.expires_at", ">", now.toISOString()).where("users.deleted_at", "is", null).executeTakeFirst();
  return row && { userId: row.user_id };
}
async function revokeSession(db, tokenHash, now) {
  await db.updateTable("sessions").set({ revoked_at: now.toISOString() }).where("token_hash", "=", tokenHash).where("revoked_at", "is", null).execute();
}
async function revokeUserSessions(db, userId, now, keepTokenHash) {
  let q = db.updateTable("sessions").set({ revoked_at: now.toISOString() }).where("user_id", "=", userId).where("revoked_at", "is", null);
  if (keepTokenHash) q = q.where("token_hash", "!=", keepTokenHash);
  await q.execute();
}

// cloud/auth/change-password.ts
var change_password_default = defineFunction(changePassword, async (input, { services, caller }) => {
  const user = await getUser(services.db, caller.id);
  if (!user?.password_hash) throw new AppError("ROLE_REQUIRED", "\u5FAE\u4FE1\u767B\u5F55\u7684\u8D26\u53F7\u6CA1\u6709\u5BC6\u7801\uFF0C\u65E0\u9700\u4FEE\u6539");
  if (!await verifyPassword(input.currentPassword, user.password_hash)) {
    throw new AppError("LOGIN_FAILED", "\u5F53\u524D\u5BC6\u7801\u4E0D\u6B63\u786E", [{ path: "currentPassword", message: "\u5F53\u524D\u5BC6\u7801\u4E0D\u6B63\u786E" }]);
  }
  const now = services.clock.now();
  await setPasswordHash(services.db, caller.id, await hashPassword(input.newPassword), now);
  await revokeUserSessions(services.db, caller.id, now, caller.sessionHash);
  return { changed: true };
});

// cloud/bookings/booking-view.ts
function toResource(row, closedDates) {
  return {
    id: row.id,
    centerId: row.center_id,
    centerName: row.center_name,
    communityId: row.community_id,
    kind: row.kind,
    name: row.name,
    description: row.description,
    capacity: row.capacity,
    hours: JSON.parse(row.hours),
    slotMinutes: row.slot_minutes,
    windowSize: row.kind === "hall" ? row.window_size : 1,
    daysAhead: row.days_ahead,
    minNoticeMinutes: row.min_notice_minutes,
    cancelCutoffMinutes: row.cancel_cutoff_minutes,
    weeklyQuota: row.weekly_quota,
    requiresApproval: row.requires_approval === 1,
    documents: JSON.parse(row.documents),
    closedDates,
    active: row.active === 1
  };
}
var STEP_TEXT = {
  ...Object.fromEntries(Object.entries(HALL_STEPS).map(([k, v]) => [k, v.text])),
  submitted: "\u5DF2\u63D0\u4EA4\uFF0C\u5F85\u5BA1\u6838",
  approved: "\u5BA1\u6838\u901A\u8FC7",
  rejected: "\u672A\u901A\u8FC7",
  cancelled: "\u5DF2\u53D6\u6D88",
  rescheduled: "\u5DF2\u6539\u7EA6",
  checked_in: "\u5DF2\u5230\u573A",
  no_show: "\u672A\u5230\u573A"
};
function toBooking(row, steps, view) {
  const status = row.status;
  const step = row.step;
  const beforeCutoff = view.now.getTime() < new Date(row.slot_start).getTime() - view.cancelCutoffMinutes * 6e4;
  const actions = BOOKING_FLOW[status].actions;
  return {
    id: row.id,
    resourceId: row.resource_id,
    communityId: row.community_id,
    resourceName: row.resource_name,
    kind: row.kind,
    centerName: row.center_name,
    start: new Date(row.slot_start),
    end: new Date(row.slot_end),
    status,
    statusText: BOOKING_FLOW[status].text,
    step,
    stepText: step ? HALL_STEPS[step].text : null,
    purpose: row.purpose,
    partySize: row.party_size,
    rejectReason: row.reject_reason,
    missingMaterials: JSON.parse(row.missing_materials),
    documents: view.documents,
    timeline: steps.filter((s) => s.booking_id === row.id).map((s) => ({ step: s.step, text: STEP_TEXT[s.step] ?? s.step, note: s.note, at: new Date(s.at), byName: view.forStaff || s.by_user_id !== row.user_id ? s.by_name : null })),
    canCancel: "cancel" in actions && beforeCutoff && (step === null || step === "booked"),
    canReschedule: "reschedule" in actions && beforeCutoff && (step === null || step === "booked"),
    residentName: view.forStaff ? row.nickname : null
  };
}

// cloud/bookings/list-resources.ts
var list_resources_default = defineFunction(listResources, async (input, { services }) => {
  const today = shanghaiDay(services.clock.now());
  const rows = await listResourceRows(services.db, input.communityId, input.kind);
  return Promise.all(rows.map(async (r) => toResource(r, await closedDatesOf(services.db, r.id, today))));
});

// cloud/bookings/bookable.ts
function slotProblem(resource, start, now, closed) {
  if (closed) return "BOOKING_CLOSED_DATE";
  if (start.getTime() <= now.getTime()) return "BOOKING_PAST";
  if (start.getTime() - now.getTime() < resource.min_notice_minutes * MINUTE) return "BOOKING_TOO_SOON";
  const lastDay = shanghaiDay(new Date(now.getTime() + resource.days_ahead * DAY));
  if (shanghaiDay(start) > lastDay) return "BOOKING_TOO_FAR";
  return null;
}
var SLOT_REASON_TEXT = {
  BOOKING_CLOSED_DATE: "\u6682\u505C\u5F00\u653E",
  BOOKING_PAST: "\u5DF2\u8FC7\u65F6",
  BOOKING_TOO_SOON: "\u9700\u63D0\u524D\u9884\u7EA6",
  BOOKING_TOO_FAR: "\u6682\u672A\u5F00\u653E"
};

// cloud/bookings/slots.ts
function isoWeekday(date) {
  return ((/* @__PURE__ */ new Date(`${date}T00:00:00Z`)).getUTCDay() + 6) % 7 + 1;
}
function slotsOfDay(resource, date) {
  const ranges = resource.hours[String(isoWeekday(date))] ?? [];
  const slots = [];
  for (const range of ranges) {
    const open = shanghaiTime(date, range.start).getTime();
    const close = shanghaiTime(date, range.end).getTime();
    if (resource.kind === "hall") {
      if (close > open) slots.push({ start: new Date(open), end: new Date(close) });
      continue;
    }
    const step = resource.slotMinutes * 6e4;
    for (let t = open; t + step <= close; t += step) slots.push({ start: new Date(t), end: new Date(t + step) });
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}
function slotAt(resource, start) {
  return slotsOfDay(resource, shanghaiDay(start)).find((s) => s.start.getTime() === start.getTime());
}
function weekAround(at) {
  const day2 = shanghaiDay(at);
  const monday = /* @__PURE__ */ new Date(`${day2}T00:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() - (isoWeekday(day2) - 1));
  const from = shanghaiTime(monday.toISOString().slice(0, 10), "00:00");
  return { from, to: new Date(from.getTime() + 7 * 24 * 36e5) };
}
function hoursProblems(hours) {
  const problems = [];
  for (const [weekday, ranges] of Object.entries(hours)) {
    const sorted = [...ranges ?? []].sort((a, b) => a.start.localeCompare(b.start));
    sorted.forEach((r, i) => {
      if (r.start >= r.end) problems.push(`\u5468${"\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u65E5"[Number(weekday) - 1]} ${r.start}\u2014${r.end}\uFF1A\u7ED3\u675F\u8981\u665A\u4E8E\u5F00\u59CB`);
      const next = sorted[i + 1];
      if (next && next.start < r.end) problems.push(`\u5468${"\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u65E5"[Number(weekday) - 1]}\u7684\u5F00\u653E\u65F6\u6BB5\u6709\u91CD\u53E0`);
    });
  }
  return problems;
}

// cloud/bookings/availability.ts
var availability_default = defineFunction(availability, async (input, { services }) => {
  const resource = await getResourceRow(services.db, input.resourceId);
  if (!resource || resource.active !== 1) throw new AppError("NOT_FOUND");
  const now = services.clock.now();
  const closed = await closedReason(services.db, resource.id, input.date);
  const dayStart = shanghaiTime(input.date, "00:00");
  const held = await heldPlaces(services.db, resource.id, dayStart, new Date(dayStart.getTime() + DAY));
  const size = resource.kind === "hall" ? resource.window_size : 1;
  const slots = slotsOfDay({ kind: resource.kind, hours: JSON.parse(resource.hours), slotMinutes: resource.slot_minutes }, input.date).map(
    (slot) => {
      const left = Math.max(0, size - (held.get(slot.start.toISOString()) ?? 0));
      const problem = slotProblem(resource, slot.start, now, closed);
      const reason = problem ? SLOT_REASON_TEXT[problem] : left === 0 ? size === 1 ? "\u5DF2\u88AB\u9884\u7EA6" : "\u5DF2\u7EA6\u6EE1" : null;
      return { start: slot.start, end: slot.end, size, left, bookable: reason === null, reason };
    }
  );
  return { date: input.date, closedReason: closed, slots };
});

// cloud/notifications/templates.ts
function templateId(config, name) {
  return config.templateIds[name];
}
function thing(text, max = 20) {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}\u2026`;
}

// cloud/bookings/booking-messages.ts
var BOOKING_PAGE = "packages/bookings/mine/index";
function progressMessage(config, b, what, note, now) {
  return {
    dedupeKey: `booking:${b.id}:${what}:${now.toISOString()}`,
    userId: b.userId,
    template: templateId(config, "progress"),
    page: `${BOOKING_PAGE}?id=${b.id}`,
    data: { thing1: thing(b.resourceName), time2: formatFullDateTime(b.start), thing3: thing(b.centerName), thing4: thing(note) },
    notBefore: now
  };
}

// cloud/bookings/bookings.permissions.ts
function mayWorkBookings(grants, communityId) {
  return holdsRoleIn(grants, ["gridWorker", "agent", "communityAdmin"], communityId);
}
function mayAdministerBookings(grants, communityId) {
  return holdsRoleIn(grants, ["communityAdmin"], communityId);
}

// cloud/bookings/load-booking.ts
async function bookingFor(services, id7, caller, who) {
  const row = await getBookingRow(services.db, id7);
  const allowed = row && (who === "owner" ? row.user_id === caller.id : who === "staff" ? mayWorkBookings(caller.grants, row.community_id) : mayAdministerBookings(caller.grants, row.community_id));
  if (!row || !allowed) throw new AppError("NOT_FOUND");
  return row;
}
async function viewBookings(services, rows, forStaff) {
  const steps = await stepsOf(services.db, rows.map((r) => r.id));
  const now = services.clock.now();
  const resources = /* @__PURE__ */ new Map();
  for (const r of rows) {
    if (resources.has(r.resource_id)) continue;
    const res = await getResourceRow(services.db, r.resource_id);
    resources.set(r.resource_id, { cancel: res?.cancel_cutoff_minutes ?? 0, documents: res ? JSON.parse(res.documents) : [] });
  }
  return rows.map(
    (r) => toBooking(r, steps, { now, cancelCutoffMinutes: resources.get(r.resource_id).cancel, documents: resources.get(r.resource_id).documents, forStaff })
  );
}
async function viewBooking(services, id7, forStaff) {
  const row = await getBookingRow(services.db, id7);
  if (!row) throw new AppError("NOT_FOUND");
  return (await viewBookings(services, [row], forStaff))[0];
}

// cloud/bookings/create-booking.ts
var create_booking_default = defineFunction(createBooking, async (input, { services, caller }) => {
  const resource = await getResourceRow(services.db, input.resourceId);
  if (!resource || resource.active !== 1) throw new AppError("NOT_FOUND");
  const slot = slotAt({ kind: resource.kind, hours: JSON.parse(resource.hours), slotMinutes: resource.slot_minutes }, input.start);
  if (!slot) throw new AppError("BOOKING_NOT_A_SLOT");
  const now = services.clock.now();
  const problem = slotProblem(resource, slot.start, now, await closedReason(services.db, resource.id, shanghaiDay(slot.start)));
  if (problem) throw new AppError(problem);
  const isRoom = resource.kind === "room";
  if (isRoom && input.partySize > resource.capacity) {
    throw new AppError("BOOKING_PARTY_TOO_LARGE", `\u8FD9\u95F4\u529F\u80FD\u5BA4\u6700\u591A\u5BB9\u7EB3${resource.capacity}\u4EBA`, [{ path: "partySize", message: `\u6700\u591A${resource.capacity}\u4EBA` }]);
  }
  const status = resource.requires_approval === 1 ? "pending" : "approved";
  const at = now.toISOString();
  const id7 = newId();
  const facts = { id: id7, userId: caller.id, resourceName: resource.name, centerName: resource.center_name, start: slot.start.toISOString() };
  await createBookingRow(services.db, {
    row: {
      id: id7,
      resource_id: resource.id,
      user_id: caller.id,
      slot_start: slot.start.toISOString(),
      slot_end: slot.end.toISOString(),
      status,
      step: isRoom ? null : "booked",
      purpose: input.purpose,
      party_size: isRoom ? input.partySize : 1,
      reject_reason: null,
      missing_materials: "[]",
      created_at: at,
      updated_at: at
    },
    size: isRoom ? 1 : resource.window_size,
    kind: resource.kind,
    quota: resource.weekly_quota > 0 ? { limit: resource.weekly_quota, ...weekAround(slot.start) } : null,
    // Suspension for no-shows stops room booking only; a matter at the hall still gets done.
    checkSuspension: isRoom,
    now,
    firstStep: status === "pending" ? "submitted" : "booked",
    messages: [progressMessage(services.config, facts, "created", status === "pending" ? "\u5DF2\u63D0\u4EA4\uFF0C\u7B49\u5F85\u793E\u533A\u5BA1\u6838" : "\u9884\u7EA6\u6210\u529F\uFF0C\u8BF7\u6309\u65F6\u524D\u6765", now)]
  });
  return viewBooking(services, id7, false);
});

// cloud/bookings/act-on-booking.ts
var RELEASING = ["reject", "cancel"];
async function actOnBooking(services, row, action, options) {
  const to = bookingNext(row.status, action);
  if (!to) throw new AppError("BOOKING_NOT_ALLOWED_NOW");
  const moved = await transitionBooking(services.db, {
    id: row.id,
    from: row.status,
    to,
    changes: options.changes,
    release: RELEASING.includes(action),
    step: { step: options.stepName ?? to, note: options.note ?? null, by: options.by },
    now: services.clock.now(),
    messages: options.messages ?? []
  });
  if (!moved) throw new AppError("BOOKING_NOT_ALLOWED_NOW");
}
function factsOf(row) {
  return { id: row.id, userId: row.user_id, resourceName: row.resource_name, centerName: row.center_name, start: row.slot_start };
}

// cloud/bookings/cancel-booking.ts
var cancel_booking_default = defineFunction(cancelBooking, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, "owner");
  const resource = await getResourceRow(services.db, row.resource_id);
  const cutoff = new Date(row.slot_start).getTime() - (resource?.cancel_cutoff_minutes ?? 0) * MINUTE;
  if (services.clock.now().getTime() >= cutoff) throw new AppError("BOOKING_CANCEL_CUTOFF");
  if (row.step && row.step !== "booked") throw new AppError("BOOKING_NOT_ALLOWED_NOW", "\u4E8B\u9879\u5DF2\u5728\u529E\u7406\u4E2D\uFF0C\u4E0D\u80FD\u53D6\u6D88");
  await actOnBooking(services, row, "cancel", { by: caller.id });
  return viewBooking(services, row.id, false);
});

// cloud/bookings/reschedule-booking.ts
var reschedule_booking_default = defineFunction(rescheduleBooking, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, "owner");
  const resource = await getResourceRow(services.db, row.resource_id);
  const now = services.clock.now();
  const to = bookingNext(row.status, "reschedule");
  if (!to || row.step && row.step !== "booked") throw new AppError("BOOKING_NOT_ALLOWED_NOW");
  if (now.getTime() >= new Date(row.slot_start).getTime() - resource.cancel_cutoff_minutes * MINUTE) throw new AppError("BOOKING_CANCEL_CUTOFF");
  const slot = slotAt({ kind: resource.kind, hours: JSON.parse(resource.hours), slotMinutes: resource.slot_minutes }, input.start);
  if (!slot) throw new AppError("BOOKING_NOT_A_SLOT");
  const problem = slotProblem(resource, slot.start, now, await closedReason(services.db, resource.id, shanghaiDay(slot.start)));
  if (problem) throw new AppError(problem);
  await moveBooking(services.db, {
    id: row.id,
    from: row.status,
    to,
    slotStart: slot.start.toISOString(),
    slotEnd: slot.end.toISOString(),
    size: resource.kind === "hall" ? resource.window_size : 1,
    resourceId: resource.id,
    now,
    note: `${formatDateTime(row.slot_start)} \u6539\u4E3A ${formatDateTime(slot.start)}`,
    by: caller.id
  });
  return viewBooking(services, row.id, false);
});

// cloud/bookings/my-bookings.ts
var my_bookings_default = defineFunction(myBookings, async (input, { services, caller }) => {
  const now = services.clock.now();
  const rows = await bookingsOfUser(services.db, caller.id, { now, past: input.when === "past" });
  const until = await activeSuspension(services.db, caller.id, now);
  return { bookings: await viewBookings(services, rows, false), suspendedUntil: until ? new Date(until) : null };
});

// cloud/bookings/today-bookings.ts
var today_bookings_default = defineFunction(todayBookings, async (input, { services, caller }) => {
  const mine = communitiesWhere(caller.grants, ["gridWorker", "agent", "communityAdmin"]);
  if (input.communityId && mine !== "all" && !mine.includes(input.communityId)) throw new AppError("OUT_OF_SCOPE");
  const day2 = input.date ?? shanghaiDay(services.clock.now());
  const from = shanghaiTime(day2, "00:00");
  const rows = await bookingsOfCommunities(services.db, {
    communityIds: input.communityId ? [input.communityId] : mine,
    from,
    to: new Date(from.getTime() + DAY),
    statuses: ["pending", "approved", "checked_in", "no_show"]
  });
  return viewBookings(services, rows, true);
});

// cloud/bookings/check-in-booking.ts
var check_in_booking_default = defineFunction(checkInBooking, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, "staff");
  await actOnBooking(services, row, "checkIn", {
    by: caller.id,
    changes: row.step === "booked" ? { step: "arrived" } : void 0,
    stepName: row.step === "booked" ? "arrived" : "checked_in"
  });
  return viewBooking(services, row.id, true);
});

// cloud/bookings/mark-no-show.ts
var NO_SHOW_GRACE = NO_SHOW_GRACE_MINUTES * MINUTE;
var NO_SHOW_LIMIT = 3;
var NO_SHOW_WINDOW = 30 * DAY;
var SUSPENSION = 14 * DAY;
var mark_no_show_default = defineFunction(markNoShow, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, "staff");
  const now = services.clock.now();
  if (now.getTime() < new Date(row.slot_start).getTime() + NO_SHOW_GRACE) throw new AppError("BOOKING_NOSHOW_TOO_EARLY");
  await actOnBooking(services, row, "markNoShow", { by: caller.id });
  if (row.kind === "room" && await noShowsSince(services.db, row.user_id, new Date(now.getTime() - NO_SHOW_WINDOW)) >= NO_SHOW_LIMIT) {
    const until = new Date(now.getTime() + SUSPENSION);
    await suspend(services.db, row.user_id, until, `30\u5929\u5185${NO_SHOW_LIMIT}\u6B21\u9884\u7EA6\u672A\u5230`);
    await enqueue(services.db, [progressMessage(services.config, factsOf(row), "suspended", `\u591A\u6B21\u672A\u5230\uFF0C${formatDateTime(until)}\u524D\u6682\u505C\u9884\u7EA6`, now)], now);
  }
  return viewBooking(services, row.id, true);
});

// cloud/bookings/advance-booking.ts
var advance_booking_default = defineFunction(advanceBooking, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, "staff");
  const from = row.step;
  if (!from || !hallStepAllowed(from, input.to)) {
    throw new AppError("BOOKING_NOT_ALLOWED_NOW", from ? `\u201C${HALL_STEPS[from].text}\u201D\u4E4B\u540E\u4E0D\u80FD\u76F4\u63A5\u5230\u201C${HALL_STEPS[input.to].text}\u201D` : "\u529F\u80FD\u5BA4\u9884\u7EA6\u6CA1\u6709\u529E\u7406\u6B65\u9AA4");
  }
  const missing = input.to === "needs_material" ? input.missingMaterials ?? [] : [];
  if (input.to === "needs_material" && missing.length === 0) {
    throw new AppError("INVALID_INPUT", "\u8BF7\u5199\u660E\u9700\u8981\u8865\u5145\u7684\u6750\u6599", [{ path: "missingMaterials", message: "\u8BF7\u5199\u660E\u9700\u8981\u8865\u5145\u7684\u6750\u6599" }]);
  }
  const now = services.clock.now();
  const note = input.to === "needs_material" ? `\u8BF7\u8865\u5145\uFF1A${missing.join("\u3001")}` : input.note ?? null;
  const status = row.status === "approved" && input.to === "arrived" ? "checked_in" : row.status;
  const moved = await transitionBooking(services.db, {
    id: row.id,
    from: row.status,
    to: status,
    fromStep: from,
    changes: { step: input.to, missing_materials: JSON.stringify(missing) },
    release: false,
    step: { step: input.to, note, by: caller.id },
    now,
    messages: [progressMessage(services.config, factsOf(row), `step-${input.to}`, note ? `${HALL_STEPS[input.to].text}\uFF1A${note}` : HALL_STEPS[input.to].text, now)]
  });
  if (!moved) throw new AppError("BOOKING_NOT_ALLOWED_NOW");
  return viewBooking(services, row.id, true);
});

// cloud/bookings/approve-booking.ts
var approve_booking_default = defineFunction(approveBooking, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, "admin");
  const now = services.clock.now();
  await actOnBooking(services, row, "approve", {
    by: caller.id,
    messages: [progressMessage(services.config, factsOf(row), "approved", "\u5BA1\u6838\u901A\u8FC7\uFF0C\u8BF7\u6309\u65F6\u524D\u6765", now)]
  });
  return viewBooking(services, row.id, true);
});

// cloud/bookings/reject-booking.ts
var reject_booking_default = defineFunction(rejectBooking, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, "admin");
  const now = services.clock.now();
  await actOnBooking(services, row, "reject", {
    by: caller.id,
    note: input.reason,
    changes: { reject_reason: input.reason },
    messages: [progressMessage(services.config, factsOf(row), "rejected", `\u672A\u901A\u8FC7\uFF1A${input.reason}`, now)]
  });
  return viewBooking(services, row.id, true);
});

// cloud/bookings/pending-bookings.ts
var pending_bookings_default = defineFunction(pendingBookings, async (input, { services, caller }) => {
  const mine = communitiesWhere(caller.grants, ["communityAdmin"]);
  if (input.communityId && mine !== "all" && !mine.includes(input.communityId)) throw new AppError("OUT_OF_SCOPE");
  const rows = await bookingsOfCommunities(services.db, {
    communityIds: input.communityId ? [input.communityId] : mine,
    from: services.clock.now(),
    statuses: ["pending"]
  });
  return viewBookings(services, rows, true);
});

// cloud/bookings/save-resource.ts
var save_resource_default = defineFunction(saveResource, async (input, { services, caller }) => {
  const center = await getCenter(services.db, input.centerId);
  if (!center || !mayAdministerBookings(caller.grants, center.community_id)) throw new AppError("OUT_OF_SCOPE");
  if (input.id) {
    const existing = await getResourceRow(services.db, input.id);
    if (!existing || !mayAdministerBookings(caller.grants, existing.community_id)) throw new AppError("NOT_FOUND");
  }
  const problems = hoursProblems(input.hours);
  if (problems.length) throw new AppError("BOOKING_RESOURCE_INVALID", problems[0], problems.map((m) => ({ path: "hours", message: m })));
  const id7 = input.id ?? newId();
  await saveResourceRow(services.db, {
    id: id7,
    center_id: center.id,
    kind: input.kind,
    name: input.name,
    description: input.description,
    capacity: input.capacity,
    hours: JSON.stringify(input.hours),
    slot_minutes: input.slotMinutes,
    window_size: input.kind === "hall" ? input.windowSize : 1,
    days_ahead: input.daysAhead,
    min_notice_minutes: input.minNoticeMinutes,
    cancel_cutoff_minutes: input.cancelCutoffMinutes,
    weekly_quota: input.weeklyQuota,
    requires_approval: input.requiresApproval ? 1 : 0,
    documents: JSON.stringify(input.documents),
    active: input.active ? 1 : 0,
    sort: 0
  });
  const row = await getResourceRow(services.db, id7);
  return toResource(row, await closedDatesOf(services.db, id7, shanghaiDay(services.clock.now())));
});

// cloud/bookings/close-dates.ts
var close_dates_default = defineFunction(closeDates, async (input, { services, caller }) => {
  const resource = await getResourceRow(services.db, input.resourceId);
  if (!resource || !mayAdministerBookings(caller.grants, resource.community_id)) throw new AppError("NOT_FOUND");
  await setClosedDates(services.db, resource.id, input.close, input.reopen);
  const now = services.clock.now();
  for (const c of input.close) {
    const from = shanghaiTime(c.date, "00:00");
    for (const b of await activeBookingsOn(services.db, resource.id, from, new Date(from.getTime() + DAY))) {
      await transitionBooking(services.db, {
        id: b.id,
        from: b.status,
        to: "cancelled",
        release: true,
        step: { step: "cancelled", note: `\u6682\u505C\u5F00\u653E\uFF1A${c.reason}`, by: caller.id },
        now,
        messages: [
          progressMessage(
            services.config,
            { id: b.id, userId: b.user_id, resourceName: resource.name, centerName: resource.center_name, start: b.slot_start },
            "closed",
            `\u5F53\u5929\u6682\u505C\u5F00\u653E\uFF08${c.reason}\uFF09\uFF0C\u9884\u7EA6\u5DF2\u53D6\u6D88`,
            now
          )
        ]
      });
    }
  }
  return toResource(resource, await closedDatesOf(services.db, resource.id, shanghaiDay(now)));
});

// cloud/auth/logout.ts
var logout_default = defineFunction(logout, async (_input, { services, caller }) => {
  await revokeSession(services.db, caller.sessionHash, services.clock.now());
  return { loggedOut: true };
});

// cloud/communities/list-communities.ts
var list_communities_default = defineFunction(listCommunities, async (input, { services }) => {
  const regions = await loadRegions(services.db);
  return regions.filter(
    (r) => (!input.level || r.level === input.level) && (input.parentId === void 0 || r.parentId === input.parentId)
  );
});

// cloud/files/uploads.ts
var import_node_crypto4 = __toESM(require("node:crypto"));
var import_sharp = __toESM(require("sharp"));

// cloud/files/files.storage.ts
async function insertFile(db, row) {
  await db.insertInto("files").values(row).execute();
}
async function getFileRow(db, id7) {
  return db.selectFrom("files").selectAll().where("id", "=", id7).executeTakeFirst();
}
async function attachFiles(db, ids, ownerId, kind, targetId) {
  if (ids.length === 0) return true;
  const result = await db.updateTable("files").set({ attached_kind: kind, attached_id: targetId }).where("id", "in", ids).where("owner_id", "=", ownerId).where("attached_id", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) === new Set(ids).size;
}
async function filesOf(db, kind, targetId) {
  return db.selectFrom("files").selectAll().where("attached_kind", "=", kind).where("attached_id", "=", targetId).orderBy("created_at").execute();
}
async function filesAttachedBefore(db, kind, before) {
  return db.selectFrom("files").selectAll().where("attached_kind", "=", kind).where("created_at", "<", before.toISOString()).limit(500).execute();
}
async function deleteFileRows(db, ids) {
  if (ids.length) await db.deleteFrom("files").where("id", "in", ids).execute();
}

// cloud/files/uploads.ts
var MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
var FORMATS = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" };
async function storeUpload(services, ownerId, bytes) {
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError("FILE_TOO_LARGE");
  let format;
  try {
    format = (await (0, import_sharp.default)(bytes).metadata()).format;
  } catch {
    throw new AppError("FILE_TYPE_NOT_ALLOWED");
  }
  if (!format || !(format in FORMATS)) throw new AppError("FILE_TYPE_NOT_ALLOWED");
  const kind = format;
  const clean = await (0, import_sharp.default)(bytes, { limitInputPixels: 5e7 }).rotate().resize({ width: 2560, height: 2560, fit: "inside", withoutEnlargement: true }).toFormat(kind, kind === "jpeg" ? { quality: 85 } : {}).toBuffer();
  const id7 = newId();
  const now = services.clock.now();
  const relative = `${now.toISOString().slice(0, 7)}/${id7}.${kind === "jpeg" ? "jpg" : kind}`;
  await services.objects.put(relative, clean, FORMATS[kind]);
  await insertFile(services.db, {
    id: id7,
    owner_id: ownerId,
    mime: FORMATS[kind],
    size: clean.length,
    sha256: import_node_crypto4.default.createHash("sha256").update(clean).digest("hex"),
    path: relative,
    attached_kind: null,
    attached_id: null,
    created_at: now.toISOString(),
    download_name: null
  });
  return { id: id7, mime: FORMATS[kind], size: clean.length };
}
function signedFileUrl(services, fileId, validMs = HOUR) {
  const expires = services.clock.now().getTime() + validMs;
  return `/api/files/${fileId}?e=${expires}&s=${fileSignature(services, fileId, expires)}`;
}
function fileSignature(services, fileId, expires) {
  return import_node_crypto4.default.createHmac("sha256", services.config.dataKey).update(`file:${fileId}:${expires}`).digest("base64url").slice(0, 32);
}
function verifyFileSignature(services, fileId, expires, signature) {
  if (!Number.isFinite(expires) || expires < services.clock.now().getTime()) return false;
  const expected = Buffer.from(fileSignature(services, fileId, expires));
  const given = Buffer.from(signature);
  return expected.length === given.length && import_node_crypto4.default.timingSafeEqual(expected, given);
}

// cloud/honors/honor-view.ts
function toListSummary(row) {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    scopeId: row.scope_id,
    scopeName: row.scope_name,
    categories: JSON.parse(row.categories),
    entryCount: row.entry_count,
    published: row.published === 1
  };
}
function excerptOf(html) {
  const text = html.replace(/<[^>]*>/g, "").replace(/&nbsp;/g, " ").replace(/\s+/g, " ").trim();
  return [...text].length > 60 ? `${[...text].slice(0, 60).join("")}\u2026` : text;
}
function toEntrySummary(services, row) {
  return {
    id: row.id,
    listId: row.list_id,
    name: row.name,
    category: row.category,
    communityName: row.community_name,
    photoUrl: row.photo_file_id ? signedFileUrl(services, row.photo_file_id) : null,
    excerpt: excerptOf(row.story_html),
    likes: row.likes
  };
}
function toEntry(services, row, likedByMe) {
  return { ...toEntrySummary(services, row), listTitle: row.list_title, year: row.year, storyHtml: row.story_html, likedByMe };
}
function toNomination(row) {
  const status = row.status;
  return {
    id: row.id,
    year: row.year,
    communityId: row.community_id,
    communityName: row.community_name,
    nomineeName: row.nominee_name,
    category: row.category,
    reason: row.reason,
    status,
    statusText: NOMINATION_STATUS_TEXT[status],
    declineReason: row.decline_reason,
    nominatorName: row.nominator_name,
    createdAt: new Date(row.created_at)
  };
}
function toThanks(services, row) {
  const status = row.status;
  return {
    id: row.id,
    authorName: row.author_name ?? "\u5C45\u6C11",
    targetKind: row.target_kind,
    targetName: row.target_name,
    communityName: row.community_name,
    text: row.text,
    photoUrl: row.photo_file_id ? signedFileUrl(services, row.photo_file_id) : null,
    status,
    statusText: THANKS_FLOW[status].text,
    reports: row.reports,
    createdAt: new Date(row.created_at)
  };
}

// cloud/honors/list-honor-lists.ts
var list_honor_lists_default = defineFunction(listHonorLists, async (input, { services }) => {
  const scopeIds = await readerScope(services.db, input.communityId);
  return (await listHonorListRows(services.db, { year: input.year, scopeIds, publishedOnly: true })).map(toListSummary);
});

// cloud/honors/get-honor-list.ts
var get_honor_list_default = defineFunction(getHonorList, async (input, { services, caller }) => {
  const row = await getHonorListRow(services.db, input.id);
  const region = row && await getRegion(services.db, row.scope_id);
  if (!row || !region || row.published !== 1 && !(caller && administers(caller.grants, region))) throw new AppError("NOT_FOUND");
  const list = toListSummary(row);
  const entries = (await entriesOfList(services.db, row.id)).map((e) => toEntrySummary(services, e));
  const byCategory = list.categories.map((category) => ({ category, entries: entries.filter((e) => e.category === category) })).filter((group) => group.entries.length > 0);
  return { list, byCategory };
});

// cloud/honors/get-honor-entry.ts
var get_honor_entry_default = defineFunction(getHonorEntry, async (input, { services, caller }) => {
  const row = await getHonorEntryRow(services.db, input.id);
  if (!row || row.published !== 1) throw new AppError("NOT_FOUND");
  if (input.sharer) await recordVisitFromShare(services, { targetKind: "honor", targetId: row.id, sharerId: input.sharer, visitorId: caller?.id ?? null });
  return toEntry(services, row, caller ? await hasLiked(services.db, row.id, caller.id) : false);
});

// cloud/honors/like-honor-entry.ts
var like_honor_entry_default = defineFunction(likeHonorEntry, async (input, { services, caller }) => {
  const row = await getHonorEntryRow(services.db, input.id);
  if (!row || row.published !== 1) throw new AppError("NOT_FOUND");
  await insertLike(services.db, row.id, caller.id, services.clock.now());
  return { likes: (await getHonorEntryRow(services.db, row.id)).likes, likedByMe: true };
});

// cloud/honors/get-poster-code.ts
var get_poster_code_default = defineFunction(honorPosterCode, async (input, { services }) => {
  const row = await getHonorEntryRow(services.db, input.id);
  if (!row || row.published !== 1) throw new AppError("NOT_FOUND");
  try {
    const png = await services.wechat.getUnlimitedQrCode({ scene: row.id, page: "packages/honors/entry/index", width: 280 });
    return { image: `data:image/png;base64,${png.toString("base64")}` };
  } catch {
    throw new AppError("WECHAT_UNAVAILABLE");
  }
});

// cloud/honors/nominate.ts
var nominate_default = defineFunction(nominate, async (input, { services, caller }) => {
  const communityId = input.communityId ?? (await getUser(services.db, caller.id))?.home_community_id;
  const community = communityId ? await getRegion(services.db, communityId) : void 0;
  if (community?.level !== "community") throw new AppError("COMMUNITY_NOT_FOUND", "\u8BF7\u9009\u62E9\u88AB\u63A8\u8350\u4EBA\u6240\u5728\u7684\u793E\u533A");
  const now = services.clock.now();
  const id7 = newId();
  await insertNomination(services.db, {
    id: id7,
    nominator_id: caller.id,
    // Nominations are for next year's list.
    year: inShanghai(now).year() + 1,
    community_id: community.id,
    nominee_name: input.nomineeName,
    category: input.category,
    reason: input.reason,
    status: "pending",
    decline_reason: null,
    entry_id: null,
    reviewed_by: null,
    reviewed_at: null,
    created_at: now.toISOString()
  });
  return toNomination(await getNominationRow(services.db, id7));
});

// cloud/honors/my-nominations.ts
var my_nominations_default = defineFunction(
  myNominations,
  async (_input, { services, caller }) => (await nominationRows(services.db, { nominatorId: caller.id })).map(toNomination)
);

// cloud/honors/list-thanks.ts
var list_thanks_default = defineFunction(listThanks, async (input, { services }) => {
  const scopeIds = await readerScope(services.db, input.communityId);
  const before = input.cursor ? (([createdAt, id7]) => ({ createdAt, id: id7 }))(decodeCursor(input.cursor, ["string", "string"])) : void 0;
  const rows = await thanksRows(services.db, { statuses: ["approved"], scopeIds, before, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toThanks(services, r)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.created_at, last.id]) : null
  };
});

// cloud/honors/post-thanks.ts
var post_thanks_default = defineFunction(postThanks, async (input, { services, caller }) => {
  const communityId = input.communityId ?? (await getUser(services.db, caller.id))?.home_community_id;
  const community = communityId ? await getRegion(services.db, communityId) : void 0;
  if (community?.level !== "community") throw new AppError("COMMUNITY_NOT_FOUND", "\u8BF7\u9009\u62E9\u8981\u611F\u8C22\u7684\u793E\u533A");
  let targetName = input.targetName;
  if (input.targetKind === "staff") {
    const staff = input.targetUserId ? await getUser(services.db, input.targetUserId) : void 0;
    const grants = staff ? await grantsOf(services.db, staff.id) : [];
    if (!staff || !grants.some((g) => g.scopeId === community.id || g.role === "districtAdmin")) throw new AppError("THANKS_TARGET_UNKNOWN");
    targetName = staff.nickname;
  } else if (!targetName) {
    throw new AppError("INVALID_INPUT", "\u8BF7\u5199\u660E\u8981\u611F\u8C22\u7684\u5355\u4F4D\u6216\u4EBA", [{ path: "targetName", message: "\u8BF7\u5199\u660E\u8981\u611F\u8C22\u7684\u5355\u4F4D\u6216\u4EBA" }]);
  }
  const id7 = newId();
  if (input.photoId && !await attachFiles(services.db, [input.photoId], caller.id, "thanks", id7)) throw new AppError("FILE_UNUSABLE");
  await insertThanks(services.db, {
    id: id7,
    author_id: caller.id,
    target_kind: input.targetKind,
    target_user_id: input.targetKind === "staff" ? input.targetUserId : null,
    target_name: targetName,
    community_id: community.id,
    text: input.text,
    photo_file_id: input.photoId ?? null,
    status: "pending",
    reject_reason: null,
    reviewed_by: null,
    reviewed_at: null,
    created_at: services.clock.now().toISOString()
  });
  return toThanks(services, await getThanksRow(services.db, id7));
});

// cloud/honors/report-thanks.ts
var report_thanks_default = defineFunction(reportThanks, async (input, { services, caller }) => {
  const post = await getThanksRow(services.db, input.id);
  if (!post || post.status !== "approved") throw new AppError("NOT_FOUND");
  await reportAndMaybeHide(services.db, { postId: post.id, userId: caller.id, reason: input.reason, threshold: REPORTS_TO_HIDE, now: services.clock.now() });
  return { reported: true };
});

// cloud/honors/thanks-received.ts
var thanks_received_default = defineFunction(
  thanksReceived,
  async (_input, { services, caller }) => (await thanksRows(services.db, { statuses: ["approved"], targetUserId: caller.id, limit: 200 })).map((r) => toThanks(services, r))
);

// cloud/honors/staff-to-thank.ts
var staff_to_thank_default = defineFunction(staffToThank, async (input, { services }) => {
  const grants = await listGrants(services.db, [input.communityId], { wechatOnly: true });
  const byUser = /* @__PURE__ */ new Map();
  for (const g of grants) if (!byUser.has(g.userId)) byUser.set(g.userId, { userId: g.userId, name: g.nickname, role: ROLE_LABELS[g.role] });
  return [...byUser.values()];
});

// cloud/honors/save-honor-list.ts
var save_honor_list_default = defineFunction(saveHonorList, async (input, { services, caller }) => {
  const scope = await getRegion(services.db, input.scopeId);
  if (!scope || !administers(caller.grants, scope)) throw new AppError("OUT_OF_SCOPE");
  const existing = input.id ? await getHonorListRow(services.db, input.id) : void 0;
  if (input.id) {
    const oldScope = existing && await getRegion(services.db, existing.scope_id);
    if (!existing || !oldScope || !administers(caller.grants, oldScope)) throw new AppError("NOT_FOUND");
  }
  const now = services.clock.now().toISOString();
  const id7 = input.id ?? newId();
  await saveHonorListRow(services.db, {
    id: id7,
    year: input.year,
    scope_id: scope.id,
    title: input.title,
    categories: JSON.stringify([...new Set(input.categories)]),
    published: existing?.published ?? 0,
    created_at: existing?.created_at ?? now,
    updated_at: now
  });
  return toListSummary(await getHonorListRow(services.db, id7));
});

// cloud/honors/save-honor-entry.ts
var save_honor_entry_default = defineFunction(saveHonorEntry, async (input, { services, caller }) => {
  const list = await getHonorListRow(services.db, input.listId);
  const scope = list && await getRegion(services.db, list.scope_id);
  if (!list || !scope || !administers(caller.grants, scope)) throw new AppError("NOT_FOUND");
  if (!JSON.parse(list.categories).includes(input.category)) throw new AppError("HONOR_CATEGORY_UNKNOWN", void 0, [{ path: "category", message: "\u8FD9\u4E2A\u699C\u5355\u6CA1\u6709\u8FD9\u4E2A\u7C7B\u522B" }]);
  if ((await getRegion(services.db, input.communityId))?.level !== "community") throw new AppError("COMMUNITY_NOT_FOUND");
  const existing = input.id ? await getHonorEntryRow(services.db, input.id) : void 0;
  if (input.id && (!existing || existing.list_id !== list.id)) throw new AppError("NOT_FOUND");
  const story = sanitizeArticleHtml(input.storyHtml);
  if (!story) throw new AppError("INVALID_INPUT", "\u8BF7\u586B\u5199\u4E8B\u8FF9", [{ path: "storyHtml", message: "\u8BF7\u586B\u5199\u4E8B\u8FF9" }]);
  const id7 = input.id ?? newId();
  let photo = existing?.photo_file_id ?? null;
  if (input.photoId !== void 0) {
    if (input.photoId && input.photoId !== photo) {
      const file = await getFileRow(services.db, input.photoId);
      if (!file || !await attachFiles(services.db, [input.photoId], caller.id, "honor", id7)) throw new AppError("FILE_UNUSABLE");
    }
    photo = input.photoId;
  }
  const now = services.clock.now().toISOString();
  await saveHonorEntryRow(services.db, {
    id: id7,
    list_id: list.id,
    name: input.name,
    category: input.category,
    community_id: input.communityId,
    photo_file_id: photo,
    story_html: story,
    sort: input.sort,
    created_at: existing?.created_at ?? now,
    updated_at: now
  });
  return toEntry(services, await getHonorEntryRow(services.db, id7), false);
});

// cloud/honors/publish-honor-list.ts
var publish_honor_list_default = defineFunction(publishHonorList, async (input, { services, caller }) => {
  const list = await getHonorListRow(services.db, input.id);
  const scope = list && await getRegion(services.db, list.scope_id);
  if (!list || !scope || !administers(caller.grants, scope)) throw new AppError("NOT_FOUND");
  const { scope_name: _n, entry_count: _c, ...row } = list;
  await saveHonorListRow(services.db, { ...row, published: input.published ? 1 : 0, updated_at: services.clock.now().toISOString() });
  return toListSummary(await getHonorListRow(services.db, list.id));
});

// cloud/honors/list-nominations.ts
var list_nominations_default = defineFunction(
  listNominations,
  async (input, { services, caller }) => (await nominationRows(services.db, { communityIds: communitiesWhere(caller.grants, ["communityAdmin"]), status: input.status })).map(toNomination)
);

// cloud/honors/review-nomination.ts
var review_nomination_default = defineFunction(reviewNomination, async (input, { services, caller }) => {
  const nomination = await getNominationRow(services.db, input.id);
  if (!nomination || !holdsRoleIn(caller.grants, ["communityAdmin"], nomination.community_id)) throw new AppError("NOT_FOUND");
  const now = services.clock.now();
  let entry = null;
  if (input.decision === "accept") {
    const list = input.listId ? await getHonorListRow(services.db, input.listId) : void 0;
    const scope = list && await getRegion(services.db, list.scope_id);
    if (!list || !scope || !administers(caller.grants, scope)) {
      throw new AppError("INVALID_INPUT", "\u8BF7\u9009\u62E9\u4E00\u4E2A\u60A8\u7BA1\u7406\u7684\u699C\u5355", [{ path: "listId", message: "\u8BF7\u9009\u62E9\u4E00\u4E2A\u60A8\u7BA1\u7406\u7684\u699C\u5355" }]);
    }
    if (!JSON.parse(list.categories).includes(nomination.category)) throw new AppError("HONOR_CATEGORY_UNKNOWN");
    entry = {
      id: newId(),
      list_id: list.id,
      name: nomination.nominee_name,
      category: nomination.category,
      community_id: nomination.community_id,
      photo_file_id: null,
      // The nominator's reason is the first draft of the story; admins edit it later.
      story_html: sanitizeArticleHtml(`<p>${nomination.reason.replace(/[<>&]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;" })[c])}</p>`),
      sort: 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString()
    };
  } else if (!input.reason) {
    throw new AppError("INVALID_INPUT", "\u8BF7\u5199\u660E\u4E0D\u5165\u9009\u7684\u7406\u7531\uFF0C\u63A8\u8350\u4EBA\u4F1A\u770B\u5230", [{ path: "reason", message: "\u8BF7\u5199\u660E\u7406\u7531" }]);
  }
  const settled = await settleNomination(services.db, {
    id: nomination.id,
    status: input.decision === "accept" ? "accepted" : "declined",
    declineReason: input.decision === "decline" ? input.reason : null,
    entry,
    by: caller.id,
    now
  });
  if (!settled) throw new AppError("NOMINATION_NOT_PENDING");
  return toNomination(await getNominationRow(services.db, nomination.id));
});

// cloud/honors/thanks-queue.ts
var thanks_queue_default = defineFunction(
  thanksQueue,
  async (input, { services, caller }) => (await thanksRows(services.db, { statuses: [input.status], scopeIds: communitiesWhere(caller.grants, ["communityAdmin"]), limit: 200 })).map(
    (r) => toThanks(services, r)
  )
);

// cloud/honors/review-thanks.ts
var review_thanks_default = defineFunction(reviewThanks, async (input, { services, caller }) => {
  const post = await getThanksRow(services.db, input.id);
  if (!post || !holdsRoleIn(caller.grants, ["communityAdmin"], post.community_id)) throw new AppError("NOT_FOUND");
  const from = post.status;
  const to = THANKS_FLOW[from].decisions[input.decision];
  if (!to) throw new AppError("THANKS_NOT_ALLOWED_NOW");
  const decided = await decideThanks(services.db, {
    id: post.id,
    from,
    to,
    reason: input.decision === "reject" ? input.reason ?? null : null,
    by: caller.id,
    now: services.clock.now(),
    clearReports: from === "hidden" && to === "approved"
  });
  if (!decided) throw new AppError("THANKS_NOT_ALLOWED_NOW");
  return toThanks(services, await getThanksRow(services.db, post.id));
});

// cloud/articles/manage-articles.ts
var manage_articles_default = defineFunction(manageArticles, async (input, { services, caller }) => {
  const now = services.clock.now();
  const mine = communitiesWhere(caller.grants, ["communityAdmin"]);
  const { rows, total } = await listForAdmin(services.db, {
    scopeIds: mine,
    status: input.status,
    now,
    category: input.category,
    q: input.q,
    offset: (input.page - 1) * input.pageSize,
    limit: input.pageSize
  });
  return { items: rows.map((r) => toSummary(r, now)), total };
});

// cloud/events/event-view.ts
var import_qrcode2 = __toESM(require("qrcode"));
function timingOf(row) {
  return {
    state: row.state,
    requiresSignup: row.requires_signup === 1,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    signupOpensAt: new Date(row.signup_opens_at),
    signupClosesAt: new Date(row.signup_closes_at),
    capacity: row.capacity,
    confirmedCount: row.confirmed_count
  };
}
function toEventSummary(row, now) {
  const status = eventStatus(timingOf(row), now);
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    scopeId: row.scope_id,
    scopeName: row.scope_name,
    venue: row.venue,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    capacity: row.capacity,
    seatsLeft: row.capacity > 0 ? Math.max(0, row.capacity - row.confirmed_count) : null,
    waitlistLength: row.waitlist_length,
    requiresSignup: row.requires_signup === 1,
    status,
    statusText: EVENT_STATUS_TEXT[status]
  };
}
function toMyRegistration(reg, event, position, now) {
  const status = reg.status;
  return {
    id: reg.id,
    status,
    statusText: status === "waitlisted" && position ? `\u5019\u8865\u7B2C${position}\u4F4D` : REGISTRATION_STATUS_TEXT[status],
    waitlistPosition: position,
    checkinCode: status === "confirmed" ? reg.checkin_code : null,
    checkedInAt: reg.checked_in_at ? new Date(reg.checked_in_at) : null,
    canCancel: (status === "confirmed" || status === "waitlisted") && event.state === "published" && now.toISOString() < event.cancel_cutoff_at
  };
}
function checkinQr(code) {
  return import_qrcode2.default.toDataURL(code, { width: 360, margin: 1, errorCorrectionLevel: "M" });
}
var CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
function newCheckinCode(random) {
  return [...random(8)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
}

// cloud/events/manage-events.ts
var manage_events_default = defineFunction(manageEvents, async (input, { services, caller }) => {
  const now = services.clock.now();
  const { rows, total } = await eventsForAdmin(services.db, {
    scopeIds: communitiesWhere(caller.grants, ["communityAdmin"]),
    state: input.state,
    category: input.category,
    q: input.q,
    offset: (input.page - 1) * input.pageSize,
    limit: input.pageSize
  });
  return {
    items: rows.map((r) => ({ ...toEventSummary(r, now), state: r.state, confirmedCount: r.confirmed_count })),
    total
  };
});

// cloud/honors/manage-honor-lists.ts
var manage_honor_lists_default = defineFunction(manageHonorLists, async (_input, { services, caller }) => {
  const mine = communitiesWhere(caller.grants, ["communityAdmin"]);
  return (await listHonorListRows(services.db, { scopeIds: mine === "all" ? void 0 : mine, publishedOnly: false })).map(toListSummary);
});

// cloud/bookings/manage-resources.ts
var manage_resources_default = defineFunction(manageResources, async (input, { services, caller }) => {
  const mine = communitiesWhere(caller.grants, ["communityAdmin"]);
  if (input.communityId && mine !== "all" && !mine.includes(input.communityId)) throw new AppError("OUT_OF_SCOPE");
  const today = shanghaiDay(services.clock.now());
  const centers = await centersOf(services.db, input.communityId ? [input.communityId] : mine);
  return Promise.all(
    centers.map(async (c) => ({
      centerId: c.id,
      centerName: c.name,
      communityId: c.community_id,
      resources: await Promise.all((await resourcesOfCenter(services.db, c.id)).map(async (r) => toResource(r, await closedDatesOf(services.db, r.id, today))))
    }))
  );
});

// cloud/dashboard/dashboard.storage.ts
async function eventsInRange(db, r) {
  let q = db.selectFrom("events as e").innerJoin("regions as g", "g.id", "e.scope_id").select(["e.id", "e.title", "e.category", "e.scope_id", "g.name as scope_name", "e.starts_at", "e.ends_at", "e.state", "e.capacity", "e.confirmed_count", "e.attendance", "e.residents_served", "e.organizer"]).where("e.starts_at", ">=", r.from.toISOString()).where("e.starts_at", "<", r.to.toISOString()).where("e.state", "!=", "draft").orderBy("e.starts_at");
  if (r.communityIds !== "all") q = q.where("e.scope_id", "in", r.communityIds.length ? r.communityIds : ["-"]);
  return q.execute();
}
async function bookingsInRange(db, r) {
  let q = db.selectFrom("bookings as k").innerJoin("resources as s", "s.id", "k.resource_id").innerJoin("service_centers as c", "c.id", "s.center_id").innerJoin("users as u", "u.id", "k.user_id").select(["k.id", "k.slot_start", "k.slot_end", "k.status", "k.step", "k.purpose", "k.party_size", "s.name as resource_name", "s.kind", "c.community_id", "u.nickname"]).where("k.slot_start", ">=", r.from.toISOString()).where("k.slot_start", "<", r.to.toISOString()).orderBy("k.slot_start");
  if (r.communityIds !== "all") q = q.where("c.community_id", "in", r.communityIds.length ? r.communityIds : ["-"]);
  return q.execute();
}
async function petitionsInRange(db, r) {
  let q = db.selectFrom("petitions as p").leftJoin("users as a", "a.id", "p.agent_id").select([
    "p.id",
    "p.kind",
    "p.category",
    "p.title",
    "p.community_id",
    "p.status",
    "p.created_at",
    "p.accept_due_at",
    "p.accepted_at",
    "p.resolve_due_at",
    "p.resolved_at",
    "p.closed_at",
    "p.rating",
    "p.anonymous",
    "a.nickname as agent_name"
  ]).where("p.created_at", ">=", r.from.toISOString()).where("p.created_at", "<", r.to.toISOString()).orderBy("p.created_at");
  if (r.communityIds !== "all") q = q.where("p.community_id", "in", r.communityIds.length ? r.communityIds : ["-"]);
  return q.execute();
}
async function openPetitions(db, communityIds) {
  let q = db.selectFrom("petitions").select(["id", "community_id", "status", "accept_due_at", "resolve_due_at"]).where("status", "in", ["submitted", "accepted", "in_progress"]);
  if (communityIds !== "all") q = q.where("community_id", "in", communityIds.length ? communityIds : ["-"]);
  return q.execute();
}
async function pledgesInRange(db, r) {
  let q = db.selectFrom("article_pledges as p").innerJoin("articles as a", "a.id", "p.article_id").select(["a.scope_id", "p.created_at"]).where("p.created_at", ">=", r.from.toISOString()).where("p.created_at", "<", r.to.toISOString());
  if (r.communityIds !== "all") q = q.where("a.scope_id", "in", r.communityIds.length ? r.communityIds : ["-"]);
  return q.execute();
}
async function communitiesOf(db, ids) {
  let q = db.selectFrom("regions").select(["id", "name"]).where("level", "=", "community").orderBy("sort");
  if (ids !== "all") q = q.where("id", "in", ids.length ? ids : ["-"]);
  return q.execute();
}
async function countWhere(db, table, status, communityIds) {
  if (table === "bookings") {
    let q2 = db.selectFrom("bookings as k").innerJoin("resources as s", "s.id", "k.resource_id").innerJoin("service_centers as c", "c.id", "s.center_id").select((eb) => eb.fn.countAll().as("n")).where("k.status", "=", status);
    if (communityIds !== "all") q2 = q2.where("c.community_id", "in", communityIds.length ? communityIds : ["-"]);
    return Number((await q2.executeTakeFirstOrThrow()).n);
  }
  let q = db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).where("status", "=", status);
  if (communityIds !== "all") q = q.where("community_id", "in", communityIds.length ? communityIds : ["-"]);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
async function auditPage(db, q) {
  let query = db.selectFrom("audit_log as l").leftJoin("users as u", "u.id", "l.actor_id").selectAll("l").select("u.nickname as actor_name").orderBy("l.at", "desc").orderBy("l.id", "desc").limit(q.limit);
  if (q.action) query = query.where("l.action", "=", q.action);
  if (q.outcome) query = query.where("l.outcome", "=", q.outcome);
  if (q.from) query = query.where("l.at", ">=", q.from.toISOString());
  if (q.to) query = query.where("l.at", "<", q.to.toISOString());
  const before = q.before;
  if (before) query = query.where((eb) => eb.or([eb("l.at", "<", before.at), eb.and([eb("l.at", "=", before.at), eb("l.id", "<", before.id)])]));
  return query.execute();
}

// cloud/dashboard/list-audit.ts
var list_audit_default = defineFunction(listAudit, async (input, { services }) => {
  const before = input.cursor ? (([at, id7]) => ({ at, id: id7 }))(decodeCursor(input.cursor, ["string", "string"])) : void 0;
  const rows = await auditPage(services.db, { action: input.action, outcome: input.outcome, from: input.from, to: input.to, before, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      actorName: r.actor_name,
      action: r.action,
      targetKind: r.target_kind,
      targetId: r.target_id,
      scope: r.scope_id,
      outcome: r.outcome,
      detail: r.detail ? JSON.parse(r.detail) : null,
      at: new Date(r.at)
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.at, last.id]) : null
  };
});

// cloud/dashboard/scope.ts
function adminScope(caller, communityId) {
  const mine = communitiesWhere(caller.grants, ["communityAdmin"]);
  if (!communityId) return mine;
  if (mine !== "all" && !mine.includes(communityId)) throw new AppError("OUT_OF_SCOPE");
  return [communityId];
}
function checkRange(from, to) {
  if (to <= from) throw new AppError("INVALID_INPUT", "\u7ED3\u675F\u65E5\u671F\u8981\u665A\u4E8E\u5F00\u59CB\u65E5\u671F", [{ path: "to", message: "\u7ED3\u675F\u65E5\u671F\u8981\u665A\u4E8E\u5F00\u59CB\u65E5\u671F" }]);
  if (to.getTime() - from.getTime() > 400 * 24 * 36e5) {
    throw new AppError("INVALID_INPUT", "\u4E00\u6B21\u6700\u591A\u7EDF\u8BA1\u4E00\u5E74\u591A\u7684\u6570\u636E", [{ path: "from", message: "\u65F6\u95F4\u8303\u56F4\u592A\u957F" }]);
  }
}

// cloud/petitions/deadlines.ts
var import_chinese_days = require("chinese-days");
function workdaysAfter(from, workdays) {
  const day2 = (0, import_chinese_days.findWorkday)(workdays, shanghaiDay(from));
  const time = inShanghai(from).format("HH:mm:ss.SSS");
  return /* @__PURE__ */ new Date(`${day2}T${time}+08:00`);
}
function acceptDue(submittedAt) {
  return workdaysAfter(submittedAt, 1);
}
function resolveDue(acceptedAt, category) {
  return workdaysAfter(acceptedAt, RESOLUTION_TARGET_WORKDAYS[category]);
}
function overdueFlag(p, now) {
  const at = now.toISOString();
  if (p.status === "submitted" && at > p.accept_due_at) return "accept";
  if ((p.status === "accepted" || p.status === "in_progress") && p.resolve_due_at && at > p.resolve_due_at) return "resolve";
  return null;
}

// cloud/dashboard/stats.ts
var rate = (part, whole) => whole > 0 ? Math.round(part / whole * 1e3) / 1e3 : null;
async function computeStats(services, range) {
  const now = services.clock.now().toISOString();
  const [events, bookings, petitions, pledges, communities] = await Promise.all([
    eventsInRange(services.db, range),
    bookingsInRange(services.db, range),
    petitionsInRange(services.db, range),
    pledgesInRange(services.db, range),
    communitiesOf(services.db, range.communityIds)
  ]);
  const statsFor = (communityId, communityName) => {
    const mine = (rows, key) => communityId ? rows.filter((r) => key(r) === communityId) : rows;
    const ev = mine(events, (e) => e.scope_id);
    const held = ev.filter((e) => e.state !== "cancelled" && e.ends_at <= now);
    const bk = mine(bookings, (b) => b.community_id);
    const rooms = bk.filter((b) => b.kind === "room" && (b.status === "approved" || b.status === "checked_in"));
    const pt = mine(petitions, (p) => p.community_id);
    const resolved = pt.filter((p) => p.resolved_at || p.status === "closed");
    const rated = pt.filter((p) => p.rating !== null);
    const satisfied = rated.filter((p) => (p.rating ?? 0) >= 4);
    const acceptedOnTime = pt.filter((p) => p.accepted_at && p.accepted_at <= p.accept_due_at).length;
    const durations = resolved.filter((p) => p.resolved_at).map((p) => (Date.parse(p.resolved_at) - Date.parse(p.created_at)) / 36e5);
    const overdue = pt.filter((p) => overdueFlag(p, services.clock.now()) !== null).length;
    return {
      communityId: communityId ?? "all",
      communityName,
      events: {
        held: held.length,
        attendance: held.reduce((n, e) => n + (e.attendance ?? 0), 0),
        residentsServed: held.reduce((n, e) => n + (e.residents_served ?? 0), 0),
        cancelled: ev.filter((e) => e.state === "cancelled").length
      },
      bookings: {
        total: bk.filter((b) => b.status !== "cancelled" && b.status !== "rejected").length,
        rooms: rooms.length,
        hall: bk.filter((b) => b.kind === "hall" && b.status !== "cancelled").length,
        roomHours: Math.round(rooms.reduce((h, b) => h + (Date.parse(b.slot_end) - Date.parse(b.slot_start)) / 36e5, 0) * 10) / 10,
        noShows: bk.filter((b) => b.status === "no_show").length,
        pending: bk.filter((b) => b.status === "pending").length
      },
      petitions: {
        received: pt.length,
        acceptedOnTime,
        resolved: resolved.length,
        overdue,
        avgHoursToResolve: durations.length ? Math.round(durations.reduce((a, b) => a + b, 0) / durations.length * 10) / 10 : null,
        rated: rated.length,
        satisfied: satisfied.length,
        responseRate: rate(acceptedOnTime, pt.length),
        resolutionRate: rate(resolved.length, pt.length),
        satisfactionRate: rate(satisfied.length, rated.length)
      },
      pledges: communityId ? pledges.filter((p) => p.scope_id === communityId).length : pledges.length
    };
  };
  const days = /* @__PURE__ */ new Map();
  const day2 = (iso) => {
    const d = shanghaiDay(iso);
    if (!days.has(d)) days.set(d, { day: d, petitionsReceived: 0, petitionsResolved: 0, eventsHeld: 0, bookings: 0 });
    return days.get(d);
  };
  for (const p of petitions) {
    day2(p.created_at).petitionsReceived++;
    if (p.resolved_at) day2(p.resolved_at).petitionsResolved++;
  }
  for (const e of events) if (e.state !== "cancelled" && e.ends_at <= now) day2(e.starts_at).eventsHeld++;
  for (const b of bookings) if (b.status !== "cancelled" && b.status !== "rejected") day2(b.slot_start).bookings++;
  return {
    from: range.from,
    to: range.to,
    total: statsFor(null, range.communityIds === "all" ? "\u5168\u533A" : communities.map((c) => c.name).join("\u3001")),
    communities: communities.map((c) => statsFor(c.id, c.name)),
    daily: [...days.values()].sort((a, b) => a.day.localeCompare(b.day))
  };
}

// cloud/dashboard/dashboard-stats.ts
var dashboard_stats_default = defineFunction(dashboardStats, async (input, { services, caller }) => {
  checkRange(input.from, input.to);
  return computeStats(services, { from: input.from, to: input.to, communityIds: adminScope(caller, input.communityId) });
});

// cloud/dashboard/export-report.ts
var import_exceljs = __toESM(require("exceljs"));

// cloud/audit/audit.storage.ts
async function writeAudit(db, entry) {
  await db.insertInto("audit_log").values({
    id: newId(),
    actor_id: entry.actor_id,
    action: entry.action,
    target_kind: entry.target_kind,
    target_id: entry.target_id,
    scope_id: entry.scope_id,
    outcome: entry.outcome,
    detail: entry.detail === void 0 ? null : JSON.stringify(entry.detail),
    at: entry.at.toISOString()
  }).execute();
}

// cloud/files/exports.ts
var import_node_crypto5 = __toESM(require("node:crypto"));
var EXPORT_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
var EXPORT_LINK_MS = 10 * MINUTE;
var EXPORT_KEEP_MS = DAY;
async function storeExport(services, ownerId, fileName, bytes) {
  const id7 = newId();
  const now = services.clock.now();
  const key = `exports/${now.toISOString().slice(0, 7)}/${id7}.xlsx`;
  await services.objects.put(key, bytes, EXPORT_MIME);
  await insertFile(services.db, {
    id: id7,
    owner_id: ownerId,
    mime: EXPORT_MIME,
    size: bytes.length,
    sha256: import_node_crypto5.default.createHash("sha256").update(bytes).digest("hex"),
    path: key,
    attached_kind: "export",
    attached_id: id7,
    created_at: now.toISOString(),
    download_name: fileName
  });
  return { id: id7, url: signedFileUrl(services, id7, EXPORT_LINK_MS) };
}
async function removeOldExports(services) {
  const old = await filesAttachedBefore(services.db, "export", new Date(services.clock.now().getTime() - EXPORT_KEEP_MS));
  for (const file of old) await services.objects.delete(file.path);
  await deleteFileRows(services.db, old.map((f) => f.id));
  return old.length;
}

// cloud/dashboard/export-report.ts
var when = (iso) => iso ? formatFullDateTime(iso) : "";
async function sheetFor(services, report, range) {
  if (report === "petitions") {
    const rows = await petitionsInRange(services.db, range);
    return {
      columns: [
        { header: "\u63D0\u4EA4\u65F6\u95F4", key: "created", width: 20 },
        { header: "\u7C7B\u578B", key: "kind", width: 10 },
        { header: "\u7C7B\u522B", key: "category", width: 14 },
        { header: "\u6807\u9898", key: "title", width: 30 },
        { header: "\u72B6\u6001", key: "status", width: 10 },
        { header: "\u627F\u529E\u4EBA", key: "agent", width: 10 },
        { header: "\u53D7\u7406\u65F6\u95F4", key: "accepted", width: 20 },
        { header: "\u6309\u65F6\u53D7\u7406", key: "onTime", width: 10 },
        { header: "\u529E\u7ED3\u65F6\u95F4", key: "resolved", width: 20 },
        { header: "\u8BC4\u4EF7", key: "rating", width: 8 }
      ],
      rows: rows.map((p) => ({
        created: when(p.created_at),
        kind: PETITION_KIND_TEXT[p.kind],
        category: p.category,
        title: p.title,
        status: PETITION_FLOW[p.status].text,
        agent: p.agent_name ?? "",
        accepted: when(p.accepted_at),
        onTime: p.accepted_at ? p.accepted_at <= p.accept_due_at ? "\u662F" : "\u5426" : "",
        resolved: when(p.resolved_at),
        rating: p.rating
      }))
    };
  }
  if (report === "events") {
    const rows = await eventsInRange(services.db, range);
    return {
      columns: [
        { header: "\u5F00\u59CB\u65F6\u95F4", key: "start", width: 20 },
        { header: "\u6D3B\u52A8", key: "title", width: 28 },
        { header: "\u7C7B\u522B", key: "category", width: 10 },
        { header: "\u8303\u56F4", key: "scope", width: 12 },
        { header: "\u4E3B\u529E", key: "organizer", width: 16 },
        { header: "\u540D\u989D", key: "capacity", width: 8 },
        { header: "\u62A5\u540D", key: "confirmed", width: 8 },
        { header: "\u5230\u573A", key: "attendance", width: 8 },
        { header: "\u670D\u52A1\u5C45\u6C11", key: "served", width: 10 },
        { header: "\u72B6\u6001", key: "state", width: 8 }
      ],
      rows: rows.map((e) => ({
        start: when(e.starts_at),
        title: e.title,
        category: e.category,
        scope: e.scope_name,
        organizer: e.organizer,
        capacity: e.capacity || "\u4E0D\u9650",
        confirmed: e.confirmed_count,
        attendance: e.attendance,
        served: e.residents_served,
        state: { draft: "\u8349\u7A3F", published: "\u5DF2\u53D1\u5E03", cancelled: "\u5DF2\u53D6\u6D88", closed: "\u5DF2\u7ED3\u675F" }[e.state] ?? e.state
      }))
    };
  }
  if (report === "bookings") {
    const rows = await bookingsInRange(services.db, range);
    return {
      columns: [
        { header: "\u65F6\u6BB5", key: "start", width: 20 },
        { header: "\u529F\u80FD\u5BA4/\u4E8B\u9879", key: "resource", width: 16 },
        { header: "\u9884\u7EA6\u4EBA", key: "who", width: 10 },
        { header: "\u4EBA\u6570", key: "party", width: 6 },
        { header: "\u7528\u9014", key: "purpose", width: 24 },
        { header: "\u72B6\u6001", key: "status", width: 10 },
        { header: "\u529E\u7406\u8FDB\u5EA6", key: "step", width: 10 }
      ],
      rows: rows.map((b) => ({
        start: when(b.slot_start),
        resource: b.resource_name,
        who: b.nickname,
        party: b.party_size,
        purpose: b.purpose,
        status: BOOKING_FLOW[b.status].text,
        step: b.step ? HALL_STEPS[b.step].text : ""
      }))
    };
  }
  const stats = await computeStats(services, range);
  const pct = (v) => v === null ? "" : `${Math.round(v * 1e3) / 10}%`;
  return {
    columns: [
      { header: "\u793E\u533A", key: "name", width: 14 },
      { header: "\u6D3B\u52A8\u573A\u6B21", key: "held", width: 10 },
      { header: "\u670D\u52A1\u5C45\u6C11", key: "served", width: 10 },
      { header: "\u9884\u7EA6", key: "bookings", width: 8 },
      { header: "\u529F\u80FD\u5BA4\u65F6\u957F", key: "hours", width: 10 },
      { header: "\u8BC9\u6C42", key: "received", width: 8 },
      { header: "\u54CD\u5E94\u7387", key: "response", width: 10 },
      { header: "\u89E3\u51B3\u7387", key: "resolution", width: 10 },
      { header: "\u6EE1\u610F\u7387", key: "satisfaction", width: 10 },
      { header: "\u8D85\u671F", key: "overdue", width: 8 },
      { header: "\u5021\u8BAE\u627F\u8BFA", key: "pledges", width: 10 }
    ],
    rows: [...stats.communities, stats.total].map((c) => ({
      name: c.communityName,
      held: c.events.held,
      served: c.events.residentsServed,
      bookings: c.bookings.total,
      hours: c.bookings.roomHours,
      received: c.petitions.received,
      response: pct(c.petitions.responseRate),
      resolution: pct(c.petitions.resolutionRate),
      satisfaction: pct(c.petitions.satisfactionRate),
      overdue: c.petitions.overdue,
      pledges: c.pledges
    }))
  };
}
var export_report_default = defineFunction(exportReport, async (input, { services, caller }) => {
  checkRange(input.from, input.to);
  const range = { from: input.from, to: input.to, communityIds: adminScope(caller, input.communityId) };
  const sheet = await sheetFor(services, input.report, range);
  const book = new import_exceljs.default.Workbook();
  book.creator = "\u90BB\u91CC\u901A";
  book.created = services.clock.now();
  const ws = book.addWorksheet(REPORT_TITLES[input.report]);
  ws.columns = sheet.columns;
  ws.getRow(1).font = { bold: true };
  ws.addRows(sheet.rows);
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const fileName = `${REPORT_TITLES[input.report]}_${shanghaiDay(input.from)}_${shanghaiDay(new Date(input.to.getTime() - 1))}.xlsx`;
  if (buffer.length > 20 * 1024 * 1024) throw new AppError("PAYLOAD_TOO_LARGE", "\u62A5\u8868\u592A\u5927\u4E86\uFF0C\u8BF7\u7F29\u77ED\u65F6\u95F4\u8303\u56F4");
  const file = await storeExport(services, caller.id, fileName, buffer);
  await writeAudit(services.db, {
    actor_id: caller.id,
    action: "reports.export",
    target_kind: "report",
    target_id: input.report,
    scope_id: range.communityIds === "all" ? "district" : range.communityIds.join(","),
    outcome: "ok",
    detail: { fileName, rows: sheet.rows.length, from: input.from.toISOString(), to: input.to.toISOString() },
    at: services.clock.now()
  });
  return { fileName, mime: EXPORT_MIME, url: file.url, rows: sheet.rows.length };
});

// cloud/dashboard/queue-counts.ts
var queue_counts_default = defineFunction(queueCounts, async (_input, { services, caller }) => {
  const scope = communitiesWhere(caller.grants, ["communityAdmin"]);
  const now = services.clock.now();
  const open = await openPetitions(services.db, scope);
  const [bookingsPending, nominationsPending, thanksPending, thanksHidden] = await Promise.all([
    countWhere(services.db, "bookings", "pending", scope),
    countWhere(services.db, "nominations", "pending", scope),
    countWhere(services.db, "thanks_posts", "pending", scope),
    countWhere(services.db, "thanks_posts", "hidden", scope)
  ]);
  return {
    petitionsOpen: open.length,
    petitionsOverdue: open.filter((p) => overdueFlag(p, now) !== null).length,
    bookingsPending,
    nominationsPending,
    thanksPending,
    thanksHidden
  };
});

// cloud/events/list-events.ts
function eventCursor(cursor) {
  const [startsAt, id7] = decodeCursor(cursor, ["string", "string"]);
  return { startsAt, id: id7 };
}
var list_events_default = defineFunction(listEvents, async (input, { services }) => {
  const scopeIds = await readerScope(services.db, input.communityId);
  const now = services.clock.now();
  const rows = await listEventRows(services.db, {
    when: input.when,
    now,
    scopeIds,
    category: input.category,
    after: input.cursor ? eventCursor(input.cursor) : void 0,
    limit: input.limit + 1
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toEventSummary(r, now)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.starts_at, last.id]) : null
  };
});

// cloud/events/events.permissions.ts
function mayManageEvent(grants, scope) {
  return administers(grants, scope);
}
function mayWorkEvent(grants, scope) {
  const staffRoles = ["gridWorker", "agent", "communityAdmin"];
  if (scope.level === "district") return grants.some((g) => g.role === "districtAdmin" || staffRoles.some((r) => r === g.role));
  return holdsRoleIn(grants, staffRoles, scope.id);
}

// cloud/events/load-event.ts
async function visibleEvent(services, id7, caller) {
  const row = await getEventRow(services.db, id7);
  if (!row) throw new AppError("NOT_FOUND");
  if (row.state === "draft" && !(caller && mayManageEvent(caller.grants, { id: row.scope_id, level: row.scope_level }))) {
    throw new AppError("NOT_FOUND");
  }
  return row;
}
async function managedEvent(services, id7, caller) {
  const row = await getEventRow(services.db, id7);
  if (!row || !mayManageEvent(caller.grants, { id: row.scope_id, level: row.scope_level })) throw new AppError("NOT_FOUND");
  return row;
}
async function eventDetail(services, row, caller) {
  const now = services.clock.now();
  const reg = caller ? await getRegistration(services.db, row.id, caller.id) : void 0;
  const { templateIds } = services.config;
  return {
    ...toEventSummary(row, now),
    description: row.description,
    organizer: row.organizer,
    partners: JSON.parse(row.partners),
    signupOpensAt: new Date(row.signup_opens_at),
    signupClosesAt: new Date(row.signup_closes_at),
    cancelCutoffAt: new Date(row.cancel_cutoff_at),
    state: row.state,
    attendance: row.attendance,
    residentsServed: row.residents_served,
    cancelReason: row.cancel_reason,
    mine: reg ? toMyRegistration(reg, row, await waitlistPosition(services.db, reg), now) : null,
    reminderTemplateIds: [templateIds.eventStatus, templateIds.eventReminder],
    canManage: caller ? mayManageEvent(caller.grants, { id: row.scope_id, level: row.scope_level }) : false
  };
}

// cloud/events/get-event.ts
var get_event_default = defineFunction(getEvent, async (input, { services, caller }) => {
  const row = await visibleEvent(services, input.id, caller);
  if (input.sharer && row.state !== "draft") {
    await recordVisitFromShare(services, { targetKind: "event", targetId: row.id, sharerId: input.sharer, visitorId: caller?.id ?? null });
  }
  return eventDetail(services, row, caller);
});

// cloud/events/register-for-event.ts
var import_node_crypto6 = __toESM(require("node:crypto"));

// cloud/events/event-messages.ts
var EVENT_PAGE = "packages/events/detail/index";
function fields(event, note) {
  return {
    thing1: thing(event.title),
    time2: formatFullDateTime(event.starts_at),
    thing3: thing(event.venue),
    thing4: thing(note)
  };
}
function seatMessages(config, event, reg, kind, now) {
  const page = `${EVENT_PAGE}?id=${event.id}`;
  const base = `event:${event.id}:reg:${reg.id}`;
  const messages = [
    {
      dedupeKey: `${base}:${kind}:${reg.updated_at}`,
      userId: reg.user_id,
      template: templateId(config, "eventStatus"),
      page,
      data: fields(event, kind === "confirmed" ? "\u62A5\u540D\u6210\u529F\uFF0C\u8BF7\u51C6\u65F6\u53C2\u52A0" : "\u5019\u8865\u6210\u529F\uFF0C\u5DF2\u4E3A\u60A8\u4FDD\u7559\u540D\u989D"),
      notBefore: now
    }
  ];
  return [...messages, ...reminderMessages(config, event, reg, now)];
}
function reminderMessages(config, event, reg, now) {
  const start = new Date(event.starts_at).getTime();
  const page = `${EVENT_PAGE}?id=${event.id}`;
  return [
    ["day", start - DAY, "\u660E\u5929\u5C31\u8981\u5F00\u59CB\u4E86"],
    ["hour", start - HOUR, "1\u5C0F\u65F6\u540E\u5F00\u59CB\uFF0C\u8BF7\u5E26\u597D\u7B7E\u5230\u7801"]
  ].filter(([, at]) => at > now.getTime()).map(([which, at, note]) => ({
    dedupeKey: `event:${event.id}:reg:${reg.id}:remind-${which}:${event.starts_at}:${reg.updated_at}`,
    userId: reg.user_id,
    template: templateId(config, "eventReminder"),
    page,
    data: fields(event, note),
    notBefore: new Date(at)
  }));
}
function cancellationMessages(config, event, regs, reason, now) {
  return regs.map((reg) => ({
    dedupeKey: `event:${event.id}:cancelled:${reg.id}`,
    userId: reg.user_id,
    template: templateId(config, "eventStatus"),
    page: `${EVENT_PAGE}?id=${event.id}`,
    data: fields(event, `\u6D3B\u52A8\u5DF2\u53D6\u6D88\uFF1A${reason}`),
    notBefore: now
  }));
}

// cloud/events/register-for-event.ts
var register_for_event_default = defineFunction(registerForEvent, async (input, { services, caller }) => {
  const row = await visibleEvent(services, input.eventId, caller);
  const now = services.clock.now();
  const status = eventStatus(timingOf(row), now);
  if (status === "cancelled") throw new AppError("EVENT_CANCELLED");
  if (status === "noSignup") throw new AppError("EVENT_NO_SIGNUP");
  if (status === "upcoming") throw new AppError("EVENT_SIGNUP_NOT_OPEN");
  if (status === "signupClosed" || status === "ongoing" || status === "ended") throw new AppError("EVENT_SIGNUP_CLOSED");
  const sharer = input.sharer && input.sharer !== caller.id && await getUser(services.db, input.sharer) ? input.sharer : null;
  const { registration } = await registerResident(services.db, {
    eventId: row.id,
    userId: caller.id,
    sharedBy: sharer,
    code: newCheckinCode(import_node_crypto6.default.randomBytes),
    now,
    notify: (kind, reg) => seatMessages(services.config, row, reg, kind, now)
  });
  if (registration.status === "removed") throw new AppError("EVENT_REGISTRATION_REMOVED");
  return toMyRegistration(registration, row, await waitlistPosition(services.db, registration), now);
});

// cloud/events/cancel-registration.ts
var cancel_registration_default = defineFunction(cancelRegistration, async (input, { services, caller }) => {
  const row = await visibleEvent(services, input.eventId, caller);
  const reg = await getRegistration(services.db, row.id, caller.id);
  if (!reg) throw new AppError("NOT_FOUND", "\u60A8\u6CA1\u6709\u62A5\u540D\u8FD9\u4E2A\u6D3B\u52A8");
  const now = services.clock.now();
  const active = reg.status === "confirmed" || reg.status === "waitlisted";
  if (active && now.toISOString() >= row.cancel_cutoff_at) throw new AppError("EVENT_CANCEL_CUTOFF_PASSED");
  const { registration } = await endRegistration(services.db, {
    registrationId: reg.id,
    status: "cancelled",
    now,
    notify: (kind, promoted) => seatMessages(services.config, row, promoted, kind, now)
  });
  return toMyRegistration(registration, row, null, now);
});

// cloud/events/my-events.ts
var my_events_default = defineFunction(myEvents, async (input, { services, caller }) => {
  const now = services.clock.now();
  const regs = await registrationsOfUser(services.db, caller.id);
  const rows = [];
  for (const reg of regs) {
    const event = await getEventRow(services.db, reg.event_id);
    if (!event) continue;
    const past = event.state === "closed" || event.ends_at <= now.toISOString();
    if (past !== (input.when === "past")) continue;
    const registration = toMyRegistration(reg, event, await waitlistPosition(services.db, reg), now);
    rows.push({
      event: toEventSummary(event, now),
      registration,
      checkinQr: registration.checkinCode && !past ? await checkinQr(registration.checkinCode) : null
    });
  }
  const order = input.when === "past" ? -1 : 1;
  return rows.sort((a, b) => order * (a.event.startsAt.getTime() - b.event.startsAt.getTime()));
});

// cloud/events/check-in.ts
var CHECKIN_OPENS_BEFORE_START = HOUR;
var check_in_default = defineFunction(checkIn, async (input, { services, caller }) => {
  const reg = await getRegistrationByCode(services.db, input.code);
  const event = reg && await getEventRow(services.db, reg.event_id);
  if (!reg || !event || !mayWorkEvent(caller.grants, { id: event.scope_id, level: event.scope_level })) {
    throw new AppError("CHECKIN_UNKNOWN_CODE");
  }
  const now = services.clock.now();
  if (reg.status !== "confirmed") throw new AppError("CHECKIN_NOT_CONFIRMED");
  if (reg.checked_in_at) throw new AppError("CHECKIN_ALREADY", `\u5DF2\u4E8E${formatDateTime(reg.checked_in_at)}\u7B7E\u5230\uFF0C\u65E0\u9700\u91CD\u590D\u7B7E\u5230`);
  if (now.getTime() < new Date(event.starts_at).getTime() - CHECKIN_OPENS_BEFORE_START) throw new AppError("CHECKIN_NOT_OPEN");
  if (now.toISOString() >= event.ends_at || event.state !== "published") throw new AppError("CHECKIN_CLOSED");
  if (!await markCheckedIn(services.db, reg.id, caller.id, now)) {
    const winner = await getRegistrationById(services.db, reg.id);
    throw new AppError("CHECKIN_ALREADY", `\u5DF2\u4E8E${formatDateTime(winner?.checked_in_at ?? now)}\u7B7E\u5230\uFF0C\u65E0\u9700\u91CD\u590D\u7B7E\u5230`);
  }
  const resident = await getUser(services.db, reg.user_id);
  return { eventTitle: event.title, nickname: resident?.nickname ?? "\u5C45\u6C11", checkedInAt: now };
});

// cloud/events/list-registrants.ts
var list_registrants_default = defineFunction(listRegistrants, async (input, { services, caller }) => {
  const event = await getEventRow(services.db, input.eventId);
  if (!event || !mayWorkEvent(caller.grants, { id: event.scope_id, level: event.scope_level })) throw new AppError("NOT_FOUND");
  const rows = await registrantsOf(services.db, event.id);
  let position = 0;
  return {
    event: toEventSummary(event, services.clock.now()),
    registrants: rows.map((r) => ({
      registrationId: r.id,
      nickname: r.nickname,
      status: r.status,
      waitlistPosition: r.status === "waitlisted" ? ++position : null,
      checkinCode: r.status === "confirmed" ? r.checkin_code : null,
      checkedInAt: r.checked_in_at ? new Date(r.checked_in_at) : null,
      registeredAt: new Date(r.created_at),
      sharedByName: r.shared_by_name
    }))
  };
});

// cloud/events/event-fields.ts
function scheduleOf(input, now) {
  const signupOpensAt = input.signupOpensAt ?? now;
  const signupClosesAt = input.signupClosesAt ?? input.startsAt;
  const problems = [];
  if (input.endsAt <= input.startsAt) problems.push({ path: "endsAt", message: "\u7ED3\u675F\u65F6\u95F4\u8981\u665A\u4E8E\u5F00\u59CB\u65F6\u95F4" });
  if (signupClosesAt > input.startsAt) problems.push({ path: "signupClosesAt", message: "\u62A5\u540D\u622A\u6B62\u4E0D\u80FD\u665A\u4E8E\u6D3B\u52A8\u5F00\u59CB" });
  if (signupOpensAt >= signupClosesAt) problems.push({ path: "signupOpensAt", message: "\u62A5\u540D\u5F00\u59CB\u8981\u65E9\u4E8E\u62A5\u540D\u622A\u6B62" });
  if (problems.length) throw new AppError("EVENT_TIME_INVALID", problems[0].message, problems);
  return {
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    signupOpensAt,
    signupClosesAt,
    cancelCutoffAt: new Date(input.startsAt.getTime() - input.cancelCutoffMinutes * MINUTE)
  };
}

// cloud/events/create-event.ts
var create_event_default = defineFunction(createEvent, async (input, { services, caller }) => {
  const scope = await getRegion(services.db, input.scopeId);
  if (!scope || scope.level !== "community" && scope.level !== "district") {
    throw new AppError("COMMUNITY_NOT_FOUND", "\u6D3B\u52A8\u8303\u56F4\u9700\u4E3A\u4E00\u4E2A\u793E\u533A/\u6751\u6216\u5168\u533A");
  }
  if (!mayManageEvent(caller.grants, scope)) throw new AppError("OUT_OF_SCOPE");
  const now = services.clock.now();
  const schedule = scheduleOf(input, now);
  const id7 = newId();
  const at = now.toISOString();
  await insertEvent(services.db, {
    id: id7,
    scope_id: scope.id,
    category: input.category,
    title: input.title,
    description: input.description,
    organizer: input.organizer,
    partners: JSON.stringify(input.partners),
    venue: input.venue,
    starts_at: schedule.startsAt.toISOString(),
    ends_at: schedule.endsAt.toISOString(),
    signup_opens_at: schedule.signupOpensAt.toISOString(),
    signup_closes_at: schedule.signupClosesAt.toISOString(),
    cancel_cutoff_at: schedule.cancelCutoffAt.toISOString(),
    requires_signup: input.requiresSignup ? 1 : 0,
    capacity: input.capacity,
    confirmed_count: 0,
    waitlist_seq: 0,
    state: "draft",
    cancel_reason: null,
    attendance: null,
    residents_served: null,
    created_by: caller.id,
    created_at: at,
    updated_at: at
  });
  return eventDetail(services, await getEventRow(services.db, id7), caller);
});

// cloud/events/update-event.ts
var update_event_default = defineFunction(updateEvent, async (input, { services, caller }) => {
  const row = await managedEvent(services, input.id, caller);
  if (row.state === "cancelled" || row.state === "closed") throw new AppError("EVENT_NOT_EDITABLE");
  if (input.scopeId !== void 0 && input.scopeId !== row.scope_id) {
    const scope = await getRegion(services.db, input.scopeId);
    if (!scope || !mayManageEvent(caller.grants, scope)) throw new AppError("OUT_OF_SCOPE");
  }
  const now = services.clock.now();
  const startsAt = input.startsAt ?? new Date(row.starts_at);
  const schedule = scheduleOf(
    {
      startsAt,
      endsAt: input.endsAt ?? new Date(row.ends_at),
      signupOpensAt: input.signupOpensAt ?? new Date(row.signup_opens_at),
      signupClosesAt: input.signupClosesAt ?? (input.startsAt ? void 0 : new Date(row.signup_closes_at)),
      cancelCutoffMinutes: input.cancelCutoffMinutes ?? Math.round((Date.parse(row.starts_at) - Date.parse(row.cancel_cutoff_at)) / MINUTE)
    },
    now
  );
  if (input.capacity !== void 0 && input.capacity !== row.capacity) {
    if (!await setCapacity(services.db, row.id, input.capacity, now)) throw new AppError("EVENT_CAPACITY_TOO_SMALL");
  }
  await updateEventRow(services.db, row.id, {
    ...input.title !== void 0 && { title: input.title },
    ...input.category !== void 0 && { category: input.category },
    ...input.scopeId !== void 0 && { scope_id: input.scopeId },
    ...input.description !== void 0 && { description: input.description },
    ...input.organizer !== void 0 && { organizer: input.organizer },
    ...input.partners !== void 0 && { partners: JSON.stringify(input.partners) },
    ...input.venue !== void 0 && { venue: input.venue },
    ...input.requiresSignup !== void 0 && { requires_signup: input.requiresSignup ? 1 : 0 },
    starts_at: schedule.startsAt.toISOString(),
    ends_at: schedule.endsAt.toISOString(),
    signup_opens_at: schedule.signupOpensAt.toISOString(),
    signup_closes_at: schedule.signupClosesAt.toISOString(),
    cancel_cutoff_at: schedule.cancelCutoffAt.toISOString(),
    updated_at: now.toISOString()
  });
  const updated = await getEventRow(services.db, row.id);
  await fillFreedSeats(services.db, row.id, now, (kind, reg) => seatMessages(services.config, updated, reg, kind, now));
  if (updated.starts_at !== row.starts_at || updated.venue !== row.venue || updated.title !== row.title) {
    const confirmed = (await activeRegistrations(services.db, row.id)).filter((r) => r.status === "confirmed");
    await requeueReminders(services.db, row.id, confirmed.flatMap((r) => reminderMessages(services.config, updated, r, now)), now);
  }
  return eventDetail(services, await getEventRow(services.db, row.id), caller);
});

// cloud/events/publish-event.ts
var publish_event_default = defineFunction(publishEvent, async (input, { services, caller }) => {
  const row = await managedEvent(services, input.id, caller);
  if (row.state !== "draft" && row.state !== "published") throw new AppError("EVENT_NOT_EDITABLE");
  await updateEventRow(services.db, row.id, { state: "published", updated_at: services.clock.now().toISOString() });
  return eventDetail(services, await getEventRow(services.db, row.id), caller);
});

// cloud/events/cancel-event.ts
var cancel_event_default = defineFunction(cancelEvent, async (input, { services, caller }) => {
  const row = await managedEvent(services, input.id, caller);
  if (row.state === "closed") throw new AppError("EVENT_NOT_EDITABLE");
  if (row.state !== "cancelled") {
    const now = services.clock.now();
    await cancelEventWithNotices(services.db, {
      eventId: row.id,
      reason: input.reason,
      now,
      notices: (regs) => cancellationMessages(services.config, row, regs, input.reason, now)
    });
  }
  return eventDetail(services, await getEventRow(services.db, row.id), caller);
});

// cloud/events/close-event.ts
var close_event_default = defineFunction(closeEvent, async (input, { services, caller }) => {
  const row = await managedEvent(services, input.id, caller);
  const now = services.clock.now();
  if (row.state === "cancelled" || row.state === "draft") throw new AppError("EVENT_NOT_EDITABLE");
  if (now.toISOString() < row.ends_at) throw new AppError("EVENT_NOT_ENDED");
  await updateEventRow(services.db, row.id, {
    state: "closed",
    // Attendance defaults to the residents checked in; walk-ins can be added by hand.
    attendance: input.attendance ?? await countCheckedIn(services.db, row.id),
    residents_served: input.residentsServed,
    updated_at: now.toISOString()
  });
  return eventDetail(services, await getEventRow(services.db, row.id), caller);
});

// cloud/events/remove-registration.ts
var remove_registration_default = defineFunction(removeRegistration, async (input, { services, caller }) => {
  const reg = await getRegistrationById(services.db, input.registrationId);
  if (!reg) throw new AppError("NOT_FOUND");
  const row = await managedEvent(services, reg.event_id, caller);
  const now = services.clock.now();
  const { changed } = await endRegistration(services.db, {
    registrationId: reg.id,
    status: "removed",
    now,
    notify: (kind, promoted) => seatMessages(services.config, row, promoted, kind, now)
  });
  return { removed: changed };
});

// cloud/petitions/id-number.ts
var WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
var CHECK = "10X98765432";
function isValidIdNumber(value) {
  const id7 = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id7)) return false;
  const birth = id7.slice(6, 14);
  const date = /* @__PURE__ */ new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replace(/-/g, "") !== birth) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id7[i]), 0);
  return CHECK[sum % 11] === id7[17];
}
function maskIdNumber(id7) {
  return `${id7.slice(0, 4)}${"*".repeat(Math.max(0, id7.length - 8))}${id7.slice(-4)}`;
}

// cloud/petitions/petition-messages.ts
var PETITION_PAGE = "packages/petitions/detail/index";
function petitionMessage(config, p, to, what, note, now) {
  if (!to) return [];
  return [
    {
      dedupeKey: `petition:${p.id}:${what}:${to}:${now.toISOString()}`,
      userId: to,
      template: templateId(config, "progress"),
      page: `${PETITION_PAGE}?id=${p.id}`,
      data: { thing1: thing(p.title), time2: formatFullDateTime(now), thing3: thing(p.community_name), thing4: thing(note) },
      notBefore: now
    }
  ];
}

// cloud/petitions/file-petition.ts
async function filePetition(services, p, by) {
  const community = await getRegion(services.db, p.communityId);
  if (community?.level !== "community") throw new AppError("COMMUNITY_NOT_FOUND");
  if (p.kind === "petition" && !p.idNumber) throw new AppError("PETITION_ID_REQUIRED", void 0, [{ path: "idNumber", message: "\u8BF7\u586B\u5199\u8EAB\u4EFD\u8BC1\u53F7" }]);
  if (p.idNumber && !isValidIdNumber(p.idNumber)) throw new AppError("PETITION_ID_INVALID", void 0, [{ path: "idNumber", message: "\u8EAB\u4EFD\u8BC1\u53F7\u4E0D\u6B63\u786E" }]);
  const now = services.clock.now();
  const agentId = await onDutyAgent(services.db, community.id, String(isoWeekday(shanghaiDay(now))));
  const id7 = newId();
  const at = now.toISOString();
  const facts = { id: id7, title: p.title, community_name: community.name };
  try {
    await insertPetition(services.db, {
      row: {
        id: id7,
        kind: p.kind,
        category: p.category,
        title: p.title,
        description: p.description,
        community_id: community.id,
        submitter_id: by.submitterId,
        on_behalf_name: by.onBehalfName,
        filed_by: by.filedBy,
        phone_enc: services.cipher.encrypt(p.contactPhone),
        phone_index: services.cipher.blindIndex(p.contactPhone),
        id_number_enc: p.idNumber ? services.cipher.encrypt(p.idNumber.toUpperCase()) : null,
        anonymous: p.anonymous ? 1 : 0,
        location: p.location ? JSON.stringify(p.location) : null,
        status: "submitted",
        agent_id: agentId,
        accept_due_at: acceptDue(now).toISOString(),
        accepted_at: null,
        resolve_due_at: null,
        resolved_at: null,
        resolution: null,
        reopened: 0,
        rating: null,
        rating_comment: null,
        closed_at: null,
        transferred_to: null,
        created_at: at,
        updated_at: at
      },
      events: [
        { action: by.filedBy ? "fileOnBehalf" : "submit", from_status: null, to_status: "submitted", note: null, by_user_id: by.filedBy ?? by.submitterId, at },
        ...agentId ? [{ action: "assign", from_status: "submitted", to_status: "submitted", note: "\u5F53\u5929\u503C\u73ED\u4EE3\u529E\u5458", by_user_id: null, at }] : []
      ],
      attach: (tx) => attachFiles(tx, p.photoIds, by.photoOwner, "petition", id7),
      messages: petitionMessage(services.config, facts, agentId, "new", "\u6709\u65B0\u7684\u4E8B\u9879\u5F85\u53D7\u7406", now),
      now
    });
  } catch (error) {
    if (error instanceof FilesUnusable) throw new AppError("FILE_UNUSABLE");
    throw error;
  }
  return id7;
}

// cloud/petitions/petitions.permissions.ts
function relationsTo(viewer, p) {
  const relations = /* @__PURE__ */ new Set();
  if (p.submitter_id === viewer.id) relations.add("submitter");
  if (p.agent_id === viewer.id) relations.add("agent");
  if (holdsRoleIn(viewer.grants, ["communityAdmin"], p.community_id)) relations.add("admin");
  return relations;
}
var ALLOWED = {
  submitter: ["confirm", "reopen"],
  agent: ["accept", "note", "resolve", "transfer", "decline"],
  admin: ["assign", "transfer", "decline"]
};
function actionsFor(relations, status) {
  const actions = new Set([...relations].flatMap((r) => ALLOWED[r]));
  return [...actions].filter((a) => petitionNext(status, a) !== null);
}
function mayAct(relations, action, status) {
  return actionsFor(relations, status).includes(action);
}

// cloud/petitions/petition-view.ts
function reopenStillOpen(row, now) {
  return row.reopened !== 1 && (!row.resolved_at || now.getTime() - Date.parse(row.resolved_at) <= REOPEN_DAYS * DAY);
}
var ACTION_TEXT = {
  submit: "\u63D0\u4EA4",
  fileOnBehalf: "\u5DE5\u4F5C\u4EBA\u5458\u4EE3\u4E3A\u767B\u8BB0",
  assign: "\u5206\u6D3E\u4EE3\u529E\u5458",
  accept: "\u53D7\u7406",
  note: "\u529E\u7406\u8FDB\u5C55",
  resolve: "\u529E\u7ED3",
  confirm: "\u5C45\u6C11\u786E\u8BA4\u5DF2\u89E3\u51B3",
  reopen: "\u5C45\u6C11\u91CD\u65B0\u6253\u5F00",
  autoClose: "7\u5929\u672A\u53CD\u9988\uFF0C\u81EA\u52A8\u7ED3\u6848",
  transfer: "\u8F6C\u529E",
  decline: "\u4E0D\u4E88\u53D7\u7406"
};
function toPetitionSummary(services, row, relations) {
  const status = row.status;
  const handling = relations.has("agent") || relations.has("admin");
  return {
    id: row.id,
    kind: row.kind,
    kindText: PETITION_KIND_TEXT[row.kind],
    category: row.category,
    title: row.title,
    status,
    statusText: PETITION_FLOW[status].text,
    communityId: row.community_id,
    communityName: row.community_name,
    submittedAt: new Date(row.created_at),
    agent: row.agent_id ? { id: row.agent_id, name: row.agent_name ?? "\u4EE3\u529E\u5458", phone: row.agent_phone_enc ? services.cipher.decrypt(row.agent_phone_enc) : null } : null,
    acceptDueAt: new Date(row.accept_due_at),
    resolveDueAt: row.resolve_due_at ? new Date(row.resolve_due_at) : null,
    overdue: overdueFlag(row, services.clock.now()),
    submitterName: row.anonymous === 1 && !handling && !relations.has("submitter") ? "\u533F\u540D" : row.submitter_name ?? row.on_behalf_name ?? "\u5C45\u6C11"
  };
}
async function toPetitionDetail(services, row, relations) {
  const full = relations.has("agent");
  const phone2 = services.cipher.decrypt(row.phone_enc);
  const idNumber = row.id_number_enc ? services.cipher.decrypt(row.id_number_enc) : null;
  const [events, files] = await Promise.all([eventsOf(services.db, row.id), filesOf(services.db, "petition", row.id)]);
  const status = row.status;
  return {
    revealed: full,
    detail: {
      ...toPetitionSummary(services, row, relations),
      description: row.description,
      location: row.location ? JSON.parse(row.location) : null,
      contactPhone: full ? phone2 : maskPhone(phone2),
      idNumber: idNumber ? full ? idNumber : maskIdNumber(idNumber) : null,
      anonymous: row.anonymous === 1,
      filedOnBehalf: row.filed_by !== null,
      photos: files.map((f) => ({ id: f.id, url: signedFileUrl(services, f.id) })),
      timeline: events.map((e) => ({ action: e.action, text: ACTION_TEXT[e.action] ?? e.action, note: e.note, byName: e.by_name, at: new Date(e.at) })),
      resolution: row.resolution,
      rating: row.rating ? { stars: row.rating, comment: row.rating_comment ?? "" } : null,
      reopenedOnce: row.reopened === 1,
      // The table allows a reopen from resolved; the once-only and 7-day rules take it away.
      actions: actionsFor(relations, status).filter((a) => a !== "reopen" || reopenStillOpen(row, services.clock.now())),
      viewer: [...relations]
    }
  };
}

// cloud/petitions/load-petition.ts
async function readablePetition(services, id7, caller) {
  const row = await getPetitionRow(services.db, id7);
  const relations = row ? relationsTo(caller, row) : /* @__PURE__ */ new Set();
  if (!row || relations.size === 0) throw new AppError("NOT_FOUND");
  return { row, relations };
}
async function petitionDetailFor(services, id7, caller) {
  const { row, relations } = await readablePetition(services, id7, caller);
  const { detail, revealed } = await toPetitionDetail(services, row, relations);
  if (revealed) {
    await writeAudit(services.db, {
      actor_id: caller.id,
      action: "petition.viewPersonalData",
      target_kind: "petition",
      target_id: row.id,
      scope_id: row.community_id,
      outcome: "ok",
      detail: { fields: row.id_number_enc ? ["phone", "idNumber"] : ["phone"] },
      at: services.clock.now()
    });
  }
  return detail;
}
async function actOnPetition(services, caller, id7, action, build) {
  const { row, relations } = await readablePetition(services, id7, caller);
  const status = row.status;
  if (!mayAct(relations, action, status)) {
    if (action === "accept" && row.agent_id && row.agent_id !== caller.id) throw new AppError("PETITION_ASSIGNED_TO_OTHER");
    throw new AppError("PETITION_NOT_ALLOWED_NOW", `\u201C${row.title}\u201D\u5F53\u524D\u4E0D\u80FD${ACTION_VERB[action]}`);
  }
  const { note = null, changes = {}, messages = [] } = build(row);
  const moved = await transitionPetition(services.db, {
    id: row.id,
    from: status,
    to: petitionNext(status, action),
    action,
    note,
    by: caller.id,
    changes,
    now: services.clock.now(),
    messages
  });
  if (!moved) throw new AppError("PETITION_NOT_ALLOWED_NOW", "\u4E8B\u9879\u521A\u521A\u88AB\u5176\u4ED6\u4EBA\u5904\u7406\u8FC7\uFF0C\u8BF7\u5237\u65B0\u540E\u518D\u8BD5");
  return petitionDetailFor(services, row.id, caller);
}
var ACTION_VERB = {
  assign: "\u5206\u6D3E",
  accept: "\u53D7\u7406",
  note: "\u8BB0\u5F55\u8FDB\u5C55",
  resolve: "\u529E\u7ED3",
  transfer: "\u8F6C\u529E",
  decline: "\u4E0D\u4E88\u53D7\u7406",
  confirm: "\u786E\u8BA4\u89E3\u51B3",
  reopen: "\u91CD\u65B0\u6253\u5F00",
  autoClose: "\u7ED3\u6848"
};

// cloud/petitions/submit-petition.ts
var submit_petition_default = defineFunction(submitPetition, async (input, { services, caller }) => {
  const user = await getUser(services.db, caller.id);
  const communityId = input.communityId ?? user?.home_community_id;
  if (!communityId) throw new AppError("COMMUNITY_NOT_FOUND", "\u8BF7\u5148\u5728\u201C\u6211\u7684\u201D\u91CC\u9009\u62E9\u6240\u5728\u793E\u533A\uFF0C\u6216\u5728\u8868\u5355\u91CC\u9009\u62E9\u793E\u533A");
  const id7 = await filePetition(services, { ...input, communityId }, { submitterId: caller.id, filedBy: null, onBehalfName: null, photoOwner: caller.id });
  return petitionDetailFor(services, id7, caller);
});

// cloud/petitions/my-petitions.ts
var my_petitions_default = defineFunction(myPetitions, async (_input, { services, caller }) => {
  const rows = await petitionsOfSubmitter(services.db, caller.id);
  return rows.map((r) => toPetitionSummary(services, r, /* @__PURE__ */ new Set(["submitter"])));
});

// cloud/petitions/get-petition.ts
var get_petition_default = defineFunction(getPetition, async (input, { services, caller }) => petitionDetailFor(services, input.id, caller));

// cloud/petitions/confirm-petition.ts
var confirm_petition_default = defineFunction(confirmPetition, async (input, { services, caller }) => {
  const now = services.clock.now();
  return actOnPetition(services, caller, input.id, "confirm", () => ({
    note: `${"\u2605".repeat(input.stars)}${input.comment ? ` ${input.comment}` : ""}`,
    changes: { rating: input.stars, rating_comment: input.comment, closed_at: now.toISOString() }
  }));
});

// cloud/petitions/reopen-petition.ts
var reopen_petition_default = defineFunction(reopenPetition, async (input, { services, caller }) => {
  const { row } = await readablePetition(services, input.id, caller);
  const now = services.clock.now();
  if (row.status === "resolved") {
    if (row.reopened === 1) throw new AppError("PETITION_REOPEN_USED");
    if (row.resolved_at && now.getTime() - Date.parse(row.resolved_at) > REOPEN_DAYS * DAY) throw new AppError("PETITION_REOPEN_EXPIRED");
  }
  return actOnPetition(services, caller, input.id, "reopen", (r) => ({
    note: input.reason,
    changes: { reopened: 1, resolved_at: null, resolution: null },
    messages: petitionMessage(services.config, r, r.agent_id, "reopened", `\u5C45\u6C11\u53CD\u6620\u4ECD\u672A\u89E3\u51B3\uFF1A${input.reason}`, now)
  }));
});

// cloud/petitions/petition-inbox.ts
var OVERDUE_FIRST = { accept: 0, resolve: 1 };
var petition_inbox_default = defineFunction(petitionInbox, async (input, { services, caller }) => {
  const rows = await petitionsForStaff(services.db, {
    agentId: caller.id,
    communityIds: communitiesWhere(caller.grants, ["communityAdmin"]),
    openOnly: input.status === "open"
  });
  return rows.map((r) => toPetitionSummary(services, r, relationsTo(caller, r))).sort((a, b) => (a.overdue ? OVERDUE_FIRST[a.overdue] : 2) - (b.overdue ? OVERDUE_FIRST[b.overdue] : 2) || a.submittedAt.getTime() - b.submittedAt.getTime());
});

// cloud/petitions/accept-petition.ts
var accept_petition_default = defineFunction(acceptPetition, async (input, { services, caller }) => {
  const now = services.clock.now();
  return actOnPetition(services, caller, input.id, "accept", (row) => ({
    changes: { accepted_at: now.toISOString(), resolve_due_at: resolveDue(now, row.category).toISOString() },
    messages: petitionMessage(services.config, row, row.submitter_id, "accepted", `\u5DF2\u53D7\u7406\uFF0C\u627F\u529E\u4EBA\uFF1A${row.agent_name ?? "\u4EE3\u529E\u5458"}`, now)
  }));
});

// cloud/petitions/note-petition.ts
var note_petition_default = defineFunction(notePetition, async (input, { services, caller }) => {
  const now = services.clock.now();
  return actOnPetition(services, caller, input.id, "note", (row) => ({
    note: input.note,
    messages: petitionMessage(services.config, row, row.submitter_id, "note", `\u65B0\u8FDB\u5C55\uFF1A${input.note}`, now)
  }));
});

// cloud/petitions/resolve-petition.ts
var resolve_petition_default = defineFunction(resolvePetition, async (input, { services, caller }) => {
  const now = services.clock.now();
  return actOnPetition(services, caller, input.id, "resolve", (row) => ({
    note: input.resolution,
    changes: { resolution: input.resolution, resolved_at: now.toISOString() },
    // The follow-up question the resident answers with 确认 (and a rating) or 重新打开.
    messages: petitionMessage(services.config, row, row.submitter_id, "resolved", "\u5DF2\u529E\u7ED3\uFF0C\u95EE\u9898\u89E3\u51B3\u4E86\u5417\uFF1F\u8BF7\u70B9\u5F00\u786E\u8BA4", now)
  }));
});

// cloud/petitions/transfer-petition.ts
var transfer_petition_default = defineFunction(transferPetition, async (input, { services, caller }) => {
  const now = services.clock.now();
  return actOnPetition(services, caller, input.id, "transfer", (row) => ({
    note: `\u8F6C\u81F3${input.to}\uFF1A${input.reason}`,
    changes: { transferred_to: input.to },
    messages: petitionMessage(services.config, row, row.submitter_id, "transferred", `\u5DF2\u8F6C\u81F3${input.to}\u529E\u7406`, now)
  }));
});

// cloud/petitions/decline-petition.ts
var decline_petition_default = defineFunction(declinePetition, async (input, { services, caller }) => {
  const now = services.clock.now();
  return actOnPetition(services, caller, input.id, "decline", (row) => ({
    note: input.reason,
    messages: petitionMessage(services.config, row, row.submitter_id, "declined", `\u4E0D\u4E88\u53D7\u7406\uFF1A${input.reason}`, now)
  }));
});

// cloud/petitions/file-on-behalf.ts
var file_on_behalf_default = defineFunction(fileOnBehalf, async (input, { services, caller }) => {
  if (!holdsRoleIn(caller.grants, ["gridWorker", "agent", "communityAdmin"], input.communityId)) throw new AppError("OUT_OF_SCOPE");
  const { residentName, ...petition } = input;
  const id7 = await filePetition(
    services,
    { ...petition, anonymous: false },
    { submitterId: null, filedBy: caller.id, onBehalfName: residentName, photoOwner: caller.id }
  );
  const row = await getPetitionRow(services.db, id7);
  return (await toPetitionDetail(services, row, /* @__PURE__ */ new Set())).detail;
});

// cloud/petitions/assign-petition.ts
var assign_petition_default = defineFunction(assignPetition, async (input, { services, caller }) => {
  const { row } = await readablePetition(services, input.id, caller);
  const agent = (await agentsOf(services.db, row.community_id)).find((a) => a.id === input.agentId);
  if (!agent) throw new AppError("PETITION_NOT_AN_AGENT");
  const now = services.clock.now();
  return actOnPetition(services, caller, input.id, "assign", (r) => ({
    note: `\u5206\u6D3E\u7ED9${agent.name}`,
    changes: { agent_id: agent.id },
    messages: petitionMessage(services.config, r, agent.id, "assigned", "\u6709\u65B0\u7684\u4E8B\u9879\u5206\u6D3E\u7ED9\u60A8", now)
  }));
});

// cloud/petitions/petition-roster.ts
var petition_roster_default = defineFunction(petitionRoster, async (input, { services, caller }) => {
  if (!holdsRoleIn(caller.grants, ["communityAdmin"], input.communityId)) throw new AppError("OUT_OF_SCOPE");
  const agents = await agentsOf(services.db, input.communityId);
  if (input.set) {
    const days = Object.entries(input.set).map(([weekday, agentId]) => ({ weekday, agentId }));
    const stranger = days.find((d) => !agents.some((a) => a.id === d.agentId));
    if (stranger) throw new AppError("PETITION_NOT_AN_AGENT");
    await setRoster(services.db, input.communityId, days);
  }
  const roster = await rosterOf(services.db, input.communityId);
  return {
    communityId: input.communityId,
    days: roster.map((r) => ({ weekday: r.weekday, agentId: r.agent_id, agentName: r.agent_name })),
    agents
  };
});

// cloud/petitions/overdue-petitions.ts
var overdue_petitions_default = defineFunction(overduePetitions, async (input, { services, caller }) => {
  const mine = communitiesWhere(caller.grants, ["communityAdmin"]);
  if (input.communityId && mine !== "all" && !mine.includes(input.communityId)) throw new AppError("OUT_OF_SCOPE");
  const rows = await petitionsForStaff(services.db, { communityIds: input.communityId ? [input.communityId] : mine, openOnly: true });
  return rows.map((r) => toPetitionSummary(services, r, relationsTo(caller, r))).filter((p) => p.overdue !== null);
});

// cloud/roles/roles.permissions.ts
function mayManageRole(actor, target) {
  if (isDistrictAdmin(actor)) {
    const expectedLevel = target.role === "districtAdmin" ? "district" : "community";
    return target.scopeLevel === expectedLevel ? "allowed" : "role-not-grantable";
  }
  if (target.role === "districtAdmin") return "role-not-grantable";
  if (target.scopeLevel !== "community" || !holdsRoleIn(actor, ["communityAdmin"], target.scopeId)) return "out-of-scope";
  return "allowed";
}

// cloud/roles/manage-role.ts
async function assertMayManage(services, caller, target) {
  const [region, user] = await Promise.all([getRegion(services.db, target.scopeId), getUser(services.db, target.userId)]);
  const verdict = mayManageRole(caller.grants, { ...target, scopeLevel: region?.level });
  if (verdict === "out-of-scope") throw new AppError("OUT_OF_SCOPE");
  if (verdict === "role-not-grantable") throw new AppError("ROLE_NOT_GRANTABLE");
  if (!user) throw new AppError("USER_NOT_FOUND");
  return { scopeName: region.name, nickname: user.nickname };
}

// cloud/roles/grant-role.ts
var grant_role_default = defineFunction(grantRole, async (input, { services, caller }) => {
  const { scopeName, nickname } = await assertMayManage(services, caller, input);
  const now = services.clock.now();
  await insertGrant(services.db, { ...input, grantedBy: caller.id, now });
  return { ...input, nickname, scopeName, grantedAt: now };
});

// cloud/shares/my-shares.ts
var my_shares_default = defineFunction(myShares, async (_input, { services, caller }) => {
  const [visits, signups] = await Promise.all([visitsBySharer(services.db, caller.id), countSignupsBySharer(services.db, caller.id)]);
  const reach = /* @__PURE__ */ new Map();
  for (const v of visits) {
    reach.set(`${v.kind}:${v.targetId}`, { targetKind: v.kind, targetId: v.targetId, title: v.title, visits: v.visits, signups: 0 });
  }
  for (const s of signups) {
    const key = `event:${s.eventId}`;
    const entry = reach.get(key) ?? { targetKind: "event", targetId: s.eventId, title: s.title, visits: 0, signups: 0 };
    reach.set(key, { ...entry, signups: s.signups });
  }
  return [...reach.values()].sort((a, b) => b.signups - a.signups || b.visits - a.visits);
});

// cloud/roles/list-staff.ts
var list_staff_default = defineFunction(listStaff, async (input, { services, caller }) => {
  const mine = communitiesWhere(caller.grants, ["communityAdmin"]);
  let scope = mine;
  if (input.scopeId) {
    if (mine !== "all" && !mine.includes(input.scopeId)) throw new AppError("OUT_OF_SCOPE");
    scope = [input.scopeId];
  }
  const rows = await listGrants(services.db, scope);
  return rows.map((r) => ({ ...r, grantedAt: new Date(r.grantedAt) }));
});

// cloud/roles/revoke-role.ts
var revoke_role_default = defineFunction(revokeRole, async (input, { services, caller }) => {
  await assertMayManage(services, caller, input);
  return { revoked: await deleteGrant(services.db, input) };
});

// cloud/users/profile.ts
async function loadProfile(services, userId) {
  const user = await getUser(services.db, userId);
  if (!user) throw new AppError("SESSION_INVALID");
  const [grants, community] = await Promise.all([
    grantsOf(services.db, userId),
    user.home_community_id ? getRegion(services.db, user.home_community_id) : void 0
  ]);
  return {
    objectId: user.id,
    nickname: user.nickname,
    avatarUrl: user.avatar_url,
    homeCommunityId: user.home_community_id,
    homeCommunityName: community?.name ?? null,
    phoneMasked: user.phone_enc ? maskPhone(services.cipher.decrypt(user.phone_enc)) : null,
    isResident: user.openid !== null,
    username: user.username,
    roles: grants,
    createdAt: new Date(user.created_at),
    updatedAt: new Date(user.updated_at)
  };
}

// cloud/users/bind-phone.ts
var bind_phone_default = defineFunction(bindPhone, async (input, { services, caller }) => {
  let phone2;
  try {
    ({ phoneNumber: phone2 } = await services.wechat.getPhoneNumber(input.code));
  } catch (error) {
    if (error instanceof WechatError && [WECHAT_CODE_INVALID, WECHAT_CODE_USED].includes(error.errcode)) {
      throw new AppError("PHONE_CODE_INVALID");
    }
    throw new AppError("WECHAT_UNAVAILABLE");
  }
  const phoneIndex = services.cipher.blindIndex(phone2);
  await updateUser(services.db, caller.id, { phone_enc: services.cipher.encrypt(phone2), phone_index: phoneIndex }, services.clock.now());
  await claimByPhone(services.db, caller.id, phoneIndex);
  return loadProfile(services, caller.id);
});

// cloud/users/delete-account.ts
var delete_account_default = defineFunction(deleteAccount, async (_input, { services, caller }) => {
  await eraseUser(services.db, caller.id, services.clock.now());
  return { deleted: true };
});

// cloud/users/get-profile.ts
var get_profile_default = defineFunction(getProfile, async (_input, { services, caller }) => loadProfile(services, caller.id));

// cloud/users/update-profile.ts
var update_profile_default = defineFunction(updateProfile, async (input, { services, caller }) => {
  if (input.homeCommunityId) {
    const region = await getRegion(services.db, input.homeCommunityId);
    if (region?.level !== "community") throw new AppError("COMMUNITY_NOT_FOUND");
  }
  await updateUser(
    services.db,
    caller.id,
    {
      ...input.nickname !== void 0 && { nickname: input.nickname },
      ...input.avatarUrl !== void 0 && { avatar_url: input.avatarUrl },
      ...input.homeCommunityId !== void 0 && { home_community_id: input.homeCommunityId }
    },
    services.clock.now()
  );
  return loadProfile(services, caller.id);
});

// cloud/functions.ts
var functions = [
  logout_default,
  change_password_default,
  list_communities_default,
  get_profile_default,
  update_profile_default,
  bind_phone_default,
  delete_account_default,
  grant_role_default,
  revoke_role_default,
  list_staff_default,
  list_articles_default,
  get_article_default,
  create_article_default,
  update_article_default,
  publish_article_default,
  unpublish_article_default,
  pledge_article_default,
  list_events_default,
  get_event_default,
  register_for_event_default,
  cancel_registration_default,
  my_events_default,
  check_in_default,
  list_registrants_default,
  create_event_default,
  update_event_default,
  publish_event_default,
  cancel_event_default,
  close_event_default,
  remove_registration_default,
  my_shares_default,
  list_resources_default,
  availability_default,
  create_booking_default,
  cancel_booking_default,
  reschedule_booking_default,
  my_bookings_default,
  today_bookings_default,
  check_in_booking_default,
  mark_no_show_default,
  advance_booking_default,
  approve_booking_default,
  reject_booking_default,
  pending_bookings_default,
  save_resource_default,
  close_dates_default,
  submit_petition_default,
  my_petitions_default,
  get_petition_default,
  confirm_petition_default,
  reopen_petition_default,
  petition_inbox_default,
  accept_petition_default,
  note_petition_default,
  resolve_petition_default,
  transfer_petition_default,
  decline_petition_default,
  file_on_behalf_default,
  assign_petition_default,
  petition_roster_default,
  overdue_petitions_default,
  list_honor_lists_default,
  get_honor_list_default,
  get_honor_entry_default,
  like_honor_entry_default,
  get_poster_code_default,
  nominate_default,
  my_nominations_default,
  list_thanks_default,
  post_thanks_default,
  report_thanks_default,
  thanks_received_default,
  staff_to_thank_default,
  save_honor_list_default,
  save_honor_entry_default,
  publish_honor_list_default,
  list_nominations_default,
  review_nomination_default,
  thanks_queue_default,
  review_thanks_default,
  list_audit_default,
  dashboard_stats_default,
  export_report_default,
  queue_counts_default,
  manage_articles_default,
  manage_events_default,
  manage_honor_lists_default,
  manage_resources_default
];

// cloud/host/build-host.ts
var import_node_crypto8 = __toESM(require("node:crypto"));
var import_cors = __toESM(require("@fastify/cors"));
var import_rate_limit = __toESM(require("@fastify/rate-limit"));
var import_fastify2 = __toESM(require("fastify"));
var import_zod14 = require("zod");

// cloud/audit/admin-writes.ts
function isAdmin(caller) {
  return !!caller && caller.grants.some((g) => g.role === "communityAdmin" || g.role === "districtAdmin");
}
var SECRET_FIELDS = /password|idNumber|phone|code|token/i;
function summarizeInput(input) {
  if (Array.isArray(input)) return input.slice(0, 20).map(summarizeInput);
  if (input instanceof Date) return input.toISOString();
  if (input && typeof input === "object") {
    return Object.fromEntries(
      Object.entries(input).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? "***" : summarizeInput(v)])
    );
  }
  if (typeof input === "string" && input.length > 120) return `${input.slice(0, 120)}\u2026\uFF08\u5171${input.length}\u5B57\uFF09`;
  return input;
}
var DENIED = /* @__PURE__ */ new Set(["ROLE_REQUIRED", "OUT_OF_SCOPE", "NOT_FOUND", "ROLE_NOT_GRANTABLE"]);
async function auditAdminWrite(services, call) {
  const { caller, error } = call;
  const scopes = isDistrictAdmin(caller.grants) ? ["district"] : caller.grants.filter((g) => g.role === "communityAdmin").map((g) => g.scopeId);
  await writeAudit(services.db, {
    actor_id: caller.id,
    action: call.functionName,
    target_kind: call.functionName.split(".")[0],
    target_id: targetIdOf(call.input),
    scope_id: scopes.join(",") || null,
    outcome: !error ? "ok" : DENIED.has(error.kind) ? "denied" : "failed",
    detail: { input: summarizeInput(call.input), ...error && { code: error.code, error: error.message } },
    at: services.clock.now()
  });
}
function targetIdOf(input) {
  if (!input || typeof input !== "object") return null;
  const record = input;
  for (const key of ["id", "eventId", "resourceId", "registrationId", "listId", "userId"]) {
    if (typeof record[key] === "string") return record[key];
  }
  return null;
}

// cloud/auth/sessions.ts
async function startSession(services, userId) {
  const token = newToken();
  const now = services.clock.now();
  await insertSession(services.db, {
    tokenHash: sha256(token),
    userId,
    now,
    expiresAt: new Date(now.getTime() + services.config.sessionDays * DAY)
  });
  return token;
}
async function resolveSession(services, token) {
  const sessionHash = sha256(token);
  const session = await findLiveSession(services.db, sessionHash, services.clock.now());
  if (!session) return null;
  const [user, grants] = await Promise.all([getUser(services.db, session.userId), grantsOf(services.db, session.userId)]);
  if (!user) return null;
  return { id: user.id, isResident: user.openid !== null, grants, sessionHash };
}

// cloud/auth/sign-in.ts
var LOCK_DURATION_MS = 15 * MINUTE;
async function signInWithWechat(services, code) {
  let openid;
  try {
    ({ openid } = await services.wechat.code2Session(code));
  } catch (error) {
    if (error instanceof WechatError && [WECHAT_CODE_INVALID, WECHAT_CODE_USED].includes(error.errcode)) {
      throw new AppError("WECHAT_CODE_INVALID");
    }
    throw new AppError("WECHAT_UNAVAILABLE");
  }
  const user = await findOrCreateByOpenid(services.db, openid, services.clock.now(), "\u5FAE\u4FE1\u7528\u6237");
  return { userId: user.id, token: await startSession(services, user.id) };
}
async function signInWithPassword(services, username, password) {
  const now = services.clock.now();
  const user = await findByUsername(services.db, username);
  if (user?.locked_until && user.locked_until > now.toISOString()) throw new AppError("ACCOUNT_LOCKED");
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !user.password_hash || !ok) {
    if (user) await recordLoginFailure(services.db, user.id, new Date(now.getTime() + LOCK_DURATION_MS));
    throw new AppError("LOGIN_FAILED");
  }
  await clearLoginFailures(services.db, user.id);
  return { userId: user.id, token: await startSession(services, user.id) };
}
var DUMMY_HASH = "scrypt$32768$8$1$J7SSfQis2ZI8rQAKsG/3rw==$5FqGptxT3DFTu+JJjUjfkoxiY5ocl3VFyP962nWlYDc=";

// cloud/host/catalog.ts
var import_zod13 = require("zod");
function catalogEntry(contract) {
  return {
    name: contract.name,
    summary: contract.summary,
    kind: contract.kind,
    access: { ...contract.access, label: describeAccess(contract.access) },
    input: import_zod13.z.toJSONSchema(contract.input, {
      io: "input",
      unrepresentable: "any",
      override: (ctx) => {
        if (ctx.zodSchema._zod.def.type === "date") {
          ctx.jsonSchema.type = "string";
          ctx.jsonSchema.format = "date-time";
        }
      }
    })
  };
}

// cloud/host/file-routes.ts
var import_multipart = __toESM(require("@fastify/multipart"));

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

// cloud/host/file-routes.ts
async function registerFileRoutes(app, services, authenticate, writesPerMinute) {
  await app.register(async (files) => {
    await files.register(import_multipart.default, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });
    files.addContentTypeParser(/^image\//, { parseAs: "buffer", bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));
    files.post(
      "/api/uploads",
      { preHandler: authenticate, bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024, config: { rateLimit: { max: writesPerMinute, timeWindow: 6e4 } } },
      async (request) => {
        if (!request.caller) throw new AppError("SESSION_INVALID", "\u8BF7\u5148\u767B\u5F55");
        let bytes;
        if (request.isMultipart()) {
          const part = await request.file();
          if (!part) throw new AppError("INVALID_INPUT", "\u6CA1\u6709\u6536\u5230\u7167\u7247");
          bytes = await part.toBuffer().catch((error) => {
            throw error.code === "FST_REQ_FILE_TOO_LARGE" ? new AppError("FILE_TOO_LARGE") : error;
          });
        } else if (Buffer.isBuffer(request.body)) {
          bytes = request.body;
        } else {
          throw new AppError("FILE_TYPE_NOT_ALLOWED");
        }
        return { result: await storeUpload(services, request.caller.id, bytes) };
      }
    );
    files.get("/api/files/:id", async (request, reply) => {
      const { id: id7 } = request.params;
      const { e, s } = request.query;
      if (!s || !verifyFileSignature(services, id7, Number(e), s)) throw new AppError("FILE_NOT_FOUND");
      const row = await getFileRow(services.db, id7);
      if (!row) throw new AppError("FILE_NOT_FOUND");
      const object = await services.objects.get(row.path).catch((error) => {
        if (error instanceof ObjectNotFound) throw new AppError("FILE_NOT_FOUND");
        throw error;
      });
      if (row.download_name) reply.header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(row.download_name)}`);
      return reply.type(row.mime).header("content-length", object.size).header("cache-control", "private, max-age=3600").header("x-content-type-options", "nosniff").send(object.body);
    });
  });
}

// cloud/host/operations.ts
var import_prom_client = require("prom-client");

// cloud/host/operations.storage.ts
var import_kysely6 = require("kysely");
async function pingDatabase(db) {
  await import_kysely6.sql`SELECT 1`.execute(db);
}

// cloud/storage/migrate.ts
var import_kysely9 = require("kysely");

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
var import_kysely7 = require("kysely");
async function up3(db) {
  await db.schema.createTable("events").addColumn("id", "text", (c) => c.primaryKey()).addColumn("scope_id", "text", (c) => c.notNull().references("regions.id")).addColumn("category", "text", (c) => c.notNull()).addColumn("title", "text", (c) => c.notNull()).addColumn("description", "text", (c) => c.notNull()).addColumn("organizer", "text", (c) => c.notNull()).addColumn("partners", "text", (c) => c.notNull()).addColumn("venue", "text", (c) => c.notNull()).addColumn("starts_at", "text", (c) => c.notNull()).addColumn("ends_at", "text", (c) => c.notNull()).addColumn("signup_opens_at", "text", (c) => c.notNull()).addColumn("signup_closes_at", "text", (c) => c.notNull()).addColumn("cancel_cutoff_at", "text", (c) => c.notNull()).addColumn("requires_signup", "integer", (c) => c.notNull()).addColumn("capacity", "integer", (c) => c.notNull()).addColumn("confirmed_count", "integer", (c) => c.notNull().defaultTo(0)).addColumn("waitlist_seq", "integer", (c) => c.notNull().defaultTo(0)).addColumn("state", "text", (c) => c.notNull()).addColumn("cancel_reason", "text").addColumn("attendance", "integer").addColumn("residents_served", "integer").addColumn("created_by", "text", (c) => c.references("users.id")).addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull()).addCheckConstraint("events_capacity", import_kysely7.sql`capacity = 0 OR confirmed_count <= capacity`).addCheckConstraint("events_confirmed_nonnegative", import_kysely7.sql`confirmed_count >= 0`).execute();
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
var import_kysely8 = require("kysely");
async function up7(db) {
  await import_kysely8.sql`DELETE FROM share_visits WHERE visitor_id IS NOT NULL AND id NOT IN (
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
  const { error, results } = await new import_kysely9.Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}
async function schemaState(db) {
  const applied = new Set((await new import_kysely9.Migrator({ db, provider }).getMigrations()).filter((m) => m.executedAt).map((m) => m.name));
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
async function assertSchemaCurrent(db) {
  const { pending, unknown } = await schemaState(db);
  if (unknown.length) throw new Error(`\u6570\u636E\u5E93\u7ED3\u6784\u6BD4\u672C\u7A0B\u5E8F\u65B0\uFF08\u672A\u77E5\u7684\u8FC1\u79FB\uFF1A${unknown.join(", ")}\uFF09\uFF0C\u8BF7\u90E8\u7F72\u5BF9\u5E94\u7248\u672C\u7684\u7A0B\u5E8F`);
  if (pending.length) throw new Error(`\u6570\u636E\u5E93\u7ED3\u6784\u6BD4\u672C\u7A0B\u5E8F\u65E7\uFF08\u672A\u6267\u884C\u7684\u8FC1\u79FB\uFF1A${pending.join(", ")}\uFF09\uFF0C\u8BF7\u5148\u8FD0\u884C npm run migrate`);
}

// cloud/host/operations.ts
function registerOperations(app, services, options) {
  const registry = new import_prom_client.Registry();
  (0, import_prom_client.collectDefaultMetrics)({ register: registry, prefix: "linli_node_" });
  const requests = new import_prom_client.Counter({
    name: "linli_http_requests_total",
    help: "HTTP requests answered, by route and status",
    labelNames: ["method", "route", "status"],
    registers: [registry]
  });
  const functionSeconds = new import_prom_client.Histogram({
    name: "linli_function_duration_seconds",
    help: "Time to answer a cloud function call, by function and outcome",
    labelNames: ["function", "outcome"],
    buckets: [2e-3, 5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry]
  });
  const errors = new import_prom_client.Counter({
    name: "linli_errors_total",
    help: "Errors answered, by error code (types/errors.ts)",
    labelNames: ["code"],
    registers: [registry]
  });
  new import_prom_client.Gauge({
    name: "linli_outbox_backlog",
    help: "Outbox messages still to send, by status",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const backlog = await outboxBacklog(services.db).catch(() => null);
      if (!backlog) return;
      this.set({ status: "pending" }, backlog.pending);
      this.set({ status: "sending" }, backlog.sending);
    }
  });
  new import_prom_client.Gauge({
    name: "linli_db_pool_connections",
    help: "Database pool connections, by state (waiting = queries waiting for one)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const pool = options.poolStats();
      this.set({ state: "total" }, pool.total);
      this.set({ state: "idle" }, pool.idle);
      this.set({ state: "waiting" }, pool.waiting);
    }
  });
  const functionName = (request) => {
    const route = request.routeOptions.url ?? "";
    if (!route.endsWith("/functions/:name") && !route.endsWith("/call/:name")) return null;
    return request.functionName ?? "unknown";
  };
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    const fn = functionName(request);
    if (fn) functionSeconds.observe({ function: fn, outcome: reply.statusCode < 400 ? "ok" : "error" }, reply.elapsedTime / 1e3);
  });
  app.addHook("onSend", async (_request, reply) => {
    if (options.draining()) reply.header("connection", "close");
  });
  app.get("/healthz", { logLevel: "warn" }, async () => ({ ok: true }));
  app.get("/readyz", { logLevel: "warn" }, async (_request, reply) => {
    const checks = {};
    if (options.draining()) checks.shutdown = "\u6B63\u5728\u505C\u6B62";
    await pingDatabase(services.db).then(
      () => void 0,
      () => checks.database = "\u6570\u636E\u5E93\u4E0D\u53EF\u7528"
    );
    await services.objects.check().then(
      () => void 0,
      () => checks.objectStore = "\u6587\u4EF6\u5B58\u50A8\u4E0D\u53EF\u7528"
    );
    if (!checks.database) {
      const state = await schemaState(services.db).catch(() => null);
      if (!state) checks.migrations = "\u65E0\u6CD5\u8BFB\u53D6\u8FC1\u79FB\u72B6\u6001";
      else if (state.pending.length) checks.migrations = `\u6709\u672A\u6267\u884C\u7684\u8FC1\u79FB\uFF1A${state.pending.join(", ")}`;
      else if (state.unknown.length) checks.migrations = `\u6570\u636E\u5E93\u6BD4\u7A0B\u5E8F\u65B0\uFF1A${state.unknown.join(", ")}`;
    }
    const ok = Object.keys(checks).length === 0;
    return reply.status(ok ? 200 : 503).send({ ok, checks });
  });
  app.get("/metrics", { logLevel: "warn" }, async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  return { registry, countError: (code) => errors.inc({ code: String(code) }) };
}

// cloud/host/rate-limits.storage.ts
async function hitRateWindow(db, key, windowMs, nowMs) {
  const row = await db.insertInto("rate_limits").values({ key, hits: 1, reset_at: nowMs + windowMs }).onConflict(
    (oc) => oc.column("key").doUpdateSet((eb) => ({
      hits: eb.case().when("rate_limits.reset_at", "<=", nowMs).then(1).else(eb("rate_limits.hits", "+", 1)).end(),
      reset_at: eb.case().when("rate_limits.reset_at", "<=", nowMs).then(nowMs + windowMs).else(eb.ref("rate_limits.reset_at")).end()
    }))
  ).returning(["hits", "reset_at"]).executeTakeFirstOrThrow();
  return { hits: Number(row.hits), resetAt: Number(row.reset_at) };
}

// cloud/host/rate-limit-store.ts
function databaseRateLimitStore(db, now = Date.now) {
  class DatabaseStore {
    constructor(prefix = "global") {
      this.prefix = prefix;
    }
    prefix;
    incr(key, callback, timeWindow) {
      const at = now();
      hitRateWindow(db, `${this.prefix}|${key}`, timeWindow, at).then(
        ({ hits, resetAt }) => callback(null, { current: hits, ttl: Math.max(0, resetAt - at) }),
        () => callback(null, { current: 0, ttl: timeWindow })
      );
    }
    child(params) {
      const route = params.routeInfo ?? {};
      const method = Array.isArray(route.method) ? route.method.join(",") : route.method ?? "";
      return new DatabaseStore(`${method} ${route.url ?? ""}`);
    }
  }
  return DatabaseStore;
}

// cloud/host/protocol.ts
var import_node_crypto7 = __toESM(require("node:crypto"));
function decodeValue(value) {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value && typeof value === "object") {
    const record = value;
    if (record.__type === "Date" && typeof record.iso === "string") {
      const date = new Date(record.iso);
      return Number.isNaN(date.getTime()) ? record.iso : date;
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decodeValue(v)]));
  }
  return value;
}
function encodeValue(value) {
  if (value instanceof Date) return { __type: "Date", iso: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).filter(([, v]) => v !== void 0).map(([k, v]) => [k, encodeValue(v)])
    );
  }
  return value;
}
function verifyAppSignature(headers, app) {
  if (headers.id !== app.appId) return false;
  if (headers.sign) {
    const [signature, timestamp, extra] = headers.sign.split(",");
    if (extra !== void 0 || !signature || !timestamp || !/^\d{10,16}$/.test(timestamp)) return false;
    if (Math.abs(app.now.getTime() - Number(timestamp)) > app.skewMs) return false;
    const expected = import_node_crypto7.default.createHash("md5").update(timestamp + app.appKey).digest("hex");
    return safeEqual(signature.toLowerCase(), expected);
  }
  if (headers.key) return safeEqual(headers.key, app.appKey);
  return false;
}
function safeEqual(a, b) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && import_node_crypto7.default.timingSafeEqual(x, y);
}

// cloud/host/build-host.ts
import_zod14.z.config(import_zod14.z.locales.zhCN());
async function buildHost({
  services,
  functions: functions2,
  logger = false,
  logStream,
  wallClock = systemClock,
  operations = { poolStats: () => ({ total: 0, idle: 0, waiting: 0 }), draining: () => false }
}) {
  const { config } = services;
  const byName = new Map(functions2.map((f) => [f.contract.name, f]));
  const missing = contracts.filter((c) => !byName.has(c.name)).map((c) => c.name);
  if (missing.length) throw new Error(`contracts without a handler: ${missing.join(", ")}`);
  const app = (0, import_fastify2.default)({
    logger: logger && { ...jsonLogOptions(config.logLevel), ...logStream && { stream: logStream } },
    bodyLimit: config.bodyLimitBytes,
    // A request id from the proxy in front is kept, so one request reads the same in both logs.
    requestIdHeader: "x-request-id",
    genReqId: () => import_node_crypto8.default.randomUUID()
  });
  app.decorateRequest("caller", null);
  app.decorateRequest("functionName", null);
  app.addHook("onRequest", async (request, reply) => {
    if (!/^[\w.:-]{1,80}$/.test(request.id)) request.id = import_node_crypto8.default.randomUUID();
    reply.header("x-request-id", request.id);
  });
  const metrics = registerOperations(app, services, operations);
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser(["application/json", "text/plain"], { parseAs: "string" }, (_req, raw, done) => {
    const text = String(raw);
    if (text.trim() === "") return done(null, {});
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      return done(new AppError("INVALID_JSON"), void 0);
    }
    if (text.includes("\\u0000")) return done(new AppError("INVALID_INPUT", "\u5185\u5BB9\u4E2D\u542B\u6709\u65E0\u6CD5\u8BC6\u522B\u7684\u5B57\u7B26"), void 0);
    done(null, parsed);
  });
  app.setErrorHandler((error, request, reply) => {
    const appError = fastifyErrorToAppError(error);
    metrics.countError(appError.code);
    if (appError.kind === "INTERNAL") request.log.error({ err: scrubbedError(error) }, "internal error");
    const body = { code: appError.code, error: appError.message };
    if (appError.fields.length) body.fields = appError.fields;
    return reply.status(appError.status).send(body);
  });
  app.setNotFoundHandler((_request, reply) => {
    const e = new AppError("NOT_FOUND");
    return reply.status(e.status).send({ code: e.code, error: e.message });
  });
  await app.register(import_cors.default, {
    origin: config.corsOrigins === "*" ? true : config.corsOrigins,
    allowedHeaders: ["Content-Type", "X-LC-Id", "X-LC-Sign", "X-LC-Key", "X-LC-Session", "X-LC-UA", "X-LC-Prod"],
    methods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
    maxAge: 600
  });
  await app.register(import_rate_limit.default, {
    global: false,
    ...config.rateLimitStore === "database" && { store: databaseRateLimitStore(services.db) },
    errorResponseBuilder: () => new AppError("RATE_LIMITED")
  });
  const authenticate = async (request) => {
    const ok = verifyAppSignature(
      {
        id: header(request, "x-lc-id"),
        sign: header(request, "x-lc-sign"),
        key: header(request, "x-lc-key")
      },
      { appId: config.appId, appKey: config.appKey, skewMs: config.signatureSkewMs, now: wallClock.now() }
    );
    if (!ok) throw new AppError("APP_SIGNATURE_INVALID");
    const token = header(request, "x-lc-session");
    if (token) {
      request.caller = await resolveSession(services, token);
      if (!request.caller) throw new AppError("SESSION_INVALID");
    }
  };
  await app.register(
    async (api) => {
      api.addHook("preHandler", authenticate);
      const loginLimit = { rateLimit: { max: config.loginRatePerMinute, timeWindow: 6e4 } };
      const callLimit = {
        rateLimit: {
          timeWindow: 6e4,
          keyGenerator: (request) => {
            const fn = byName.get(request.params.name ?? "");
            const token = header(request, "x-lc-session");
            return `${fn?.contract.kind === "command" ? "write" : "read"}:${token ? sha256(token) : request.ip}`;
          },
          // Reads are cheap and lists page often; writes get the configured budget.
          max: (_request, key) => key.startsWith("write:") ? config.writeRatePerMinute : config.writeRatePerMinute * 10
        }
      };
      const runFunction = async (request) => {
        const name = request.params.name;
        const fn = byName.get(name);
        if (!fn) throw new AppError("FUNCTION_NOT_FOUND");
        request.functionName = name;
        const caller = request.caller;
        if (!accessAllows(fn.contract.access, caller)) {
          throw caller ? new AppError("ROLE_REQUIRED") : new AppError("SESSION_INVALID", "\u8BF7\u5148\u767B\u5F55");
        }
        const input = decodeValue(request.body);
        const audited = fn.contract.kind === "command" && isAdmin(caller);
        let parsedInput = input;
        let result;
        try {
          const parsed = fn.contract.input.safeParse(input);
          if (!parsed.success) throw invalidInput(parsed.error);
          parsedInput = parsed.data;
          result = await fn.handler(parsed.data, { services, caller, ip: request.ip });
        } catch (error) {
          if (audited) await auditAdminWrite(services, { caller, functionName: name, input, error: fastifyErrorToAppError(error) }).catch((e) => request.log.error({ err: scrubbedError(e), function: name }, "audit write failed"));
          throw error;
        }
        if (audited) await auditAdminWrite(services, { caller, functionName: name, input: parsedInput, error: null }).catch((e) => request.log.error({ err: scrubbedError(e), function: name }, "audit write failed after a committed change"));
        return { result: encodeValue(result) };
      };
      api.post("/functions/:name", { config: callLimit }, runFunction);
      api.post("/call/:name", { config: callLimit }, runFunction);
      const WechatLogin = import_zod14.z.object({ authData: import_zod14.z.object({ lc_weapp: import_zod14.z.object({ code: import_zod14.z.string().min(1).max(128) }) }) });
      api.post("/users", { config: loginLimit }, async (request, reply) => {
        const parsed = WechatLogin.safeParse(request.body);
        if (!parsed.success) throw new AppError("INVALID_INPUT", "\u4EC5\u652F\u6301\u5FAE\u4FE1\u767B\u5F55\uFF0C\u7F3A\u5C11\u767B\u5F55\u51ED\u8BC1");
        const { userId, token } = await signInWithWechat(services, parsed.data.authData.lc_weapp.code);
        return reply.status(201).send(userJson(await loadProfile(services, userId), token));
      });
      api.get("/users/me", async (request) => {
        const token = header(request, "x-lc-session");
        if (!request.caller || !token) throw new AppError("SESSION_INVALID");
        return userJson(await loadProfile(services, request.caller.id), token);
      });
      const PasswordLogin = import_zod14.z.object({ username: import_zod14.z.string().min(1).max(64), password: import_zod14.z.string().min(1).max(128) });
      api.post("/login", { config: loginLimit }, async (request) => {
        const parsed = PasswordLogin.safeParse(request.body);
        if (!parsed.success) throw new AppError("INVALID_INPUT", "\u8BF7\u8F93\u5165\u7528\u6237\u540D\u548C\u5BC6\u7801");
        const { userId, token } = await signInWithPassword(services, parsed.data.username, parsed.data.password);
        return userJson(await loadProfile(services, userId), token);
      });
    },
    { prefix: "/1.1" }
  );
  await registerFileRoutes(app, services, authenticate, config.writeRatePerMinute);
  const catalog = { functions: functions2.map((f) => catalogEntry(f.contract)) };
  app.get("/api/functions", async () => catalog);
  app.get("/api/health", async () => ({ ok: true }));
  return app;
}
function jsonLogOptions(level) {
  return {
    level,
    serializers: {
      req: (req) => ({ method: req.method, path: req.url.split("?")[0], id: req.id }),
      res: (res) => ({ statusCode: res.statusCode })
    }
  };
}
function scrubbedError(error) {
  const e = error;
  return { type: e?.name ?? typeof error, code: typeof e?.code === "string" ? e.code : void 0, stack: e?.stack?.split("\n").slice(1, 6).join("\n") };
}
function header(request, name) {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
function userJson(profile, sessionToken) {
  const { createdAt, updatedAt, ...rest } = profile;
  return {
    ...encodeValue(rest),
    sessionToken,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString()
  };
}
function invalidInput(error) {
  const fields2 = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  return new AppError("INVALID_INPUT", `\u586B\u5199\u7684\u5185\u5BB9\u6709\u8BEF\uFF1A${fields2[0]?.message ?? ""}`, fields2);
}
function fastifyErrorToAppError(error) {
  if (error instanceof AppError) return error;
  const e = error;
  if (e.code === "FST_ERR_CTP_BODY_TOO_LARGE") return new AppError("PAYLOAD_TOO_LARGE");
  if (e.statusCode === 429) return new AppError("RATE_LIMITED");
  if (e.statusCode === 413) return new AppError("PAYLOAD_TOO_LARGE");
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError("INVALID_JSON");
  return new AppError("INTERNAL");
}

// cloud/host/static-routes.ts
var import_node_fs3 = __toESM(require("node:fs"));
var import_node_path3 = __toESM(require("node:path"));
var import_static = __toESM(require("@fastify/static"));
async function registerStaticSite(app, dir, prefix) {
  const root = import_node_path3.default.resolve(dir);
  if (!import_node_fs3.default.existsSync(import_node_path3.default.join(root, "index.html"))) return false;
  await app.register(import_static.default, {
    root,
    prefix,
    decorateReply: false,
    index: ["index.html"],
    setHeaders(res, file) {
      const immutable = /[\\/](js|css|static)[\\/]/.test(import_node_path3.default.relative(root, file)) || /\.[0-9a-f]{8,}\./.test(file);
      res.header("cache-control", file.endsWith(".html") ? "no-cache" : immutable ? "public, max-age=31536000, immutable" : "public, max-age=3600");
    }
  });
  return true;
}

// cloud/jobs/scheduler.ts
var import_node_crypto9 = __toESM(require("node:crypto"));
var import_node_os = __toESM(require("node:os"));

// cloud/petitions/close-stale.ts
async function closeStaleResolved(services) {
  const now = services.clock.now();
  let closed = 0;
  for (const p of await resolvedBefore(services.db, new Date(now.getTime() - REOPEN_DAYS * DAY))) {
    const moved = await transitionPetition(services.db, {
      id: p.id,
      from: "resolved",
      to: "closed",
      action: "autoClose",
      note: null,
      by: null,
      changes: { closed_at: now.toISOString() },
      now,
      messages: []
    });
    if (moved) closed++;
  }
  return closed;
}

// cloud/jobs/jobs.storage.ts
var import_kysely10 = require("kysely");
async function runOncePerTick(db, job, work) {
  const claimTick = async (conn) => {
    const result = await conn.insertInto("job_runs").values({ name: job.name, tick: job.tick, ran_at: job.at.toISOString(), ran_by: job.holder }).onConflict(
      (oc) => oc.column("name").doUpdateSet({ tick: job.tick, ran_at: job.at.toISOString(), ran_by: job.holder }).where("job_runs.tick", "<", job.tick)
    ).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  };
  if (!isPostgres(db)) {
    if (!await claimTick(db)) return { ran: false };
    return { ran: true, result: await work() };
  }
  const lockName = `linli-job:${job.name}`;
  return db.connection().execute(async (conn) => {
    const { rows } = await import_kysely10.sql`SELECT pg_try_advisory_lock(hashtext(${lockName})) AS locked`.execute(conn);
    if (!rows[0]?.locked) return { ran: false };
    try {
      if (!await claimTick(conn)) return { ran: false };
      return { ran: true, result: await work() };
    } finally {
      await import_kysely10.sql`SELECT pg_advisory_unlock(hashtext(${lockName}))`.execute(conn);
    }
  });
}
async function deleteEndedRateWindows(db, nowMs) {
  const result = await db.deleteFrom("rate_limits").where("reset_at", "<", nowMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}

// cloud/jobs/scheduler.ts
var SCHEDULED_JOBS = [
  { name: "petitions.autoClose", run: closeStaleResolved },
  { name: "files.removeOldExports", run: removeOldExports },
  { name: "rateLimits.cleanUp", run: (s) => deleteEndedRateWindows(s.db, s.clock.now().getTime()) }
];
var HOLDER = `${import_node_os.default.hostname()}:${process.pid}:${import_node_crypto9.default.randomBytes(3).toString("hex")}`;
var runningHere = /* @__PURE__ */ new Set();
async function runJobsOnce(services, intervalMs, jobs = SCHEDULED_JOBS) {
  const now = services.clock.now();
  const tick = Math.floor(now.getTime() / intervalMs);
  const ran = [];
  for (const job of jobs) {
    if (runningHere.has(job.name)) continue;
    runningHere.add(job.name);
    try {
      const outcome = await runOncePerTick(services.db, { name: job.name, tick, holder: HOLDER, at: now }, () => job.run(services));
      if (outcome.ran) ran.push(job.name);
    } catch (error) {
      services.log?.error({ err: error, job: job.name }, "scheduled job failed");
    } finally {
      runningHere.delete(job.name);
    }
  }
  return ran;
}
function startScheduler(services, intervalMs, jobs = SCHEDULED_JOBS) {
  let stopped = false;
  let current = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    current = current.then(() => stopped ? void 0 : runJobsOnce(services, intervalMs, jobs));
  };
  const timer = setInterval(tick, Math.max(1e3, Math.floor(intervalMs / 4)));
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    }
  };
}

// cloud/notifications/worker.ts
var import_node_crypto10 = __toESM(require("node:crypto"));
var import_node_os2 = __toESM(require("node:os"));
var RETRY_DELAYS_MS = [1, 5, 30, 120, 360].map((m) => m * MINUTE);
var SEND_TIMEOUT_MS = 1e4;
var PROCESS_ID = `${import_node_os2.default.hostname()}:${process.pid}:${import_node_crypto10.default.randomBytes(3).toString("hex")}`;
async function runOutboxOnce(services, options = {}) {
  const { limit = 50, stopping = () => false } = typeof options === "number" ? { limit: options } : options;
  const now = services.clock.now();
  const holder = `${PROCESS_ID}:${newId().slice(0, 8)}`;
  const leaseUntil = now.getTime() + services.config.outboxLeaseMs;
  const lastStart = leaseUntil - SEND_TIMEOUT_MS - 1e3;
  const taken = await claimDue(services.db, { now, leaseUntil: new Date(leaseUntil), holder, limit });
  let sent = 0;
  for (const [index, message] of taken.entries()) {
    if (stopping() || index > 0 && services.clock.now().getTime() > lastStart) {
      await releaseClaims(services.db, holder, taken.slice(index).map((m) => m.id));
      break;
    }
    if (!message.openid) {
      await settle(services.db, message.id, holder, { status: "skipped", error: "\u7528\u6237\u6CA1\u6709\u5FAE\u4FE1\u8EAB\u4EFD\uFF08\u540E\u53F0\u8D26\u53F7\u6216\u5DF2\u6CE8\u9500\uFF09", at: now });
      continue;
    }
    try {
      await services.wechat.sendSubscribeMessage({
        toOpenid: message.openid,
        templateId: message.template,
        page: message.page ?? void 0,
        data: JSON.parse(message.data)
      });
      await settle(services.db, message.id, holder, { status: "sent", at: now });
      sent++;
    } catch (error) {
      const errcode = error instanceof WechatError ? error.errcode : -1;
      const text = error instanceof Error ? error.message : String(error);
      if (errcode === WECHAT_SUBSCRIPTION_REFUSED) {
        await settle(services.db, message.id, holder, { status: "refused", error: text, at: now });
      } else if (message.attempts > RETRY_DELAYS_MS.length) {
        await settle(services.db, message.id, holder, { status: "failed", error: text, at: now });
      } else {
        const delay = RETRY_DELAYS_MS[message.attempts - 1];
        await settle(services.db, message.id, holder, { status: "pending", error: text, notBefore: new Date(now.getTime() + delay), at: now });
      }
    }
  }
  return sent;
}
function startOutboxWorker(services, intervalMs) {
  let stopped = false;
  let current = Promise.resolve();
  const timer = setInterval(() => {
    if (stopped) return;
    current = current.then(async () => {
      if (stopped) return;
      try {
        while (!stopped && await runOutboxOnce(services, { limit: 20, stopping: () => stopped }) >= 20) ;
      } catch (error) {
        services.log?.error({ err: error }, "outbox worker");
      }
    });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    }
  };
}

// cloud/start.ts
async function startLinli(config, options = {}) {
  const clock = options.clock ?? systemClock;
  const database = openDatabase(config.databaseUrl);
  const objects = openObjectStore(config);
  const fakeWechat = config.wechatApiBase ? null : await startFakeWechat();
  try {
    if (config.autoMigrate) await migrateToLatest(database.db);
    else await assertSchemaCurrent(database.db);
    const services = {
      objects,
      db: database.db,
      clock,
      config,
      cipher: createDataCipher(config.dataKey),
      wechat: createWechatClient({
        baseUrl: config.wechatApiBase ?? fakeWechat.url,
        appId: config.wechatAppId,
        secret: config.wechatSecret,
        clock
      })
    };
    if (config.demoData) await seedDemo(services);
    let draining = false;
    const host = await buildHost({
      services,
      functions,
      logger: options.logger,
      logStream: options.logStream,
      operations: { poolStats: database.poolStats, draining: () => draining }
    });
    services.log = host.log;
    const servesConsole = await registerStaticSite(host, config.consoleDir, "/console/");
    if (servesConsole) host.get("/console", (_request, reply) => reply.redirect("/console/"));
    const servesH5 = await registerStaticSite(host, config.h5Dir, "/");
    await options.beforeListen?.(host);
    const url = await host.listen({ host: config.host, port: config.port });
    const worker = config.outboxIntervalMs > 0 ? startOutboxWorker(services, config.outboxIntervalMs) : null;
    const scheduler = config.jobIntervalMs > 0 ? startScheduler(services, config.jobIntervalMs) : null;
    let closing = null;
    return {
      host,
      services,
      database,
      objects,
      fakeWechat,
      url,
      servesH5,
      servesConsole,
      close() {
        closing ??= (async () => {
          draining = true;
          await Promise.all([worker?.stop(), scheduler?.stop()]);
          let timer;
          await Promise.race([host.close(), new Promise((resolve) => timer = setTimeout(resolve, config.shutdownGraceMs))]);
          clearTimeout(timer);
          await fakeWechat?.close();
          objects.close();
          await database.close();
        })();
        return closing;
      }
    };
  } catch (error) {
    await fakeWechat?.close();
    objects.close();
    await database.close();
    throw error;
  }
}

// cloud/main.ts
async function main() {
  const config = loadConfig();
  const linli = await startLinli(config, { logger: true });
  const url = linli.url.replace("127.0.0.1", "localhost");
  const lines = [
    "",
    "\u90BB\u91CC\u901A Linli is running",
    linli.servesH5 ? `  open the H5 preview      ${url}/` : "  H5 preview               not built (npm run build:h5)",
    linli.servesConsole ? `  admin console            ${url}/console/` : "  admin console            not built (npm run build:console)",
    `  host (LeanCloud protocol) ${url}`,
    `  database                  ${linli.database.kind}: ${linli.database.description}`,
    `  function catalog          ${url}/api/functions`,
    `  app id / app key          ${config.appId} / ${config.appKey}`,
    `  WeChat server API         ${linli.fakeWechat ? `local fake at ${linli.fakeWechat.url}` : config.wechatApiBase}`
  ];
  if (config.demoData) {
    lines.push("  demo WeChat logins        dev:resident dev:grid dev:agent dev:admin dev:district");
    lines.push(`  demo console accounts     ${DEMO_ACCOUNTS.map((a) => `${a.username} / ${a.password}`).join(", ")}`);
  }
  if (config.production) linli.host.log.info({ database: linli.database.kind, objects: linli.objects.kind }, "host ready");
  else console.log(lines.join("\n") + "\n");
  const stop = async () => {
    await linli.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
//# sourceMappingURL=main.js.map
