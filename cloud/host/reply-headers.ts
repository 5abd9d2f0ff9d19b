import type { FastifyInstance } from 'fastify';

/**
 * The page policy for everything the host serves as HTML (the H5 preview, the console):
 * scripts only from our own files, never inline (the H5 build's one inline script was moved
 * into the bundle, see src/platform/h5-root-font.ts; Vite's build has none); no framing by
 * anyone; styles may be inline because antd and Taro set style attributes at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The headers every reply carries, in one synchronous hook (each async hook costs every
 * request a promise and a turn of the microtask queue): the request id, the security
 * headers, the CSP and X-Frame-Options on HTML pages, and `Connection: close` while the host
 * is draining, so keep-alive sockets do not hold the stop up.
 */
export function registerReplyHeaders(app: FastifyInstance, draining: () => boolean): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-frame-options', 'DENY');
    }
    if (draining()) reply.header('connection', 'close');
    done(null, payload);
  });
}
