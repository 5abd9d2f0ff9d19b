/**
 * Where the host is and who the app is. The console is served by the host itself, so the
 * page's own origin is the server; the app id and key default to the development ones
 * (cloud/config.ts) and come from VITE_LINLI_APP_ID / VITE_LINLI_APP_KEY for a real build.
 */
export interface ConsoleSettings {
  serverURL: string;
  appId: string;
  appKey: string;
}

export function consoleSettings(): ConsoleSettings {
  return {
    serverURL: window.location.origin,
    appId: import.meta.env.VITE_LINLI_APP_ID || 'linli-dev-app',
    appKey: import.meta.env.VITE_LINLI_APP_KEY || 'linli-dev-key',
  };
}
