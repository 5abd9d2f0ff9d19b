import crypto from 'node:crypto';

/**
 * The parts of LeanCloud's REST protocol that `leancloud-storage` 4.15 speaks: its value
 * encoding, its request signature, and its error body.
 */

/** SDK-encoded values in: `{"__type":"Date","iso":...}` becomes a Date; everything else passes as is. */
export function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = decodeValue(value[i]);
    return out;
  }
  const record = value as Record<string, unknown>;
  if (record.__type === 'Date' && typeof record.iso === 'string') {
    const date = new Date(record.iso);
    // An unparseable date stays a string so that the input schema reports it properly.
    return Number.isNaN(date.getTime()) ? record.iso : date;
  }
  // Own keys only, as JSON.parse makes them; `__proto__` stays a plain key, never a prototype.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (key === '__proto__') Object.defineProperty(out, key, { value: decodeValue(record[key]), enumerable: true, writable: true, configurable: true });
    else out[key] = decodeValue(record[key]);
  }
  return out;
}

/**
 * Values out: Dates as the SDK's Date objects, so `AV.Cloud.run` resolves with real Dates;
 * undefined properties dropped. Plain loops: this runs over every item of every list reply,
 * and the entries/map/fromEntries form cost several times more (bench/envelope.ts).
 */
export function encodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return { __type: 'Date', iso: value.toISOString() };
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = encodeValue(value[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = encodeValue(v);
  }
  return out;
}

/**
 * `X-LC-Sign: md5(timestamp + appKey),timestamp`, within a bounded clock skew; or the
 * plain `X-LC-Key: appKey` the SDK sends when it does not sign. Master-key requests are
 * not accepted: no client of ours holds the master key.
 */
export function verifyAppSignature(
  headers: { id?: string; sign?: string; key?: string },
  app: { appId: string; appKey: string; skewMs: number; now: Date },
): boolean {
  if (headers.id !== app.appId) return false;
  if (headers.sign) {
    const [signature, timestamp, extra] = headers.sign.split(',');
    if (extra !== undefined || !signature || !timestamp || !/^\d{10,16}$/.test(timestamp)) return false;
    if (Math.abs(app.now.getTime() - Number(timestamp)) > app.skewMs) return false;
    const expected = crypto.createHash('md5').update(timestamp + app.appKey).digest('hex');
    return safeEqual(signature.toLowerCase(), expected);
  }
  if (headers.key) return safeEqual(headers.key, app.appKey);
  return false;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
