import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config';
import { fakeTemplates } from '../notifications/templates';
import { createBucket, startLocalS3, type LocalS3 } from '../testing/s3-server';
import { startFakeWechat, type FakeWechat } from '../wechat/fake-server';
import { startProxy, type Proxy } from './proxy';

/**
 * The production layout without containers, as docker-compose.yml lays it out: a schema
 * migrated by the separate migrate step, several host processes (each refusing a schema
 * not current, as in production), a reverse proxy in front, an S3-compatible object store,
 * and the fake WeChat standing in for api.weixin.qq.com. The database is given (the
 * private PostgreSQL of scripts/pg.sh, or a SQLite file for one host).
 */
export interface ClusterOptions {
  databaseUrl: string;
  hosts?: number;
  /** The proxy's port; 0 = any. */
  port?: number;
  /**
   * The console's own port on the proxy (0 = any): the hosts serve the console only on its
   * own origin (LINLI_CONSOLE_ORIGIN), as in production, never next to the resident pages.
   */
  consolePort?: number;
  /** The console origin's host name, as the browser will send it (default localhost). */
  consoleHostname?: string;
  /** Where the hosts' JSON logs go, one file a host. */
  logDir: string;
  /** Extra environment for every host. */
  env?: Record<string, string>;
}

export interface Cluster {
  /** The resident side: the H5 preview and the API. */
  url: string;
  /** The console's own origin (its pages at /console/, and the API it calls). */
  consoleUrl: string;
  hostUrls: string[];
  fakeWechat: FakeWechat;
  s3: LocalS3;
  bucket: string;
  /** SIGKILL, as a crashed machine or an OOM kill: no shutdown code runs. */
  kill(index: number): void;
  /** Starts a host again on its port and waits until it is ready. */
  restart(index: number): Promise<void>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`host at ${url} exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`host at ${url} not ready in ${timeoutMs} ms`);
}

async function runMigrate(databaseUrl: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cloud/ops/cli.ts', 'migrate'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`npm run migrate failed (${code}): ${output.trim()}`);
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const hostCount = options.hosts ?? 2;
  fs.mkdirSync(options.logDir, { recursive: true });
  const s3 = await startLocalS3({ directory: fs.mkdtempSync(path.join(os.tmpdir(), 'linli-cluster-s3-')) });
  const bucket = 'linli';
  await createBucket(s3, bucket);
  // The fake knows the hosts' subscribe-message templates (their defaults), as WeChat knows the app's.
  const fakeWechat = await startFakeWechat({ templates: fakeTemplates(loadConfig({ NODE_ENV: 'development', ...pickTemplateEnv(process.env) })) });

  // The separate migrate step, the command itself (npm run migrate): hosts never migrate
  // here, and refuse a schema that is not current.
  await runMigrate(options.databaseUrl);

  const ports = await Promise.all(Array.from({ length: hostCount }, freePort));
  const consolePort = options.consolePort || (await freePort());
  const consoleUrl = `http://${options.consoleHostname ?? 'localhost'}:${consolePort}`;
  const hostUrls = ports.map((p) => `http://127.0.0.1:${p}`);
  const children: Array<ChildProcess | null> = ports.map(() => null);
  const spawnHost = (index: number): ChildProcess => {
    const log = fs.openSync(path.join(options.logDir, `host-${index + 1}.log`), 'a');
    const child = spawn(process.execPath, ['--import', 'tsx', 'cloud/main.ts'], {
      cwd: ROOT,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        NODE_ENV: 'cluster',
        HOST: '127.0.0.1',
        PORT: String(ports[index]),
        DATABASE_URL: options.databaseUrl,
        LINLI_AUTO_MIGRATE: '0',
        LINLI_LOG_LEVEL: 'info',
        // The first host loads the demo data; loading is safe to repeat but not to race.
        LINLI_DEMO_DATA: index === 0 ? '1' : '0',
        // The proxy's console port: the Host header the browser sends there is this origin's.
        LINLI_CONSOLE_ORIGIN: consoleUrl,
        WECHAT_API_BASE: fakeWechat.url,
        LINLI_S3_ENDPOINT: s3.endpoint,
        LINLI_S3_ACCESS_KEY_ID: s3.accessKeyId,
        LINLI_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
        LINLI_S3_REGION: s3.region,
        LINLI_S3_BUCKET: bucket,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...options.env,
      },
    });
    fs.closeSync(log);
    children[index] = child;
    return child;
  };

  const started: Array<Promise<void>> = [];
  for (let i = 0; i < hostCount; i++) {
    const child = spawnHost(i);
    // The first host seeds the demo data before the others start.
    if (i === 0) await waitReady(hostUrls[0]!, child);
    else started.push(waitReady(hostUrls[i]!, child));
  }
  await Promise.all(started);
  const proxy: Proxy = await startProxy({ upstreams: () => hostUrls, port: options.port ?? 0, host: '127.0.0.1' });
  // The console's origin: a second listener of the same load balancer in front of the same hosts.
  const consoleProxy: Proxy = await startProxy({ upstreams: () => hostUrls, port: consolePort, host: '127.0.0.1' });

  return {
    url: proxy.url,
    consoleUrl,
    hostUrls,
    fakeWechat,
    s3,
    bucket,
    kill(index) {
      children[index]?.kill('SIGKILL');
    },
    async restart(index) {
      const old = children[index];
      if (old && old.exitCode === null && old.signalCode === null) await new Promise((resolve) => old.once('exit', resolve));
      await waitReady(hostUrls[index]!, spawnHost(index));
    },
    async stop() {
      await proxy.close();
      await consoleProxy.close();
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
      await fakeWechat.close();
      await s3.close();
      fs.rmSync(s3.directory, { recursive: true, force: true });
    },
  };
}

/** The template settings (LINLI_TEMPLATE_*, LINLI_LONG_TERM_TEMPLATES) the hosts will read too. */
function pickTemplateEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => /^LINLI_(TEMPLATE_|LONG_TERM_TEMPLATES)/.test(e[0]) && typeof e[1] === 'string'));
}
