/**
 * The per-request envelope, piece by piece, in process: the app signature, the session
 * token's hash, decoding the SDK's values, the input schema, encoding the result the
 * SDK's way and serializing it (beside two ways the host could do that in one step, which it
 * does not: both were slower). Each is printed in µs per request and as a share of a bare
 * request (`GET /api/health` through Fastify's inject, measured in the same run).
 *
 *   npx tsx bench/envelope.ts
 */
import crypto from 'node:crypto';
import Fastify from 'fastify';
import { decodeValue, encodeValue, verifyAppSignature } from '../cloud/host/protocol';
import { sha256 } from '../cloud/core/crypto';
import { listArticles } from '../types/articles';
import { myEvents, registerForEvent } from '../types/events';

const APP = { appId: 'bench-app', appKey: 'bench-key', skewMs: 15 * 60_000 };

function timeIt(label: string, n: number, work: (i: number) => unknown): { label: string; us: number } {
  for (let i = 0; i < Math.min(n, 2000); i++) work(i); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) work(i);
  return { label, us: Number(process.hrtime.bigint() - start) / 1000 / n };
}

/** encodeValue as it was before issue 18 (entries → filter → map → fromEntries), for the comparison. */
function encodeValueBefore(value: unknown): unknown {
  if (value instanceof Date) return { __type: 'Date', iso: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeValueBefore);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, encodeValueBefore(v)]),
    );
  }
  return value;
}

/** A page of events.mine as the handler returns it: 20 items, Dates in each. */
function minePage() {
  const at = new Date('2026-11-30T02:00:00Z');
  return {
    items: Array.from({ length: 20 }, (_, i) => ({
      event: {
        id: `ev${i}`,
        title: '爱心义诊进社区',
        category: '义诊',
        scopeId: 'chaoyang',
        scopeName: '朝阳社区',
        venue: '党群服务中心',
        startsAt: new Date(at.getTime() + i * 86_400_000),
        endsAt: new Date(at.getTime() + i * 86_400_000 + 3 * 3_600_000),
        capacity: 100,
        confirmed: 37,
        waitlisted: 0,
        coverUrl: null,
        state: 'published',
      },
      registration: { status: 'confirmed', waitlistPosition: null, checkinCode: 'AB12CD34', registeredAt: at, checkedInAt: null, canCancel: true },
    })),
    nextCursor: 'eyJzIjoiMjAyNi0xMi0yMCIsImkiOiJldjE5In0',
  };
}

/**
 * Not used by the host, measured against it: the SDK's Date shape written straight into the
 * JSON in one pass (no encoded copy), strings quoted by JSON.stringify.
 */
function encodeInOnePass(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value !== 'object') return 'null';
  if (value instanceof Date) return `{"__type":"Date","iso":"${value.toISOString()}"}`;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + (value[i] === undefined ? 'null' : encodeInOnePass(value[i]));
    return `${out}]`;
  }
  let out = '';
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out += `${out ? ',' : ''}${JSON.stringify(key)}:${encodeInOnePass(v)}`;
  }
  return `{${out}}`;
}

/** Not used by the host either: JSON.stringify's replacer sees the Date itself on its holder. */
function sdkDates(this: Record<string, unknown>, key: string, value: unknown): unknown {
  return this[key] instanceof Date ? { __type: 'Date', iso: value } : value;
}

async function main() {
  const app = Fastify();
  app.get('/api/health', async () => ({ ok: true }));
  await app.ready();
  const N = 2000;
  let i = 0;
  const bareStart = process.hrtime.bigint();
  for (; i < N; i++) await app.inject({ method: 'GET', url: '/api/health' });
  const bareUs = Number(process.hrtime.bigint() - bareStart) / 1000 / N;
  await app.close();

  const now = new Date();
  const signs = Array.from({ length: 1000 }, (_, k) => {
    const ts = String(now.getTime() + k);
    return `${crypto.createHash('md5').update(ts + APP.appKey).digest('hex')},${ts}`;
  });
  const token = crypto.randomBytes(24).toString('hex');
  const page = minePage();
  const body = { eventId: 'a'.repeat(21) };
  const encodedPage = encodeValue(page);
  if (JSON.stringify(encodedPage) !== JSON.stringify(encodeValueBefore(page))) throw new Error('encodeValue changed its output');
  const hostJson = JSON.stringify(encodedPage);
  if (encodeInOnePass(page) !== hostJson || JSON.stringify(page, sdkDates) !== hostJson) throw new Error('the alternative encodings differ from the host\'s');
  const rows = [
    timeIt('app signature (md5 + timing-safe compare)', 50_000, (k) => verifyAppSignature({ id: APP.appId, sign: signs[k % 1000] }, { ...APP, now })),
    timeIt('session token sha256', 50_000, () => sha256(token)),
    timeIt('decodeValue (small body)', 50_000, () => decodeValue(body)),
    timeIt('input schema: events.register', 50_000, () => registerForEvent.input.safeParse(body)),
    timeIt('input schema: events.mine (defaults)', 50_000, () => myEvents.input.safeParse({})),
    timeIt('input schema: articles.list', 50_000, () => listArticles.input.safeParse({ communityId: 'chaoyang' })),
    timeIt('encodeValue before (fromEntries), events.mine page of 20', 5_000, () => encodeValueBefore(page)),
    timeIt('encodeValue, events.mine page of 20', 5_000, () => encodeValue(page)),
    timeIt('JSON.stringify of the encoded page', 5_000, () => JSON.stringify({ result: encodedPage })),
    // The page's reply as the host makes it, against two ways it could (round 11).
    timeIt('encodeValue + JSON.stringify (the host)', 5_000, () => JSON.stringify(encodeValue(page))),
    timeIt('one pass, Date shape written into the JSON (not used)', 5_000, () => encodeInOnePass(page)),
    timeIt('JSON.stringify with a replacer for Dates (not used)', 5_000, () => JSON.stringify(page, sdkDates)),
    timeIt('JSON.stringify, Dates as plain ISO text (not the SDK\'s shape)', 5_000, () => JSON.stringify(page)),
  ];
  console.log(`envelope costs, in process; bare request (inject GET /api/health) ${bareUs.toFixed(1)} µs\n`);
  console.log('| piece | µs per request | share of a bare request |');
  console.log('| --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.label} | ${r.us.toFixed(2)} | ${(r.us / bareUs).toFixed(3)} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
