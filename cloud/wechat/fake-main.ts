import { loadConfig } from '../config';
import { fakeTemplates } from '../notifications/templates';
import { startFakeWechat } from './fake-server';

/**
 * The fake WeChat on its own, for docker-compose.yml's trial layout (several hosts need one
 * fake between them): `node cloud/wechat/fake-main.js` in the image, on PORT (default 8090).
 * Never point a real deployment at it: WECHAT_API_BASE is https://api.weixin.qq.com there.
 */
async function main() {
  const templates = fakeTemplates(loadConfig({ ...process.env, NODE_ENV: 'development' }));
  const fake = await startFakeWechat({ port: Number(process.env.PORT ?? 8090), host: process.env.HOST ?? '127.0.0.1', templates });
  console.log(JSON.stringify({ msg: 'fake WeChat listening', url: fake.url }));
  const stop = () => void fake.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
