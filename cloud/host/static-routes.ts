import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves a built front end (the H5 preview at `/`, later the console) from a folder, if it
 * has been built. File names under js/ and css/ carry content hashes, so they are cached
 * for good; index.html never is, so a new build shows at the next reload.
 */
export async function registerStaticSite(app: FastifyInstance, dir: string, prefix: string): Promise<boolean> {
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    prefix,
    decorateReply: false,
    index: ['index.html'],
    setHeaders(res, file) {
      const immutable = /[\\/](js|css|static)[\\/]/.test(path.relative(root, file)) || /\.[0-9a-f]{8,}\./.test(file);
      res.header('cache-control', file.endsWith('.html') ? 'no-cache' : immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    },
  });
  return true;
}
