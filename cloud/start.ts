import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { systemClock, type Clock } from './core/clock';
import { createDataCipher } from './core/crypto';
import type { Services } from './core/services';
import { seedDemo } from './demo/seed';
import { functions } from './functions';
import { buildHost } from './host/build-host';
import { separateConsoleOrigin } from './host/console-origin';
import { registerStaticSite } from './host/static-routes';
import { openDatabase, type OpenDatabase } from './storage/dialect';
import { openObjectStore, type ObjectStore } from './files/object-store';
import { startScheduler } from './jobs/scheduler';
import { startOutboxWorker } from './notifications/worker';
import { assertSchemaCurrent, migrateToLatest } from './storage/migrate';
import { fakeTemplates } from './notifications/templates';
import { createWechatClient } from './wechat/client';
import { startFakeWechat, tapFakeSheet, type FakeWechat } from './wechat/fake-server';


export interface Linli {
  host: FastifyInstance;
  services: Services;
  database: OpenDatabase;
  objects: ObjectStore;
  /** The local fake WeChat, when no WECHAT_API_BASE was configured. */
  fakeWechat: FakeWechat | null;
  url: string;
  /** Whether the H5 preview was built and is served at `/`. */
  servesH5: boolean;
  /** Whether the admin console was built and is served at `/console/`. */
  servesConsole: boolean;
  /** Where the console is served: its own origin when configured, else the host's. */
  consoleUrl: string;
  /**
   * Graceful stop: readiness turns 503, the outbox stops taking messages (those taken and
   * not sent go back), requests under way finish (up to config.shutdownGraceMs), then the
   * database closes.
   */
  close(): Promise<void>;
}

/**
 * Everything the host needs, wired: database (migrated), WeChat client (to the local fake
 * unless configured), demo data when asked for, and the host listening.
 */
export async function startLinli(
  config: Config,
  options: {
    clock?: Clock;
    logger?: boolean;
    logStream?: NodeJS.WritableStream;
    beforeListen?: (host: FastifyInstance) => Promise<void>;
    /**
     * Whether `notifications.report` also taps the local fake WeChat (the H5 preview's
     * stand-in sheet needs it). Host tests turn it off and tap the fake themselves, so a
     * report the WeChat client never made earns no credit at the fake, as at WeChat.
     */
    relayFakeTaps?: boolean;
  } = {},
): Promise<Linli> {
  const clock = options.clock ?? systemClock;
  const database = openDatabase(config.databaseUrl);
  const objects = openObjectStore(config);
  const fakeWechat = config.wechatApiBase
    ? null
    : await startFakeWechat({ clock, appId: config.wechatAppId, secret: config.wechatSecret, templates: fakeTemplates(config) });
  try {
    // The embedded default migrates itself; production runs `npm run migrate` first and a
    // host refuses a schema older or newer than its code.
    if (config.autoMigrate) await migrateToLatest(database.db);
    else await assertSchemaCurrent(database.db);
    const services: Services = {
      objects,
      db: database.db,
      clock,
      config,
      cipher: createDataCipher(config.dataKey),
      wechat: createWechatClient({
        baseUrl: config.wechatApiBase ?? fakeWechat!.url,
        appId: config.wechatAppId,
        secret: config.wechatSecret,
        clock,
      }),
      ...(fakeWechat && options.relayFakeTaps !== false && { fakeWechatTap: (openid: string, results: Record<string, string>) => tapFakeSheet(fakeWechat, openid, results) }),
    };
    if (config.demoData) await seedDemo(services);
    let draining = false;
    const host = await buildHost({
      services,
      functions,
      logger: options.logger,
      logStream: options.logStream,
      operations: { poolStats: database.poolStats, draining: () => draining },
    });
    services.log = host.log;
    // In production the console is served only from its own origin (LINLI_CONSOLE_ORIGIN),
    // so a script on a resident-facing page can never read its session.
    if (config.consoleOrigin) separateConsoleOrigin(host, config.consoleOrigin);
    const mayServeConsole = !config.production || config.consoleOrigin !== undefined;
    // The console first: its prefix is more specific than the preview's `/`.
    const servesConsole = mayServeConsole && (await registerStaticSite(host, config.consoleDir, '/console/'));
    if (servesConsole) host.get('/console', (_request, reply) => reply.redirect('/console/'));
    const servesScreen = await registerStaticSite(host, config.screenDir, '/screen/');
    if (servesScreen) host.get('/screen', (request, reply) => reply.redirect(`/screen/${request.url.slice('/screen'.length)}`));
    const servesH5 = await registerStaticSite(host, config.h5Dir, '/');
    await options.beforeListen?.(host);
    const url = await host.listen({ host: config.host, port: config.port });
    // "Own port": the same host also answers on the console's port; the Host header decides
    // what each origin is served (cloud/host/console-origin.ts).
    let consoleServer: http.Server | null = null;
    if (config.consolePort !== undefined) {
      consoleServer = http.createServer((req, res) => host.routing(req, res));
      await new Promise<void>((resolve, reject) => {
        consoleServer!.once('error', reject);
        consoleServer!.listen(config.consolePort, config.host, () => resolve());
      });
    }
    const consoleUrl = config.consoleOrigin ?? url;
    const worker = config.outboxIntervalMs > 0 ? startOutboxWorker(services, config.outboxIntervalMs) : null;
    const scheduler = config.jobIntervalMs > 0 ? startScheduler(services, config.jobIntervalMs) : null;
    let closing: Promise<void> | null = null;
    return {
      host,
      services,
      database,
      objects,
      fakeWechat,
      url,
      servesH5,
      servesConsole,
      consoleUrl,
      close() {
        closing ??= (async () => {
          draining = true;
          await Promise.all([worker?.stop(), scheduler?.stop()]);
          if (consoleServer) {
            consoleServer.closeAllConnections();
            await new Promise((resolve) => consoleServer!.close(resolve));
          }
          // Fastify stops accepting, closes idle keep-alive sockets and waits for requests under way.
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([host.close(), new Promise((resolve) => (timer = setTimeout(resolve, config.shutdownGraceMs)))]);
          clearTimeout(timer);
          await fakeWechat?.close();
          objects.close();
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await fakeWechat?.close();
    objects.close();
    await database.close();
    throw error;
  }
}
