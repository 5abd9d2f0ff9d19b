/**
 * The host under measurement, in a process of its own so the load generator (autocannon,
 * in the parent) never shares its event loop. Prints one JSON line with where it listens,
 * then serves until SIGTERM. Run with `node --cpu-prof` to profile it.
 */
import { loadConfig } from '../cloud/config';
import { startLinli } from '../cloud/start';
import { createTestDatabase } from '../cloud/storage/test-database';

async function main() {
  const database = await createTestDatabase();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'bench',
    PORT: '0',
    DATABASE_URL: database.url,
    LINLI_DEMO_DATA: '1',
    LINLI_LOGIN_RATE_PER_MINUTE: '100000000',
    LINLI_WRITE_RATE_PER_MINUTE: '100000000',
    LINLI_OUTBOX_INTERVAL_MS: '0',
  });
  const linli = await startLinli(config);
  console.log(JSON.stringify({ url: linli.url, appId: config.appId, appKey: config.appKey, kind: database.kind, databaseUrl: database.url }));
  const stop = async () => {
    await linli.close();
    await database.drop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
