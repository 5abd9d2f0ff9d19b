import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { systemClock, type Clock } from './core/clock';
import { createDataCipher } from './core/crypto';
import type { Services } from './core/services';
import { seedDemo } from './demo/seed';
import { functions } from './functions';
import { buildHost } from './host/build-host';
import { registerStaticSite } from './host/static-routes';
import { openDatabase, type OpenDatabase } from './storage/dialect';
import { startOutboxWorker } from './notifications/worker';
import { closeStaleResolved } from './petitions/close-stale';
import { runLiveCardsOnce } from './grid/live-cards';
import { migrateToLatest } from './storage/migrate';
import { createWechatClient } from './wechat/client';
import { startFakeWechat, type FakeWechat } from './wechat/fake-server';

export interface Linli {
  host: FastifyInstance;
  services: Services;
  database: OpenDatabase;
  /** The local fake WeChat, when no WECHAT_API_BASE was configured. */
  fakeWechat: FakeWechat | null;
  url: string;
  /** Whether the H5 preview was built and is served at `/`. */
  servesH5: boolean;
  /** Whether the admin console was built and is served at `/console/`. */
  servesConsole: boolean;
  close(): Promise<void>;
}

/**
 * Everything the host needs, wired: database (migrated), WeChat client (to the local fake
 * unless configured), demo data when asked for, and the host listening.
 */
export async function startLinli(
  config: Config,
  options: { clock?: Clock; logger?: boolean; beforeListen?: (host: FastifyInstance) => Promise<void> } = {},
): Promise<Linli> {
  const clock = options.clock ?? systemClock;
  const database = openDatabase(config.databaseUrl);
  const fakeWechat = config.wechatApiBase ? null : await startFakeWechat();
  try {
    await migrateToLatest(database.db);
    const services: Services = {
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
    };
    if (config.demoData) await seedDemo(services);
    const host = await buildHost({ services, functions, logger: options.logger });
    // The console first: its prefix is more specific than the preview's `/`.
    const servesConsole = await registerStaticSite(host, config.consoleDir, '/console/');
    if (servesConsole) host.get('/console', (_request, reply) => reply.redirect('/console/'));
    const servesScreen = await registerStaticSite(host, config.screenDir, '/screen/');
    if (servesScreen) host.get('/screen', (request, reply) => reply.redirect(`/screen/${request.url.slice('/screen'.length)}`));
    const servesH5 = await registerStaticSite(host, config.h5Dir, '/');
    await options.beforeListen?.(host);
    const url = await host.listen({ host: config.host, port: config.port });
    const stopWorker = config.outboxIntervalMs > 0 ? startOutboxWorker(services, config.outboxIntervalMs, [closeStaleResolved, runLiveCardsOnce]) : () => {};
    return {
      host,
      services,
      database,
      fakeWechat,
      url,
      servesH5,
      servesConsole,
      async close() {
        stopWorker();
        await host.close();
        await fakeWechat?.close();
        await database.close();
      },
    };
  } catch (error) {
    await fakeWechat?.close();
    await database.close();
    throw error;
  }
}
