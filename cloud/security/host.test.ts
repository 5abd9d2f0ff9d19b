import crypto from 'node:crypto';
import AV from 'leancloud-storage';
import sharp from 'sharp';
import { ERRORS } from '../../types';
import { auditEntries } from '../audit/audit.storage';
import { deviceSlot } from '../shares/record-visit';
import { anonymous, errorCodeOf, signIn, signInConsole, startTestLinli, type Client, type TestLinli } from '../testing/linli';

/** Issue 12's findings 3–8 against the real host, as an attacker would try them. */
let linli: TestLinli;
beforeAll(async () => {
  linli = await startTestLinli({ LINLI_TRUST_PROXY: '127.0.0.1', LINLI_IMAGE_MAX_PIXELS: '40000000' });
});
afterAll(() => linli.stop());

function signed(extra: Record<string, string> = {}): Record<string, string> {
  const ts = String(Date.now());
  return {
    'x-lc-id': linli.config.appId,
    'x-lc-sign': `${crypto.createHash('md5').update(ts + linli.config.appKey).digest('hex')},${ts}`,
    ...extra,
  };
}

async function post(path: string, body: string | Buffer, headers: Record<string, string>) {
  const response = await fetch(`${linli.url}${path}`, { method: 'POST', headers: signed(headers), body });
  return { status: response.status, body: (await response.json()) as { code?: number; error?: string; result?: unknown } };
}

describe('deeply nested JSON', () => {
  const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

  it('5,000 levels in 25 KB get a coded 400 before any function runs, public or not', async () => {
    for (const name of ['communities.list', 'articles.list', 'users.me']) {
      const r = await post(`/1.1/functions/${name}`, deep(5000), { 'content-type': 'application/json' });
      expect(r).toEqual({ status: 400, body: { code: ERRORS.JSON_TOO_DEEP.code, error: ERRORS.JSON_TOO_DEEP.message } });
    }
    // A million levels (2 MB would pass no body limit; 1 MB of brackets) costs one pass too.
    const huge = await post('/1.1/functions/communities.list', '['.repeat(900_000), { 'content-type': 'application/json' });
    expect(huge.body.code).toBe(ERRORS.JSON_TOO_DEEP.code);
  });

  it('64 levels are still read; brackets inside strings do not count', async () => {
    const r = await post('/1.1/functions/communities.list', deep(64), { 'content-type': 'application/json' });
    expect(r.body.code).not.toBe(ERRORS.JSON_TOO_DEEP.code);
    const text = JSON.stringify({ nickname: '['.repeat(500) });
    const ok = await post('/1.1/functions/communities.list', text, { 'content-type': 'application/json' });
    expect(ok.status).toBe(200);
  });
});

describe('image uploads', () => {
  let resident: Client;
  beforeAll(async () => {
    resident = await signIn('uploader');
  });
  const upload = (bytes: Buffer) => post('/api/uploads', bytes, { 'content-type': 'image/png', 'x-lc-session': resident.token! });

  it('an 8000×8000 PNG of under 1 MB is refused with a coded Chinese error, not a 500', async () => {
    const bomb = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = await upload(bomb);
    expect(r.status).toBe(413);
    expect(r.body.code).toBe(ERRORS.IMAGE_TOO_MANY_PIXELS.code);
    expect(r.body.error).toMatch(/像素/);
  });

  it('decodes at most a few photos at once, and every one of a burst is stored', async () => {
    const { decodeSlots } = await import('../files/uploads');
    const limit = decodeSlots(linli.services);
    const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#3a7' } }).jpeg().toBuffer();
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, limit.activeCount)), 1);
    const results = await Promise.all(Array.from({ length: 8 }, () => upload(photo)));
    clearInterval(watch);
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(linli.config.imageDecodes);
  });
});

describe('console lockout', () => {
  const PASSWORD = 'Linli2026dev';
  const tryLogin = (username: string, password: string, ip: string) =>
    post('/1.1/login', JSON.stringify({ username, password }), { 'content-type': 'application/json', 'x-forwarded-for': ip }).then((r) => r.body.code ?? 0);

  it('30 concurrent guesses cost 30 tries: five are checked, the rest refused unchecked, the right one among them too', async () => {
    const guesses = Array.from({ length: 30 }, (_, i) => (i === 29 ? PASSWORD : `guess-${i}`));
    const codes = await Promise.all(guesses.map((g) => tryLogin('kangle-admin', g, '203.0.113.7')));
    const checked = codes.filter((c) => c !== ERRORS.ACCOUNT_LOCKED.code);
    expect(checked.length).toBe(5);
    // After the storm the address stays locked, even for the right password.
    expect(await tryLogin('kangle-admin', PASSWORD, '203.0.113.7')).toBe(ERRORS.ACCOUNT_LOCKED.code);
    const audit = await auditEntries(linli.services.db, { targetKind: 'account', limit: 20 });
    expect(audit.filter((a) => a.action === 'auth.lock')).toHaveLength(1);
  });

  it('a stranger’s guesses do not lock the admin out from the admin’s own address', async () => {
    for (let i = 0; i < 6; i++) await tryLogin('chaoyang-admin', `wrong-${i}`, '198.51.100.9');
    expect(await tryLogin('chaoyang-admin', PASSWORD, '198.51.100.9')).toBe(ERRORS.ACCOUNT_LOCKED.code);
    expect(await tryLogin('chaoyang-admin', PASSWORD, '192.0.2.44')).toBe(0);
  });

  it('the lock ends after its time, and both the lock and the unlock are audited', async () => {
    for (let i = 0; i < 5; i++) await tryLogin('district-admin', `wrong-${i}`, '198.51.100.20');
    expect(await tryLogin('district-admin', PASSWORD, '198.51.100.20')).toBe(ERRORS.ACCOUNT_LOCKED.code);
    linli.clock.advance(16 * 60_000);
    expect(await tryLogin('district-admin', PASSWORD, '198.51.100.20')).toBe(0);
    const audit = await auditEntries(linli.services.db, { targetKind: 'account', limit: 50 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.lock', 'auth.unlock']));
  });

  it('auth.changePassword counts wrong current passwords the same way', async () => {
    const district = await signInConsole('district-admin', PASSWORD);
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      codes.push(await errorCodeOf(district.call('auth.changePassword', { currentPassword: `nope-${i}`, newPassword: 'Another2026pass' })));
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill(ERRORS.LOGIN_FAILED.code));
    expect(codes.slice(5)).toEqual([ERRORS.ACCOUNT_LOCKED.code, ERRORS.ACCOUNT_LOCKED.code]);
    expect(await errorCodeOf(district.call('auth.changePassword', { currentPassword: PASSWORD, newPassword: 'Another2026pass' }))).toBe(
      ERRORS.ACCOUNT_LOCKED.code,
    );
  });
});

describe('headers', () => {
  it('every reply says nosniff and a referrer policy; an error page too', async () => {
    const r = await fetch(`${linli.url}/api/functions`);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('same-origin');
    const missing = await fetch(`${linli.url}/api/nothing-here`);
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('outside production any origin may call; in production only the configured ones', async () => {
    const preflight = (origin: string) =>
      fetch(`${linli.url}/1.1/functions/communities.list`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await preflight('http://evil.example')).headers.get('access-control-allow-origin')).toBe('http://evil.example');
    // The production rule itself, without the rest of production's start-up checks.
    const production = { ...linli.config, production: true, corsOrigins: '*' as const, consoleOrigin: 'https://console.linli.example' };
    const { buildHost } = await import('../host/build-host');
    const { functions } = await import('../functions');
    const host = await buildHost({ services: { ...linli.services, config: production }, functions });
    const ask = (origin: string) =>
      host.inject({ method: 'OPTIONS', url: '/1.1/functions/communities.list', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await ask('http://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
    expect((await ask('https://console.linli.example')).headers['access-control-allow-origin']).toBe('https://console.linli.example');
    await host.close();
  });
});

describe('rate limits behind the district’s proxy', () => {
  let limited: TestLinli;
  beforeAll(async () => {
    await linli.stop();
    limited = await startTestLinli({ LINLI_TRUST_PROXY: '127.0.0.1', LINLI_LOGIN_RATE_PER_MINUTE: '3', LINLI_WRITE_RATE_PER_MINUTE: '2' });
  });
  afterAll(async () => {
    await limited.stop();
    // The outer afterAll stops `linli` again; give it a fresh one to stop.
    linli = await startTestLinli();
  });
  const login = (ip: string) =>
    fetch(`${limited.url}/1.1/login`, {
      method: 'POST',
      headers: { ...signedFor(limited), 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ username: 'nobody', password: 'x' }),
    }).then(async (r) => ((await r.json()) as { code: number }).code);

  it('anonymous calls count per real client address from X-Forwarded-For', async () => {
    const a = [await login('203.0.113.1'), await login('203.0.113.1'), await login('203.0.113.1'), await login('203.0.113.1')];
    expect(a.slice(0, 3)).toEqual(Array(3).fill(ERRORS.LOGIN_FAILED.code));
    expect(a[3]).toBe(ERRORS.RATE_LIMITED.code);
    // A neighbour behind the same proxy still has their own budget.
    expect(await login('203.0.113.2')).toBe(ERRORS.LOGIN_FAILED.code);
  });

  it('signed-in calls count per user: one resident’s writes do not spend another’s', async () => {
    AV.init({ appId: limited.config.appId, appKey: limited.config.appKey, serverURL: limited.url });
    const [one, two] = [await signIn('busy-1'), await signIn('busy-2')];
    const write = (c: Client, i: number) => c.call('users.updateProfile', { nickname: `居民${i}` }).then(() => 0, (e: { code: number }) => e.code);
    expect([await write(one, 1), await write(one, 2), await write(one, 3)]).toEqual([0, 0, ERRORS.RATE_LIMITED.code]);
    expect(await write(two, 1)).toBe(0);
    // A second session of the same person shares that person's budget.
    const oneAgain = await signIn('busy-1');
    expect(await write(oneAgain, 4)).toBe(ERRORS.RATE_LIMITED.code);
  });
});

function signedFor(l: TestLinli): Record<string, string> {
  const ts = String(Date.now());
  return { 'x-lc-id': l.config.appId, 'x-lc-sign': `${crypto.createHash('md5').update(ts + l.config.appKey).digest('hex')},${ts}` };
}

describe('share visits', () => {
  it('two anonymous visits from one phone count once, two phones twice, as the mini-program sends its device id', async () => {
    const grid = await signIn('grid');
    const article = (await anonymous.call('articles.list', {})).items[1]!;
    // Two phones on one family's wifi, with ids that fall in different slots of the address.
    const phoneA = 'a'.repeat(24);
    const phoneB = Array.from({ length: 100 }, (_, i) => `b${String(i).padStart(23, '0')}`).find((d) => deviceSlot(d) !== deviceSlot(phoneA))!;
    const open = (device: string) =>
      post('/1.1/functions/articles.get', JSON.stringify({ id: article.id, sharer: grid.userId, device }), {
        'content-type': 'application/json',
        'x-forwarded-for': '198.51.100.78',
      });
    const visits = async () => (await grid.call('shares.mine')).find((r) => r.targetId === article.id)?.visits ?? 0;
    await open(phoneA);
    await open(phoneA);
    expect(await visits()).toBe(1);
    await open(phoneB);
    expect(await visits()).toBe(2);
    // The same two phones on another card of the same sharer count there on their own.
    const event = (await anonymous.call('events.list', {})).items[0]!;
    for (const device of [phoneA, phoneA, phoneB]) {
      await post('/1.1/functions/events.get', JSON.stringify({ id: event.id, sharer: grid.userId, device }), {
        'content-type': 'application/json',
        'x-forwarded-for': '198.51.100.78',
      });
    }
    expect((await grid.call('shares.mine')).find((r) => r.targetId === event.id)?.visits).toBe(2);
  });

  it('an anonymous reader counts once per card and device, a few devices at most per address; unknown sharers count nothing', async () => {
    const grid = await signIn('grid');
    const article = (await anonymous.call('articles.list', {})).items[0]!;
    const open = (device?: string, sharer = grid.userId!) =>
      post('/1.1/functions/articles.get', JSON.stringify({ id: article.id, sharer, ...(device ? { device } : {}) }), {
        'content-type': 'application/json',
        'x-forwarded-for': '198.51.100.77',
      });
    for (let i = 0; i < 20; i++) await open();
    const visits = async () => (await grid.call('shares.mine')).find((r) => r.targetId === article.id)?.visits ?? 0;
    expect(await visits()).toBe(1);
    for (let i = 0; i < 50; i++) await open(`device-${i}`);
    expect(await visits()).toBeLessThanOrEqual(1 + 8);
    const before = await visits();
    await open('device-x', 'no-such-user');
    expect(await visits()).toBe(before);
  });
});

describe('the console on its own origin', () => {
  it('serves the console only on the console host, and the resident pages never there', async () => {
    const host = await import('../host/console-origin');
    const Fastify = (await import('fastify')).default;
    const app = Fastify();
    host.separateConsoleOrigin(app, 'https://console.linli.example');
    app.get('/', async () => 'h5');
    app.get('/console/', async () => 'console');
    app.get('/api/functions', async () => 'api');
    const on = (hostName: string, url: string) => app.inject({ method: 'GET', url, headers: { host: hostName } });
    expect((await on('console.linli.example', '/console/')).body).toBe('console');
    expect((await on('console.linli.example', '/')).headers.location).toBe('/console/');
    expect((await on('console.linli.example', '/api/functions')).body).toBe('api');
    expect((await on('linli.example', '/')).body).toBe('h5');
    expect((await on('linli.example', '/console/')).headers.location).toBe('https://console.linli.example/console/');
    await app.close();
  });
});
