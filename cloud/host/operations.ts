import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Services } from '../core/services';
import { outboxBacklog } from '../notifications/outbox.storage';
import { pingDatabase } from './operations.storage';
import { schemaState } from '../storage/migrate';

/** What readiness and the metrics look at besides the services. */
export interface OperationsOptions {
  /** The database pool's state (cloud/storage/dialect.ts). */
  poolStats(): { total: number; idle: number; waiting: number };
  /** True once the host has begun to shut down: readiness fails so the balancer stops sending. */
  draining(): boolean;
}

export interface HostMetrics {
  registry: Registry;
  /** Called by the error handler with each error's code. */
  countError(code: number): void;
}

/**
 * Operations endpoints, outside LeanCloud's protocol and without the app signature:
 * - `GET /healthz`: the process answers (liveness; a restart is the cure when it fails);
 * - `GET /readyz`: the database and the object store answer and the schema is the one this
 *   code was written for; 503 with what is wrong otherwise, and while shutting down;
 * - `GET /metrics`: Prometheus text: requests by route and status, latency histograms per
 *   function, errors by code, outbox backlog, database pool, and Node's own.
 * Each registry is the host's own, so several hosts in one test process do not collide.
 */
export function registerOperations(app: FastifyInstance, services: Services, options: OperationsOptions): HostMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'linli_node_' });
  const requests = new Counter({
    name: 'linli_http_requests_total',
    help: 'HTTP requests answered, by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const functionSeconds = new Histogram({
    name: 'linli_function_duration_seconds',
    help: 'Time to answer a cloud function call, by function and outcome',
    labelNames: ['function', 'outcome'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'linli_errors_total',
    help: 'Errors answered, by error code (types/errors.ts)',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'linli_outbox_backlog',
    help: 'Outbox messages still to send, by status',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const backlog = await outboxBacklog(services.db).catch(() => null);
      if (!backlog) return;
      this.set({ status: 'pending' }, backlog.pending);
      this.set({ status: 'sending' }, backlog.sending);
    },
  });
  new Gauge({
    name: 'linli_db_pool_connections',
    help: 'Database pool connections, by state (waiting = queries waiting for one)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = options.poolStats();
      this.set({ state: 'total' }, pool.total);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });

  const functionName = (request: FastifyRequest): string | null => {
    const route = request.routeOptions.url ?? '';
    if (!route.endsWith('/functions/:name') && !route.endsWith('/call/:name')) return null;
    // Only names the host knows become labels: a caller cannot grow the metric without bound.
    return request.functionName ?? 'unknown';
  };
  // Synchronous, like every per-request hook (reply-headers.ts).
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    const fn = functionName(request);
    if (fn) functionSeconds.observe({ function: fn, outcome: reply.statusCode < 400 ? 'ok' : 'error' }, reply.elapsedTime / 1000);
    done();
  });

  app.get('/healthz', { logLevel: 'warn' }, async () => ({ ok: true }));
  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    const checks: Record<string, string> = {};
    if (options.draining()) checks.shutdown = '正在停止';
    await pingDatabase(services.db).then(
      () => undefined,
      () => (checks.database = '数据库不可用'),
    );
    await services.objects.check().then(
      () => undefined,
      () => (checks.objectStore = '文件存储不可用'),
    );
    if (!checks.database) {
      const state = await schemaState(services.db).catch(() => null);
      if (!state) checks.migrations = '无法读取迁移状态';
      else if (state.pending.length) checks.migrations = `有未执行的迁移：${state.pending.join(', ')}`;
      else if (state.unknown.length) checks.migrations = `数据库比程序新：${state.unknown.join(', ')}`;
    }
    const ok = Object.keys(checks).length === 0;
    return reply.status(ok ? 200 : 503).send({ ok, checks });
  });
  app.get('/metrics', { logLevel: 'warn' }, async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()));

  return { registry, countError: (code) => errors.inc({ code: String(code) }) };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The cloud function a call named, once the host found it; a label for the metrics. */
    functionName: string | null;
  }
}
