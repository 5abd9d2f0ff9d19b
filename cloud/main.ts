import { loadConfig } from './config';
import { DEMO_ACCOUNTS } from './demo/personas';
import { startLinli } from './start';

/** `npm start`: the host on the embedded SQLite (or DATABASE_URL) with demo data and the fake WeChat. */
async function main() {
  const config = loadConfig();
  // JSON logs at config.logLevel (info in production, warn in development).
  const linli = await startLinli(config, { logger: true });
  const url = linli.url.replace('127.0.0.1', 'localhost');
  const lines = [
    '',
    '邻里通 Linli is running',
    linli.servesH5 ? `  open the H5 preview      ${url}/` : '  H5 preview               not built (npm run build:h5)',
    linli.servesConsole ? `  admin console            ${url}/console/` : '  admin console            not built (npm run build:console)',
    `  host (LeanCloud protocol) ${url}`,
    `  database                  ${linli.database.kind}: ${linli.database.description}`,
    `  function catalog          ${url}/api/functions`,
    `  app id / app key          ${config.appId} / ${config.appKey}`,
    `  WeChat server API         ${linli.fakeWechat ? `local fake at ${linli.fakeWechat.url}` : config.wechatApiBase}`,
  ];
  if (config.demoData) {
    lines.push('  demo WeChat logins        dev:resident dev:grid dev:agent dev:admin dev:district');
    lines.push(`  demo console accounts     ${DEMO_ACCOUNTS.map((a) => `${a.username} / ${a.password}`).join(', ')}`);
  }
  if (config.production) linli.host.log.info({ database: linli.database.kind, objects: linli.objects.kind }, 'host ready');
  else console.log(lines.join('\n') + '\n');
  // SIGTERM (docker stop, a redeploy): finish what is under way, give back outbox work, exit.
  const stop = async () => {
    await linli.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') {
    const port = Number(process.env.PORT ?? 3000);
    console.error(`Port ${port} is already in use. Choose another, e.g.:  PORT=${port + 1} npm start`);
    process.exit(1);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
