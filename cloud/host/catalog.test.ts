import crypto from 'node:crypto';
import { accessAllows, contracts, ERRORS, errorNameOf, type Caller } from '../../types';
import { DEMO_ACCOUNTS, DEMO_PERSONAS } from '../demo/personas';
import { startTestLinli, type TestLinli } from '../testing/linli';

/**
 * Walks every function in the catalog, so a new function is covered without a new test:
 * bad input of every kind gets a coded 4xx and never a 5xx, and each persona is allowed or
 * refused exactly as the function's access rule says.
 */
let linli: TestLinli;
beforeAll(async () => {
  linli = await startTestLinli();
});
afterAll(() => linli.stop());

interface Reply {
  status: number;
  body: { code?: number; error?: string; result?: unknown };
}

async function call(name: string, payload: unknown, token?: string): Promise<Reply> {
  const ts = String(Date.now());
  const response = await linli.host.inject({
    method: 'POST',
    url: `/1.1/functions/${name}`,
    headers: {
      'x-lc-id': linli.config.appId,
      'x-lc-sign': `${crypto.createHash('md5').update(ts + linli.config.appKey).digest('hex')},${ts}`,
      'content-type': 'application/json',
      ...(token && { 'x-lc-session': token }),
    },
    payload: JSON.stringify(payload),
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

interface Persona {
  label: string;
  caller: Caller | null;
  signIn(): Promise<string | undefined>;
}

async function wechatToken(persona: string): Promise<string> {
  const response = await linli.host.inject({
    method: 'POST',
    url: '/1.1/users',
    headers: { 'x-lc-id': linli.config.appId, 'x-lc-key': linli.config.appKey, 'content-type': 'application/json' },
    payload: { authData: { lc_weapp: { code: `dev:${persona}` } } },
  });
  return JSON.parse(response.body).sessionToken;
}

async function consoleToken(username: string, password: string): Promise<string> {
  const response = await linli.host.inject({
    method: 'POST',
    url: '/1.1/login',
    headers: { 'x-lc-id': linli.config.appId, 'x-lc-key': linli.config.appKey, 'content-type': 'application/json' },
    payload: { username, password },
  });
  return JSON.parse(response.body).sessionToken;
}

const personas: Persona[] = [
  { label: 'anonymous', caller: null, signIn: async () => undefined },
  ...DEMO_PERSONAS.map((p) => ({
    label: `dev:${p.persona}`,
    caller: { isResident: true, grants: p.grants },
    signIn: () => wechatToken(p.persona),
  })),
  ...DEMO_ACCOUNTS.map((a) => ({
    label: `console:${a.username}`,
    caller: { isResident: false, grants: a.grants },
    signIn: () => consoleToken(a.username, a.password),
  })),
];

// Sessions are reused across functions (console logins cost a slow scrypt each); a call
// that ends its session (auth.logout) makes the next one sign in afresh.
const tokens = new Map<string, Promise<string | undefined>>();
function tokenFor(persona: Persona): Promise<string | undefined> {
  if (!tokens.has(persona.label)) tokens.set(persona.label, persona.signIn());
  return tokens.get(persona.label)!;
}
function forget(persona: Persona): void {
  tokens.delete(persona.label);
}

/** The persona most likely to get past the access rule, to reach input validation. */
function strongestAllowed(access: (typeof contracts)[number]['access']): Persona {
  return [...personas].reverse().find((p) => accessAllows(access, p.caller)) ?? personas[0]!;
}

function expectCodedReply(reply: Reply, context: string) {
  const message = `${context} → ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`;
  expect([message, reply.status < 500]).toEqual([message, true]);
  if (reply.status >= 400) {
    expect([message, typeof reply.body.code === 'number' && errorNameOf(reply.body.code!) !== undefined]).toEqual([message, true]);
    expect([message, reply.body.code !== 0 && typeof reply.body.error === 'string']).toEqual([message, true]);
  }
}

// Deterministic pseudo-random inputs, so a failure repeats.
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

function randomValue(random: () => number, depth: number, keys: string[]): unknown {
  const pick = Math.floor(random() * (depth > 2 ? 6 : 9));
  const strings = ['', ' ', '朝阳社区', '<script>alert(1)</script>', "'; DROP TABLE users; --", '\u0000', '9'.repeat(40), 'null', '2026-13-45'];
  switch (pick) {
    case 0:
      return null;
    case 1:
      return random() > 0.5;
    case 2:
      return [0, -1, 1e308, -1e308, 3.14159, 2 ** 53 + 1, 150][Math.floor(random() * 7)];
    case 3:
    case 4:
      return strings[Math.floor(random() * strings.length)];
    case 5:
      return 'x'.repeat(Math.floor(random() * 5000));
    case 6:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1, keys));
    case 7:
      return { __type: 'Date', iso: random() > 0.5 ? '2026-03-22T01:00:00.000Z' : 'not a date' };
    default:
      return Object.fromEntries(
        Array.from({ length: 1 + Math.floor(random() * 4) }, () => [
          random() > 0.3 && keys.length ? keys[Math.floor(random() * keys.length)]! : `k${Math.floor(random() * 9)}`,
          randomValue(random, depth + 1, keys),
        ]),
      );
  }
}

function wrongTypeFor(schema: { type?: string; format?: string } | undefined): unknown[] {
  switch (schema?.type) {
    case 'string':
      return schema.format === 'date-time' ? ['not a date', true] : [12345, { nested: true }, ['a']];
    case 'number':
    case 'integer':
      return ['abc', { n: 1 }];
    case 'boolean':
      return ['yes', 2];
    case 'array':
      return ['x', { a: 1 }];
    case 'object':
      return [42, 'x'];
    default:
      return [{ unexpected: ['shape'] }];
  }
}

const EDGE_VALUES: unknown[] = ['', ' ', '\u0000', '<img src=x onerror=alert(1)>', 0, -1, null, []];

interface CatalogFunction {
  name: string;
  access: (typeof contracts)[number]['access'];
  input: { properties?: Record<string, { type?: string; format?: string }> };
}

let catalog: CatalogFunction[] = [];
beforeAll(async () => {
  catalog = ((await (await fetch(`${linli.url}/api/functions`)).json()) as { functions: CatalogFunction[] }).functions;
});

it('the catalog lists every declared contract', () => {
  expect(catalog.map((f) => f.name).sort()).toEqual(contracts.map((c) => c.name).sort());
});

describe.each(contracts.map((c) => [c.name, c] as const))('%s', (name, contract) => {
  it('answers missing, wrong-typed, oversized and random input with a coded reply, never a 5xx', async () => {
    const fn = catalog.find((f) => f.name === name)!;
    const persona = strongestAllowed(contract.access);
    const properties = fn.input.properties ?? {};
    const keys = Object.keys(properties);
    const inputs: Array<[string, unknown]> = [
      ['missing', undefined],
      ['null', null],
      ['array', [1, 2]],
      ['string', 'text'],
    ];
    for (const key of keys) {
      for (const wrong of wrongTypeFor(properties[key])) inputs.push([`wrong ${key}`, { [key]: wrong }]);
      inputs.push([`oversized ${key}`, { [key]: 'x'.repeat(100_000) }]);
      for (const edge of EDGE_VALUES) inputs.push([`${key} = ${JSON.stringify(edge)}`, { [key]: edge }]);
    }
    const random = rng([...name].reduce((h, ch) => h * 31 + ch.charCodeAt(0), 7) & 0xffff);
    for (let i = 0; i < 25; i++) inputs.push([`random #${i}`, randomValue(random, 0, keys)]);

    for (const [label, payload] of inputs) {
      const reply = await call(name, payload ?? {}, await tokenFor(persona));
      expectCodedReply(reply, `${name} as ${persona.label} with ${label}`);
      // Some inputs are valid, and a valid auth.logout ends the session: sign in again.
      if (reply.body.code === ERRORS.SESSION_INVALID.code || (name === 'auth.logout' && reply.status === 200)) forget(persona);
    }
  });

  it.each(personas.map((p) => [p.label, p] as const))('as %s: allowed or refused exactly as its access rule says', async (_label, persona) => {
    const reply = await call(name, {}, await tokenFor(persona));
    if (name === 'auth.logout') forget(persona);
    expectCodedReply(reply, `${name} as ${persona.label}`);
    const refusedByAccess =
      reply.status >= 400 &&
      (reply.body.code === ERRORS.ROLE_REQUIRED.code || (persona.caller === null && reply.body.code === ERRORS.SESSION_INVALID.code));
    expect(refusedByAccess).toBe(!accessAllows(contract.access, persona.caller));
  });
});
