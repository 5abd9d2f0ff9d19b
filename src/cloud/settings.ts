export interface CloudSettings {
  serverURL: string;
  appId: string;
  appKey: string;
}

/**
 * Where the host is. Fixed at build time (config/constants.ts); an H5 build without
 * LINLI_SERVER_URL talks to the origin that served it, which is how the host serves the
 * preview from dist-h5/.
 */
export function cloudSettings(): CloudSettings {
  let serverURL = LINLI_SERVER_URL;
  if (!serverURL && process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    serverURL = window.location.origin;
  }
  return {
    // A weapp build always has its URL from config/constants.ts (https in production):
    // no local fallback may be left in its bundle (scripts/check-weapp.ts looks).
    serverURL: process.env.TARO_ENV === 'weapp' ? serverURL : serverURL || 'http://127.0.0.1:3000',
    appId: LINLI_APP_ID,
    appKey: LINLI_APP_KEY,
  };
}
