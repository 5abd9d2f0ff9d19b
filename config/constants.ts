/**
 * Build-time settings of the mini-program, read from the environment when Taro builds.
 * Values become `defineConstants`, i.e. literals in the bundle: nothing here is secret
 * (the app key only signs requests, as in LeanCloud).
 *
 * LINLI_SERVER_URL  host base URL; H5 defaults to the page's own origin, a development
 *                   weapp to http://127.0.0.1:3000 (`npm start`). A production weapp
 *                   (NODE_ENV=production, what `npm run build:weapp` makes) needs an
 *                   https URL: WeChat calls only https domains listed in its admin console.
 * LINLI_APP_ID      defaults to linli-dev-app
 * LINLI_APP_KEY     defaults to linli-dev-key; a production weapp refuses the default
 * LINLI_DEV_LOGIN   '1' shows the persona picker (dev:<name> codes, accepted only by the
 *                   fake WeChat); defaults to on for H5 builds (the developer preview) and
 *                   for development weapp builds (WeChat DevTools against `npm start`),
 *                   off for production weapp builds, which refuse it.
 */
export const DEV_APP_KEY = 'linli-dev-key';

export function buildConstants(env: NodeJS.ProcessEnv, taroEnv: string): Record<string, string> {
  const isH5 = taroEnv === 'h5';
  const productionWeapp = taroEnv === 'weapp' && env.NODE_ENV === 'production';
  const devLogin = env.LINLI_DEV_LOGIN === undefined ? isH5 || !productionWeapp : env.LINLI_DEV_LOGIN === '1';
  const serverUrl = env.LINLI_SERVER_URL ?? (isH5 ? '' : 'http://127.0.0.1:3000');
  const appKey = env.LINLI_APP_KEY ?? DEV_APP_KEY;
  if (productionWeapp) {
    const problems: string[] = [];
    if (!env.LINLI_SERVER_URL) problems.push('未设置 LINLI_SERVER_URL（正式版小程序要连接的 https 服务器地址）');
    else if (!/^https:\/\/[^/]+/.test(serverUrl)) problems.push(`LINLI_SERVER_URL 必须是 https 地址，现在是 ${serverUrl}`);
    if (appKey === DEV_APP_KEY) problems.push('LINLI_APP_KEY 仍是开发默认值');
    if (devLogin) problems.push('正式版不能开启体验身份（LINLI_DEV_LOGIN=1）');
    if (problems.length) throw new Error(`正式版小程序构建被拒绝：\n- ${problems.join('\n- ')}\n开发调试请用 npm run dev:weapp。`);
  }
  return {
    LINLI_SERVER_URL: JSON.stringify(serverUrl),
    LINLI_APP_ID: JSON.stringify(env.LINLI_APP_ID ?? 'linli-dev-app'),
    LINLI_APP_KEY: JSON.stringify(appKey),
    LINLI_DEV_LOGIN: JSON.stringify(devLogin),
  };
}
