import type { FastifyInstance } from 'fastify';
import type { ShareTargetKind } from '../../types/grid-model';
import { AppError } from '../../types';
import type { Services } from '../core/services';
import { cardFacts } from './card-facts';
import { renderShareCard } from './share-card-image';

const KINDS: readonly ShareTargetKind[] = ['event', 'article', 'honor'];

/**
 * `GET /api/share-cards/:kind/:id.png`: the 5:4 card image. Public, as WeChat fetches it for
 * everyone in the chat; it shows only what the public page shows. Drawn fresh each time so
 * the seats left are today's; clients may cache it for a minute.
 */
export async function registerCardRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/api/share-cards/:kind/:file', async (request, reply) => {
    const { kind, file } = request.params as { kind: string; file: string };
    const id = file.replace(/\.png$/, '');
    if (!KINDS.includes(kind as ShareTargetKind) || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new AppError('NOT_FOUND');
    const facts = await cardFacts(services, kind as ShareTargetKind, id);
    if (!facts) throw new AppError('SHARE_TARGET_UNAVAILABLE');
    const png = await renderShareCard(facts);
    return reply.type('image/png').header('cache-control', 'public, max-age=60').send(png);
  });
}
