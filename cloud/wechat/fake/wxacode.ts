import QRCode from 'qrcode';
import type { FakeModule } from './state';
import { bodyOf } from './state';

/** getUnlimitedQRCode: a PNG, or JSON with an errcode (scene over 32 characters: 40169). */
export const registerWxaCode: FakeModule = (app, context) => {
  app.post('/wxa/getwxacodeunlimit', async (req, reply) => {
    const { scene, page, width } = bodyOf<{ scene: string; page: string; width: number }>(req);
    const tokenError = context.tokenError(req.query);
    const error = tokenError ?? (!scene || scene.length > 32 ? { errcode: 40169, errmsg: 'invalid length for scene' } : null);
    context.record('getwxacodeunlimit', { scene, page }, error ?? {});
    if (error) return error;
    const png = await QRCode.toBuffer(`${page ?? 'pages/index/index'}?scene=${scene}`, {
      width: Math.min(Math.max(width ?? 430, 280), 1280),
      margin: 2,
    });
    return reply.type('image/png').send(png);
  });
};
