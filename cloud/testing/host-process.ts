/**
 * The real host in a process of its own, on the database named by DATABASE_URL, for tests
 * that must kill it (`kill -9`) mid-write. Prints one JSON line with its URL and app key.
 */
import { loadConfig } from '../config';
import { startLinli } from '../start';

async function main() {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: process.env.DATABASE_URL,
    LINLI_DEMO_DATA: '1',
    LINLI_LOGIN_RATE_PER_MINUTE: '100000',
    LINLI_WRITE_RATE_PER_MINUTE: '100000',
    LINLI_OUTBOX_INTERVAL_MS: '0',
  });
  const linli = await startLinli(config);
  console.log(JSON.stringify({ url: linli.url, appId: config.appId, appKey: config.appKey }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
