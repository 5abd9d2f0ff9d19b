import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  // Dev builds would otherwise pre-bundle all of NutUI (4.4 MB) into the weapp output.
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
