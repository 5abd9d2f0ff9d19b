import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  // Dev builds would otherwise pre-bundle all of NutUI (4.4 MB) into the weapp output.
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  mini: {
    // Unminified, the main package of a watch build measured 2.0 MB: over WeChat's 2 MB,
    // so a real-device preview from DevTools would be refused. Minifying keeps it at the
    // production size; source maps still point at the sources.
    webpackChain(chain) {
      chain.optimization.minimize(true);
    },
  },
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
