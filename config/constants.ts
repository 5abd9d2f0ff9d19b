/**
 * Build-time settings of the mini-program, read from the environment when Taro builds.
 * Values become `defineConstants`, i.e. literals in the bundle: nothing here is secret
 * (the app key only signs requests, as in LeanCloud).
 *
 * LINLI_SERVER_URL  host base URL; H5 defaults to the page's own origin, weapp to
 *                   http://127.0.0.1:3000 (the host in development).
 * LINLI_APP_ID      defaults to linli-dev-app
 * LINLI_APP_KEY     defaults to linli-dev-key
 * LINLI_DEV_LOGIN   '1' shows the persona picker (dev:<name> codes, accepted only by the
 *                   fake WeChat); defaults to on for H5 builds, which are the developer
 *                   preview, and off for weapp. Set '0' for an H5 build meant for residents.
 */
export function buildConstants(env: NodeJS.ProcessEnv, taroEnv: string): Record<string, string> {
  const isH5 = taroEnv === 'h5';
  const devLogin = env.LINLI_DEV_LOGIN === undefined ? isH5 : env.LINLI_DEV_LOGIN === '1';
  return {
    LINLI_SERVER_URL: JSON.stringify(env.LINLI_SERVER_URL ?? (isH5 ? '' : 'http://127.0.0.1:3000')),
    LINLI_APP_ID: JSON.stringify(env.LINLI_APP_ID ?? 'linli-dev-app'),
    LINLI_APP_KEY: JSON.stringify(env.LINLI_APP_KEY ?? 'linli-dev-key'),
    LINLI_DEV_LOGIN: JSON.stringify(devLogin),
  };
}
