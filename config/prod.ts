import type { UserConfigExport } from '@tarojs/cli';

export default {
  // Minified JS (terser), WXSS (csso) and WXML: smaller packages, and nothing readable left
  // of development comments. scripts/check-weapp.ts checks the output.
  terser: { enable: true },
  csso: { enable: true },
  mini: {
    minifyXML: { collapseWhitespace: true },
  },
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
