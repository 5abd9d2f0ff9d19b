import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../types';
import { isPublicArticleFile } from '../articles/lib/article-files';
import type { Services } from '../core/services';
import { getFileRow } from '../files/files.storage';
import { ObjectNotFound } from '../files/object-store';
import { MAX_UPLOAD_BYTES, storeUpload, verifyFileSignature } from '../files/uploads';

/**
 * Photo upload and download. Upload: `POST /api/uploads`, signed like any SDK request and
 * with a session, the photo as multipart field `file` (Taro.uploadFile) or as a raw
 * image body. Download: `GET /api/files/:id?e=…&s=…`, a link the domain signed after
 * checking who may see the file; or `GET /api/files/:id` for a picture of a published
 * article (articles/article-files.ts).
 */
export async function registerFileRoutes(
  app: FastifyInstance,
  services: Services,
  authenticate: (request: FastifyRequest) => Promise<void>,
  writesPerMinute: number,
): Promise<void> {
  await app.register(async (files) => {
    await files.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });
    files.addContentTypeParser(/^image\//, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));

    files.post(
      '/api/uploads',
      { preHandler: authenticate, bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024, config: { rateLimit: { max: writesPerMinute, timeWindow: 60_000 } } },
      async (request) => {
        if (!request.caller) throw new AppError('SESSION_INVALID', '请先登录');
        let bytes: Buffer;
        if (request.isMultipart()) {
          const part = await request.file();
          if (!part) throw new AppError('INVALID_INPUT', '没有收到照片');
          bytes = await part.toBuffer().catch((error: { code?: string }) => {
            throw error.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('FILE_TOO_LARGE') : error;
          });
        } else if (Buffer.isBuffer(request.body)) {
          bytes = request.body;
        } else {
          throw new AppError('FILE_TYPE_NOT_ALLOWED');
        }
        return { result: await storeUpload(services, request.caller.id, bytes) };
      },
    );

    files.get('/api/files/:id', async (request, reply) => {
      const { id } = request.params as { id: string };
      const { e, s } = request.query as { e?: string; s?: string };
      const signed = !!s && verifyFileSignature(services, id, Number(e), s);
      const row = await getFileRow(services.db, id);
      if (!row || !(signed || (!s && (await isPublicArticleFile(services, row))))) throw new AppError('FILE_NOT_FOUND');
      const object = await services.objects.get(row.path).catch((error: unknown) => {
        if (error instanceof ObjectNotFound) throw new AppError('FILE_NOT_FOUND');
        throw error;
      });
      if (row.download_name) reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.download_name)}`);
      return reply
        .type(row.mime)
        .header('content-length', object.size)
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(object.body);
    });
  });
}
