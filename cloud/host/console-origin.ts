import type { FastifyInstance } from 'fastify';

/**
 * Keeps the console and the resident-facing pages on different origins. The console keeps
 * its session in localStorage, which any script on its origin can read; so on the console's
 * origin only the console (and the API it calls) is served, and on every other origin the
 * console is not. The origin is told apart by the Host header the browser sent (a browser
 * cannot send another site's Host), so it works for a host name behind a proxy and for an
 * own port alike.
 */
export function separateConsoleOrigin(app: FastifyInstance, consoleOrigin: string): void {
  const consoleHost = new URL(consoleOrigin).host.toLowerCase();
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const api = path.startsWith('/1.1/') || path.startsWith('/api/');
    const consolePage = path === '/console' || path.startsWith('/console/');
    const onConsoleOrigin = sameHost(request.host, consoleHost);
    if (onConsoleOrigin && !api && !consolePage) {
      return reply.redirect('/console/', 302);
    }
    if (!onConsoleOrigin && consolePage) {
      return reply.redirect(`${consoleOrigin}/console/`, 302);
    }
  });
}

function sameHost(requestHost: string | undefined, consoleHost: string): boolean {
  if (!requestHost) return false;
  const h = requestHost.toLowerCase();
  // http://example:80 and https://example:443 arrive without the port.
  return h === consoleHost || h === consoleHost.replace(/:(80|443)$/, '');
}
