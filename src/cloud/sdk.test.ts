/**
 * The client with the real leancloud-storage SDK (browser adapters, as in the H5 preview)
 * against a small HTTP server that answers as the host does. It checks what the mocked
 * tests take for granted: the SDK's error shape, keepErrorRawMessage, and the re-login.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Seen {
  method: string;
  path: string;
  session: string | undefined;
  body: string;
}

let server: http.Server;
let seen: Seen[] = [];
let answer: (req: Seen) => { status: number; body: unknown };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', '*');
      res.setHeader('Access-Control-Allow-Methods', 'GET,POST,PUT,DELETE,OPTIONS');
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
      const request = {
        method: req.method ?? '',
        path: (req.url ?? '').split('?')[0] ?? '',
        session: req.headers['x-lc-session'] as string | undefined,
        body,
      };
      seen.push(request);
      const reply = answer(request);
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (globalThis as { LINLI_SERVER_URL?: string }).LINLI_SERVER_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen = [];
  localStorage.clear();
  jest.resetModules();
});

function load() {
  return {
    ...(require('./client') as typeof import('./client')),
    ...(require('./session') as typeof import('./session')),
  };
}

let sessions = 0;
const login = () => ({ status: 201, body: { objectId: 'u1', sessionToken: `token-${++sessions}`, createdAt: '2026-11-26T00:00:00.000Z' } });

describe('with the real SDK', () => {
  it('surfaces the host’s Chinese message as is, without the SDK’s “[400 POST …]” suffix', async () => {
    answer = () => ({ status: 400, body: { code: 1201, error: '所选社区不存在，请重新选择' } });
    const { call } = load();
    await expect(call('users.updateProfile', { homeCommunityId: 'nope' })).rejects.toMatchObject({
      name: 'AppError',
      kind: 'COMMUNITY_NOT_FOUND',
      message: '所选社区不存在，请重新选择',
    });
  });

  it('signs a persona in through /1.1/users with an lc_weapp code', async () => {
    answer = login;
    const { signInAsPersona, getSession } = load();
    await signInAsPersona('dev:resident');
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/1.1/users' });
    expect(JSON.parse(seen[0]?.body ?? '{}')).toMatchObject({ authData: { lc_weapp: { code: 'dev:resident' } } });
    expect(getSession()).toMatchObject({ status: 'signedIn', userId: 'u1' });
  });

  it('after a 211, forgets the dead user, signs in again without its token and retries with the new session', async () => {
    answer = login;
    const { call, signInAsPersona } = load();
    await signInAsPersona('dev:resident');
    const firstToken = `token-${sessions}`;
    // As the host: a dead token gets 211 on every call; sign-in ignores it.
    const live = new Set<string>();
    answer = (req) => {
      if (req.path === '/1.1/users') {
        const reply = login();
        live.add(reply.body.sessionToken);
        return reply;
      }
      if (!req.session || !live.has(req.session)) return { status: 401, body: { code: 211, error: '登录已失效，请重新登录' } };
      return { status: 200, body: { result: { nickname: '王秀兰' } } };
    };
    await expect(call('users.me', {})).resolves.toEqual({ nickname: '王秀兰' });
    const calls = seen.filter((s) => s.path === '/1.1/functions/users.me');
    expect(calls.map((c) => c.session)).toEqual([firstToken, `token-${sessions}`]);
    const relogin = seen.filter((s) => s.path === '/1.1/users').at(-1)!;
    expect(relogin.session).toBeUndefined();
  });
});
