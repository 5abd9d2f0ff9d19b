"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
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

// cloud/wechat/fake-server.ts
var import_node_crypto = __toESM(require("node:crypto"));
var import_fastify = __toESM(require("fastify"));
var import_qrcode = __toESM(require("qrcode"));

// cloud/wechat/client.ts
var WECHAT_CODE_INVALID = 40029;
var WECHAT_CODE_USED = 40163;
var WECHAT_TOKEN_INVALID = 40001;
var WECHAT_SUBSCRIPTION_REFUSED = 43101;

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
    return { openid: openidOf(match[1]), session_key: import_node_crypto.default.randomBytes(16).toString("base64") };
  });
  app.post("/cgi-bin/stable_token", async () => {
    const token = import_node_crypto.default.randomBytes(24).toString("hex");
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

// cloud/wechat/fake-main.ts
async function main() {
  const fake = await startFakeWechat(Number(process.env.PORT ?? 8090), process.env.HOST ?? "127.0.0.1");
  console.log(JSON.stringify({ msg: "fake WeChat listening", url: fake.url }));
  const stop = () => void fake.close().finally(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
//# sourceMappingURL=fake-main.js.map
