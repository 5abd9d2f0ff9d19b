import fs from 'node:fs';
import path from 'node:path';
import { DEMO_ACCOUNTS } from '../demo/personas';
import { startCluster } from './cluster';

/**
 * `npm run cluster`: scripts/cluster.sh starts the private PostgreSQL and runs this with
 * DATABASE_URL pointing at it. Two hosts behind the proxy: the resident side at PORT
 * (default 3000), the console on its own origin at CONSOLE_PORT (default PORT + 1).
 */
async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (scripts/cluster.sh sets it)');
  const logDir = path.resolve('.data/cluster/logs');
  fs.mkdirSync(logDir, { recursive: true });
  const port = Number(process.env.PORT ?? 3000);
  const consolePort = Number(process.env.CONSOLE_PORT ?? (port ? port + 1 : 0));
  const cluster = await startCluster({ databaseUrl, hosts: Number(process.env.LINLI_CLUSTER_HOSTS ?? 2), port, consolePort, logDir });
  const url = cluster.url.replace('127.0.0.1', 'localhost');
  console.log(
    [
      '',
      '邻里通 Linli cluster is running (the production layout, without containers)',
      `  reverse proxy             ${url}/  (H5 preview, the LeanCloud protocol)`,
      `  console (own origin)      ${cluster.consoleUrl}/console/`,
      ...cluster.hostUrls.map((h, i) => `  host ${i + 1}                    ${h}  (/healthz /readyz /metrics)`),
      `  database                  ${databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`,
      `  object store              ${cluster.s3.endpoint} bucket ${cluster.bucket}`,
      `  WeChat server API         local fake at ${cluster.fakeWechat.url}`,
      `  host logs (JSON)          ${logDir}`,
      `  demo console accounts     ${DEMO_ACCOUNTS.map((a) => `${a.username} / ${a.password}`).join(', ')}`,
      '  Ctrl+C stops everything (the data is temporary).',
      '',
    ].join('\n'),
  );
  const stop = () => void cluster.stop().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
