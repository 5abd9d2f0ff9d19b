import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_ACCOUNTS } from '../demo/personas';
import { createTestDatabase, type TestDatabase } from '../storage/test-database';
import { startCluster, type Cluster } from './cluster';

/**
 * `npm run cluster`'s layout as a user meets it: the hosts behind the proxy with the demo
 * data, each host's probes, and the console on its own origin next to the resident side.
 * Two hosts on PostgreSQL; on SQLite one (a SQLite file has one writer process).
 *
 * The console pages here are a small stand-in build (LINLI_CONSOLE_DIR): the cloud suites
 * run before the real console is built, and what is under test is which origin serves it
 * and that the console's API calls work there. The real build is opened in e2e/.
 */
jest.setTimeout(240_000);

let database: TestDatabase;
let cluster: Cluster;
let consoleDir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  consoleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-cluster-console-'));
  fs.writeFileSync(path.join(consoleDir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><title>邻里通管理后台</title></head><body><div id="root"></div></body></html>');
  cluster = await startCluster({
    databaseUrl: database.url,
    hosts: database.kind === 'postgres' ? 2 : 1,
    logDir: fs.mkdtempSync(path.join(os.tmpdir(), 'linli-cluster-logs-')),
    consoleHostname: '127.0.0.1',
    env: { LINLI_CONSOLE_DIR: consoleDir, LINLI_OUTBOX_INTERVAL_MS: '0', LINLI_JOB_INTERVAL_MS: '0' },
  });
});
afterAll(async () => {
  await cluster?.stop();
  await database?.drop();
  fs.rmSync(consoleDir, { recursive: true, force: true });
});

function headers(token?: string) {
  const ts = String(Date.now());
  return {
    'content-type': 'application/json',
    'x-lc-id': 'linli-dev-app',
    'x-lc-sign': `${crypto.createHash('md5').update(ts + 'linli-dev-key').digest('hex')},${ts}`,
    ...(token && { 'x-lc-session': token }),
  };
}

describe('npm run cluster', () => {
  it('answers residents through the proxy with the 上街区 demo data', async () => {
    const r = await fetch(`${cluster.url}/1.1/functions/articles.list`, { method: 'POST', headers: headers(), body: '{}' });
    expect(r.status).toBe(200);
    const { result } = (await r.json()) as { result: { items: Array<{ title: string }> } };
    expect(result.items.map((a) => a.title)).toContain('朝阳社区新党群服务中心：19间功能室向居民开放');
  });

  it('each host is live, ready and exposes its metrics', async () => {
    for (const host of cluster.hostUrls) {
      expect((await fetch(`${host}/healthz`)).status).toBe(200);
      const ready = await fetch(`${host}/readyz`);
      expect(ready.status).toBe(200);
      const metrics = await (await fetch(`${host}/metrics`)).text();
      expect(metrics).toContain('linli_http_requests_total');
      expect(metrics).toContain('linli_outbox_backlog');
    }
  });

  describe('the console', () => {
    it('is served on its own origin, where an admin signs in', async () => {
      const page = await fetch(`${cluster.consoleUrl}/console/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('邻里通管理后台');
      const admin = DEMO_ACCOUNTS[0]!;
      const login = await fetch(`${cluster.consoleUrl}/1.1/login`, {
        method: 'POST',
        headers: { ...headers(), origin: cluster.consoleUrl },
        body: JSON.stringify({ username: admin.username, password: admin.password }),
      });
      expect(login.status).toBe(200);
      const { sessionToken } = (await login.json()) as { sessionToken: string };
      const list = await fetch(`${cluster.consoleUrl}/1.1/functions/articles.adminList`, { method: 'POST', headers: { ...headers(sessionToken), origin: cluster.consoleUrl }, body: '{}' });
      expect(list.status).toBe(200);
    });

    it('is not served next to the resident pages: the resident side sends it to its origin', async () => {
      const r = await fetch(`${cluster.url}/console/`, { redirect: 'manual' });
      expect(r.status).toBe(302);
      expect(r.headers.get('location')).toBe(`${cluster.consoleUrl}/console/`);
    });

    it('its origin serves nothing but the console and the API', async () => {
      const r = await fetch(`${cluster.consoleUrl}/`, { redirect: 'manual' });
      expect(r.status).toBe(302);
      expect(r.headers.get('location')).toBe('/console/');
    });
  });
});
