import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { openDatabase } from './dialect';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * What a sign-up answered with 200 is in the database, even when the host is killed with
 * SIGKILL while other sign-ups are still in flight. On SQLite this is the promise of WAL
 * with synchronous=NORMAL (a commit is in the WAL, in the OS's cache, before the answer);
 * on PostgreSQL the server holds the commit.
 */
jest.setTimeout(180_000);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

interface Host {
  url: string;
  appId: string;
  appKey: string;
}

function startHost(): Promise<{ host: Host; kill: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../testing/host-process.ts')], {
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
    readline.createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve({
        host: JSON.parse(line) as Host,
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      }),
    );
  });
}

function client(host: Host) {
  const headers = (token?: string) => {
    const ts = String(Date.now());
    return {
      'content-type': 'application/json',
      'x-lc-id': host.appId,
      'x-lc-sign': `${crypto.createHash('md5').update(ts + host.appKey).digest('hex')},${ts}`,
      ...(token ? { 'x-lc-session': token } : {}),
    };
  };
  return {
    async login(persona: string): Promise<string> {
      const r = await fetch(`${host.url}/1.1/users`, { method: 'POST', headers: headers(), body: JSON.stringify({ authData: { lc_weapp: { code: `dev:${persona}` } } }) });
      return ((await r.json()) as { sessionToken: string }).sessionToken;
    },
    async call<T>(name: string, params: unknown, token: string): Promise<{ status: number; result?: T }> {
      const r = await fetch(`${host.url}/1.1/functions/${name}`, { method: 'POST', headers: headers(token), body: JSON.stringify(params) });
      const body = (await r.json()) as { result?: T };
      return { status: r.status, result: body.result };
    },
  };
}

describe('when the host is killed with SIGKILL in the middle of sign-ups', () => {
  it('every sign-up it answered is stored, and no seat is counted twice or lost', async () => {
    const { host, kill } = await startHost();
    const api = client(host);
    const admin = await api.login('admin');
    const start = new Date(Date.now() + 3 * 24 * 3_600_000);
    const created = await api.call<{ id: string }>(
      'events.create',
      { title: '爱心义诊进社区', category: '义诊', scopeId: 'chaoyang', organizer: '朝阳社区党委', venue: '党群服务中心', startsAt: start, endsAt: new Date(start.getTime() + 3 * 3_600_000), capacity: 20 },
      admin,
    );
    const eventId = created.result!.id;
    await api.call('events.publish', { id: eventId }, admin);
    const tokens = await Promise.all(Array.from({ length: 80 }, (_, i) => api.login(`durable-${i}`)));

    const answered: string[] = [];
    let killing: Promise<void> | null = null;
    await Promise.all(
      tokens.map(async (token) => {
        try {
          const reply = await api.call<{ id: string }>('events.register', { eventId }, token);
          if (reply.status !== 200) return;
          answered.push(reply.result!.id);
          if (answered.length === 10) killing = kill();
        } catch {
          // the connection died with the host: not answered, so nothing is promised
        }
      }),
    );
    await (killing ?? kill());
    expect(answered.length).toBeGreaterThanOrEqual(10);

    const { db, close } = openDatabase(database.url);
    try {
      const stored = await db.selectFrom('event_registrations').select(['id', 'status']).where('event_id', '=', eventId).execute();
      const storedIds = new Set(stored.map((r) => r.id));
      expect(answered.filter((id) => !storedIds.has(id))).toEqual([]);
      const event = await db.selectFrom('events').select(['confirmed_count']).where('id', '=', eventId).executeTakeFirstOrThrow();
      const confirmed = stored.filter((r) => r.status === 'confirmed').length;
      expect(event.confirmed_count).toBe(confirmed);
      expect(confirmed).toBeLessThanOrEqual(20);
    } finally {
      await close();
    }
  });
});
