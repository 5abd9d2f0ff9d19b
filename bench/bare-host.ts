/**
 * The baseline for bench/startup.ts: Fastify with the bare route and nothing else, started
 * the same way as the host, printing one line when it listens.
 */
import Fastify from 'fastify';

async function main() {
  const app = Fastify();
  app.get('/api/health', async () => ({ ok: true }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(JSON.stringify({ url }));
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
