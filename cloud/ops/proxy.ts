import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The small reverse proxy of `npm run cluster`: what a load balancer (nginx, a cloud LB,
 * 微信云托管's gateway) does in front of several hosts. Round robin over the hosts whose
 * /readyz answers 200 (checked every `checkMs`); a request whose connection is refused
 * (a dead host, before its readiness check noticed) goes to the next host, since it never
 * reached the first. A request cut off mid-way is answered 502, as nginx would: it may have
 * run, and only the client can decide to try again. Adds X-Request-Id and X-Forwarded-For.
 */
export interface Proxy {
  url: string;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

export async function startProxy(options: { upstreams: () => string[]; port?: number; host?: string; checkMs?: number }): Promise<Proxy> {
  const ready = new Map<string, boolean>();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;

  const check = async () => {
    await Promise.all(
      options.upstreams().map(async (u) => {
        const ok = await fetch(`${u}/readyz`, { signal: AbortSignal.timeout(1000) }).then(
          (r) => r.ok,
          () => false,
        );
        ready.set(u, ok);
      }),
    );
  };
  await check();
  const timer = setInterval(() => void check(), options.checkMs ?? 500);
  timer.unref();

  const order = (): string[] => {
    const all = options.upstreams();
    const live = all.filter((u) => ready.get(u));
    const pool = live.length ? live : all;
    const start = next++ % pool.length;
    return [...pool.slice(start), ...pool.slice(0, start)];
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers: http.OutgoingHttpHeaders = {};
      for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k) && v !== undefined) headers[k] = v;
      headers['x-request-id'] = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : crypto.randomUUID();
      headers['x-forwarded-for'] = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
      headers['content-length'] = String(body.length);
      const targets = order();
      const attempt = (i: number) => {
        const target = targets[i];
        if (!target) {
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 1, error: '服务暂时不可用，请稍后再试' }));
          return;
        }
        const url = new URL(req.url ?? '/', target);
        const upstream = http.request(
          { host: url.hostname, port: url.port, method: req.method, path: url.pathname + url.search, headers, agent },
          (reply) => {
            const out: http.OutgoingHttpHeaders = {};
            for (const [k, v] of Object.entries(reply.headers)) if (!HOP_BY_HOP.has(k) && v !== undefined) out[k] = v;
            res.writeHead(reply.statusCode ?? 502, out);
            reply.pipe(res);
            reply.on('error', () => res.destroy());
          },
        );
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (res.headersSent) return res.destroy();
          if (error.code === 'ECONNREFUSED') {
            ready.set(target, false);
            return attempt(i + 1);
          }
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 1, error: '服务暂时不可用，请稍后再试' }));
        });
        upstream.end(body);
      };
      attempt(0);
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
    async close() {
      clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
