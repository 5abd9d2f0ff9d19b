import type { FastifyInstance } from 'fastify';

/**
 * Short addresses printed on paper, which must work from any phone camera: they lead into the
 * H5 pages (hash router). Only the code's own shape is let through, so nothing else can be
 * smuggled into the redirect.
 */
export function registerPublicLinks(app: FastifyInstance): void {
  // 防走失 card: /f/<26-character code> → the finder's page.
  app.get('/f/:code', async (request, reply) => {
    const code = String((request.params as { code: string }).code).toUpperCase();
    if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(code)) return reply.redirect('/#/packages/elder/found/index');
    return reply.redirect(`/#/packages/elder/found/index?c=${code}`);
  });
}
