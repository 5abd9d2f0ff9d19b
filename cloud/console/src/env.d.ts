/**
 * What the console reads from Vite's env at build time. Declared here rather than with
 * `vite/client`, whose asset module declarations clash with the mini-program's (src/env.d.ts)
 * in the one program `npm run typecheck` checks.
 */
interface ImportMetaEnv {
  readonly VITE_LINLI_APP_ID?: string;
  readonly VITE_LINLI_APP_KEY?: string;
  readonly DEV: boolean;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

// md5 comes with leancloud-storage (which signs requests with it) and ships no types.
declare module 'md5' {
  export default function md5(message: string): string;
}
